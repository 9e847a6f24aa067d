using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Xml;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Lab.Reports
{
    /// <summary>
    /// Writes a <see cref="LabReport"/> as the three files of a report folder: report.html (one self-contained page: no
    /// external script, style, font or image, so that it opens from a file or a mail attachment), report.json and
    /// junit.xml (one test case per pod and step, for CI test tabs).
    /// </summary>
    public static class LabReportWriter
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(false);

        /// <summary>Writes the three files into <paramref name="directory"/> (created when missing); returns their paths.</summary>
        public static IReadOnlyList<string> Write(LabReport report, string directory)
        {
            if (report == null) throw new ArgumentNullException(nameof(report));
            if (string.IsNullOrWhiteSpace(directory)) throw new ArgumentException("The report folder is empty.", nameof(directory));
            Directory.CreateDirectory(directory);
            var files = new[]
            {
                (Path.Combine(directory, LabReport.HtmlFile), Html(report)),
                (Path.Combine(directory, LabReport.JsonFile), Json(report)),
                (Path.Combine(directory, LabReport.JUnitFile), JUnit(report)),
            };
            foreach (var (path, text) in files) File.WriteAllText(path, text, Utf8);
            return files.Select(f => Path.GetFullPath(f.Item1)).ToList();
        }

        public static string Json(LabReport report) =>
            JsonConvert.SerializeObject(report, new JsonSerializerSettings { Formatting = Newtonsoft.Json.Formatting.Indented, NullValueHandling = NullValueHandling.Ignore });

        public static LabReport ReadJson(string json) => JsonConvert.DeserializeObject<LabReport>(json);

        // ----- JUnit -----

        /// <summary>
        /// JUnit XML as CI servers read it: a suite per pod, a case per lab step (as the Pester pack has one It per step).
        /// Failed is a failure, Error an error, Skipped and NeedsPerson are skipped with the reason (JUnit has no
        /// fourth kind; the message starts with the result so that the two stay apart).
        /// </summary>
        public static string JUnit(LabReport report)
        {
            var builder = new StringBuilder();
            using (var writer = XmlWriter.Create(new StringWriter(builder), new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
            {
                var cases = report.Pods.SelectMany(p => report.Steps.Select(s => (Pod: p, Step: s, Result: LabReport.CellResult(p, s.Id))))
                    .Where(c => c.Result.HasValue).ToList();
                writer.WriteStartElement("testsuites");
                writer.WriteAttributeString("name", report.Title);
                WriteCounts(writer, cases.Select(c => c.Result.Value));
                foreach (var pod in report.Pods)
                {
                    var podCases = cases.Where(c => c.Pod == pod).ToList();
                    writer.WriteStartElement("testsuite");
                    writer.WriteAttributeString("name", $"Pod {pod.Id}");
                    WriteCounts(writer, podCases.Select(c => c.Result.Value));
                    writer.WriteAttributeString("timestamp", report.Created.ToString("s", CultureInfo.InvariantCulture));
                    foreach (var c in podCases)
                    {
                        writer.WriteStartElement("testcase");
                        writer.WriteAttributeString("classname", $"Pod {pod.Id}.Lab {c.Step.Lab}");
                        writer.WriteAttributeString("name", c.Step.Title);
                        var notPassed = pod.Checks.Where(k => k.StepId == c.Step.Id && k.Result != LabResult.Passed).ToList();
                        var text = string.Join("\n", notPassed.Select(Describe));
                        switch (c.Result.Value)
                        {
                            case LabResult.Failed:
                                writer.WriteStartElement("failure");
                                writer.WriteAttributeString("type", nameof(LabResult.Failed));
                                writer.WriteAttributeString("message", $"{notPassed.Count(k => k.Result == LabResult.Failed)} check(s) failed");
                                writer.WriteString(text);
                                writer.WriteEndElement();
                                break;
                            case LabResult.Error:
                                writer.WriteStartElement("error");
                                writer.WriteAttributeString("type", nameof(LabResult.Error));
                                writer.WriteAttributeString("message", "the check could not run");
                                writer.WriteString(text);
                                writer.WriteEndElement();
                                break;
                            case LabResult.Skipped:
                            case LabResult.NeedsPerson:
                                writer.WriteStartElement("skipped");
                                writer.WriteAttributeString("message", $"{c.Result.Value}: {text}");
                                writer.WriteEndElement();
                                break;
                        }
                        writer.WriteEndElement();
                    }
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
            }
            return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + builder;
        }

        private static void WriteCounts(XmlWriter writer, IEnumerable<LabResult> results)
        {
            var list = results.ToList();
            writer.WriteAttributeString("tests", list.Count.ToString(CultureInfo.InvariantCulture));
            writer.WriteAttributeString("failures", list.Count(r => r == LabResult.Failed).ToString(CultureInfo.InvariantCulture));
            writer.WriteAttributeString("errors", list.Count(r => r == LabResult.Error).ToString(CultureInfo.InvariantCulture));
            writer.WriteAttributeString("skipped", list.Count(r => r == LabResult.Skipped || r == LabResult.NeedsPerson).ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>One line per check that did not pass: the values for a failure (once), the reason otherwise.</summary>
        private static string Describe(LabReportCheck check) =>
            check.Result == LabResult.Failed
                ? $"{check.Target}: expected {check.Expected}, found {check.Actual}" + (check.Reason == null ? "" : $" ({check.Reason})")
                : $"{check.Target}: {check.Result}: {check.Reason}";

        // ----- HTML -----

        private static string E(string text) => WebUtility.HtmlEncode(text ?? "");

        private static readonly Dictionary<LabResult, string> CellText = new Dictionary<LabResult, string>
        {
            [LabResult.Passed] = "pass",
            [LabResult.Failed] = "FAIL",
            [LabResult.NeedsPerson] = "person",
            [LabResult.Skipped] = "skip",
            [LabResult.Error] = "ERROR",
        };

        /// <summary>The page: counts, filters (pod, lab, result), the pods × steps matrix and every check that did not pass.</summary>
        public static string Html(LabReport report)
        {
            var labs = report.Steps.Select(s => s.Lab).Distinct().ToList();
            var steps = report.Steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
            var h = new StringBuilder();
            h.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
            // Nothing is fetched from anywhere: the page works from a file, a share or a mail attachment.
            h.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n");
            h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            h.Append("<title>").Append(E(report.Title)).Append("</title>\n<style>").Append(Css).Append("</style></head>\n<body>\n");

            h.Append("<header><h1>").Append(E(report.Title)).Append("</h1>\n<p class=\"meta\">");
            if (report.Definition != null) h.Append("Definition <b>").Append(E(report.Definition)).Append("</b>");
            if (report.DefinitionSource != null) h.Append(" (").Append(E(report.DefinitionSource)).Append(")");
            h.Append(" · ").Append(report.Pods.Count).Append(" pod(s) · ").Append(report.Steps.Count).Append(" steps · ")
                .Append(E(report.Created.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture))).Append("</p>\n");
            h.Append("<p id=\"overall\" class=\"r-").Append(report.Result).Append("\">Result: <b>").Append(report.Result).Append("</b> — ")
                .Append(report.Pods.Count(p => p.Result == LabResult.Passed)).Append(" of ").Append(report.Pods.Count).Append(" pod(s) passed</p>\n");
            h.Append("<ul id=\"counts\">");
            foreach (var result in LabReport.AllResults)
                h.Append("<li class=\"r-").Append(result).Append("\" data-result=\"").Append(result).Append("\"><b>")
                    .Append(report.Counts.TryGetValue(result.ToString(), out var n) ? n : 0).Append("</b> ").Append(result).Append("</li>");
            h.Append("</ul>\n");
            h.Append("<p class=\"meta\">Checks per result. A cell is a pod's lab step: the worst result of its checks. Click a cell that did not pass for its expected and actual values.</p>\n</header>\n");

            // Filters: without scripts (some mail clients block them) the page is complete, only not filterable.
            h.Append("<form id=\"filters\" onsubmit=\"return false\"><label>Pod <input id=\"f-pod\" type=\"search\" placeholder=\"e.g. 7 or 1-5,12\" size=\"14\"></label>\n");
            h.Append("<label>Lab <select id=\"f-lab\"><option value=\"\">All labs</option>");
            foreach (var lab in labs) h.Append("<option value=\"").Append(E(lab)).Append("\">Lab ").Append(E(lab)).Append("</option>");
            h.Append("</select></label>\n<span>Result ");
            foreach (var result in LabReport.AllResults)
                h.Append("<label class=\"r-").Append(result).Append("\"><input type=\"checkbox\" class=\"f-result\" value=\"").Append(result).Append("\" checked> ").Append(result).Append("</label> ");
            h.Append("</span> <span id=\"shown\"></span></form>\n");

            h.Append("<div class=\"scroll\"><table id=\"matrix\"><thead><tr><th class=\"pod\">Pod</th><th>Result</th>");
            foreach (var s in report.Steps)
                h.Append("<th class=\"step\" data-lab=\"").Append(E(s.Lab)).Append("\" title=\"").Append(E($"Lab {s.Lab}: {s.Title}")).Append("\">")
                    .Append(E(s.Lab)).Append("<br>").Append(E(s.Short)).Append("</th>");
            h.Append("</tr></thead>\n<tbody>\n");
            foreach (var pod in report.Pods)
            {
                h.Append("<tr data-pod=\"").Append(E(pod.Id)).Append("\"><th class=\"pod\" title=\"").Append(E(pod.Organization)).Append("\">").Append(E(pod.Id))
                    .Append("</th><td class=\"res r-").Append(pod.Result).Append("\">").Append(pod.Result).Append("</td>");
                foreach (var s in report.Steps)
                {
                    var cell = LabReport.CellResult(pod, s.Id);
                    if (cell == null) { h.Append("<td class=\"cell none\" data-lab=\"").Append(E(s.Lab)).Append("\">–</td>"); continue; }
                    var checks = pod.Checks.Where(c => c.StepId == s.Id).ToList();
                    var tip = $"Pod {pod.Id}, lab {s.Lab}: {s.Title}: {checks.Count(c => c.Result == LabResult.Passed)} of {checks.Count} check(s) passed";
                    h.Append("<td class=\"cell r-").Append(cell).Append("\" data-lab=\"").Append(E(s.Lab)).Append("\" data-result=\"").Append(cell)
                        .Append("\" title=\"").Append(E(tip)).Append("\">");
                    if (cell == LabResult.Passed) h.Append(CellText[cell.Value]);
                    else h.Append("<a href=\"#").Append(Anchor(pod.Id, s.Id)).Append("\">").Append(CellText[cell.Value]).Append("</a>");
                    h.Append("</td>");
                }
                h.Append("</tr>\n");
            }
            h.Append("</tbody></table></div>\n");

            var problems = report.Pods.SelectMany(p => p.Checks.Where(c => c.Result != LabResult.Passed).Select(c => (Pod: p, Check: c))).ToList();
            h.Append("<h2>Checks that did not pass (").Append(problems.Count).Append(")</h2>\n");
            if (problems.Count == 0) h.Append("<p>Every check of every pod passed.</p>\n");
            else
            {
                h.Append("<table id=\"details\"><thead><tr><th>Pod</th><th>Lab</th><th>Step</th><th>Check</th><th>Result</th><th>Expected</th><th>Actual</th><th>Reason</th></tr></thead>\n<tbody>\n");
                var anchored = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (pod, check) in problems)
                {
                    steps.TryGetValue(check.StepId, out var step);
                    var anchor = Anchor(pod.Id, check.StepId);
                    h.Append("<tr").Append(anchored.Add(anchor) ? $" id=\"{anchor}\"" : "").Append(" data-pod=\"").Append(E(pod.Id)).Append("\" data-lab=\"").Append(E(step?.Lab))
                        .Append("\" data-result=\"").Append(check.Result).Append("\"><td>").Append(E(pod.Id)).Append("</td><td>").Append(E(step?.Lab)).Append("</td><td>")
                        .Append(E(step?.Title ?? check.StepId)).Append("</td><td>").Append(E(check.Target)).Append("</td><td class=\"res r-").Append(check.Result).Append("\">")
                        .Append(check.Result).Append("</td><td class=\"expected\">").Append(E(check.Expected)).Append("</td><td class=\"actual\">").Append(E(check.Actual))
                        .Append("</td><td>").Append(E(check.Reason)).Append("</td></tr>\n");
                }
                h.Append("</tbody></table>\n");
            }

            h.Append("<h2>Steps</h2>\n<ol class=\"steps\">");
            foreach (var s in report.Steps) h.Append("<li><b>").Append(E(s.Lab)).Append(" ").Append(E(s.Short)).Append("</b>: ").Append(E(s.Title)).Append("</li>");
            h.Append("</ol>\n<script>").Append(Script).Append("</script>\n</body></html>\n");
            return h.ToString();
        }

        private static string Anchor(string pod, string stepId)
        {
            var text = $"c-{pod}-{stepId}";
            var safe = new StringBuilder(text.Length);
            foreach (var ch in text) safe.Append(char.IsLetterOrDigit(ch) || ch == '-' || ch == '.' ? ch : '_');
            return safe.ToString();
        }

        private const string Css = @"
body{font:14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:16px 24px;color:#1b1f24;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px}.meta{color:#57606a;margin:2px 0}
#overall{display:inline-block;padding:4px 10px;border-radius:4px;margin:8px 0}
#counts{list-style:none;padding:0;margin:4px 0;display:flex;gap:8px;flex-wrap:wrap}#counts li{padding:3px 10px;border-radius:12px}
#filters{position:sticky;top:0;background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;margin:12px 0;z-index:3;display:flex;gap:16px;flex-wrap:wrap;align-items:center}
#filters label{white-space:nowrap}#filters span label{padding:2px 6px;border-radius:4px;margin-right:2px}#shown{color:#57606a}
.scroll{overflow:auto;max-width:100%}
table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:2px 6px}
#matrix th.step{font-size:11px;font-weight:600;text-align:center;min-width:54px;line-height:1.2;background:#f6f8fa;position:sticky;top:0}
#matrix th.pod{text-align:right;background:#f6f8fa}#matrix td.cell{text-align:center;font-size:12px;min-width:54px}
#matrix td.cell a{color:inherit;font-weight:700;display:block}#matrix td.none{color:#8c959f}#matrix tbody tr:hover th,#matrix tbody tr:hover td{outline:1px solid #0969da}
td.res{font-weight:600;white-space:nowrap}
.r-Passed{background:#dafbe1;color:#116329}.r-Failed{background:#ffd8d3;color:#a40e26}.r-NeedsPerson{background:#fff1c2;color:#7d4e00}
.r-Skipped{background:#eaeef2;color:#424a53}.r-Error{background:#f0d8ff;color:#6e2da8}
.dim{opacity:.25}
#details td{vertical-align:top}#details td.expected,#details td.actual{font-family:ui-monospace,Consolas,monospace;font-size:12px;max-width:380px}
#details tr:target{outline:3px solid #0969da}
.steps{columns:2;font-size:13px}
@media print{#filters{display:none}}
";

        // ES5 on purpose: the page may be opened by an old mail client's viewer.
        private const string Script = @"
(function(){
  var podBox=document.getElementById('f-pod'),labBox=document.getElementById('f-lab'),boxes=document.querySelectorAll('.f-result'),shown=document.getElementById('shown');
  function pods(text){
    text=text.replace(/\s+/g,'');if(!text)return null;var list=[];
    text.split(',').forEach(function(part){var m=/^(\d+)-(\d+)$/.exec(part);
      if(m){for(var i=+m[1];i<=+m[2];i++)list.push(String(i));}else if(part)list.push(part.toLowerCase());});
    return list;}
  function apply(){
    var wanted=pods(podBox.value),lab=labBox.value,results={};
    Array.prototype.forEach.call(boxes,function(b){results[b.value]=b.checked;});
    function podOk(id){return !wanted||wanted.indexOf(String(id).toLowerCase())>=0;}
    Array.prototype.forEach.call(document.querySelectorAll('#matrix [data-lab]'),function(c){c.style.display=(!lab||c.getAttribute('data-lab')===lab)?'':'none';});
    var rows=0;
    Array.prototype.forEach.call(document.querySelectorAll('#matrix tbody tr'),function(r){
      var any=false;
      Array.prototype.forEach.call(r.querySelectorAll('td.cell[data-result]'),function(c){
        var visible=!lab||c.getAttribute('data-lab')===lab,on=results[c.getAttribute('data-result')];
        c.className=c.className.replace(/ dim/g,'')+(on?'':' dim');if(visible&&on)any=true;});
      var show=podOk(r.getAttribute('data-pod'))&&any;r.style.display=show?'':'none';if(show)rows++;});
    var details=0;
    Array.prototype.forEach.call(document.querySelectorAll('#details tbody tr'),function(r){
      var show=podOk(r.getAttribute('data-pod'))&&(!lab||r.getAttribute('data-lab')===lab)&&results[r.getAttribute('data-result')];
      r.style.display=show?'':'none';if(show)details++;});
    shown.textContent=rows+' pod(s) shown, '+details+' check(s) listed';}
  podBox.addEventListener('input',apply);labBox.addEventListener('change',apply);
  Array.prototype.forEach.call(boxes,function(b){b.addEventListener('change',apply);});
  apply();
})();
";
    }
}
