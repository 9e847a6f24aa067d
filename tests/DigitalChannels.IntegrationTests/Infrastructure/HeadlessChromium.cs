using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DigitalChannels.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's headless Chromium driven through chromedriver with the W3C WebDriver protocol spoken over HttpClient: a few
/// JSON requests (session, url, elements, text, displayed, send keys, screenshot) need no Selenium package, and no
/// Selenium Manager that would try to download a driver. Every request and the start are bounded in time; Dispose
/// ends the session and the driver process (and its browser) it started.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    public const string Browser = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";
    private const string ElementKey = "element-6066-11e4-a52e-4f735466cecf";

    private readonly Process _driver;
    private readonly HttpClient _http;
    private readonly string _session;
    private readonly string _profile;
    private readonly StringBuilder _log = new();

    private HeadlessChromium(int width, int height)
    {
        foreach (var file in new[] { Browser, Driver })
            if (!File.Exists(file)) throw new FileNotFoundException($"{file} is missing: install Debian's chromium and chromium-driver (.ci/run does).", file);
        var port = FreePort();
        _profile = Directory.CreateTempSubdirectory("dc-chromium-").FullName;
        _driver = Process.Start(new ProcessStartInfo(Driver, [$"--port={port}", "--allowed-ips=127.0.0.1"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        _driver.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _driver.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _driver.BeginOutputReadLine();
        _driver.BeginErrorReadLine();
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            WaitReady(TimeSpan.FromSeconds(20));
            var capabilities = new JsonObject
            {
                ["capabilities"] = new JsonObject
                {
                    ["alwaysMatch"] = new JsonObject
                    {
                        ["browserName"] = "chrome",
                        ["goog:chromeOptions"] = new JsonObject
                        {
                            ["binary"] = Browser,
                            ["args"] = new JsonArray("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                                $"--user-data-dir={_profile}", $"--window-size={width},{height}"),
                        },
                    },
                },
            };
            _session = Send(HttpMethod.Post, "session", capabilities)!["sessionId"]!.GetValue<string>();
        }
        catch
        {
            Stop();
            throw;
        }
    }

    /// <summary>Starts chromedriver and a headless Chromium window of the given size.</summary>
    public static HeadlessChromium Start(int width = 1400, int height = 1000) => new(width, height);

    public void Open(string path) => Send(HttpMethod.Post, $"session/{_session}/url", new JsonObject { ["url"] = new Uri(Path.GetFullPath(path)).AbsoluteUri });

    /// <summary>Goes to a URL (a sign-in page); returns when the page has loaded.</summary>
    public void Navigate(string url) => Send(HttpMethod.Post, $"session/{_session}/url", new JsonObject { ["url"] = url });

    /// <summary>The address of the page shown now (after redirects).</summary>
    public string CurrentUrl => Send(HttpMethod.Get, $"session/{_session}/url")!.GetValue<string>();

    /// <summary>
    /// The element a CSS selector finds, waiting up to 20 s for it (a click may still be loading the next page); fails
    /// naming the selector and the page when there is none by then.
    /// </summary>
    public string Find(string css)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var found = FindAll(css).FirstOrDefault();
            if (found != null) return found;
            if (clock.Elapsed > TimeSpan.FromSeconds(20))
                throw new InvalidOperationException($"No element '{css}' on {CurrentUrl}: {Text(FindAll("body").Single())}");
            Thread.Sleep(100);
        }
    }

    /// <summary>Waits up to 20 s until the address of the page shown satisfies <paramref name="condition"/> (a click's navigation).</summary>
    public void WaitForUrl(Func<string, bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition(CurrentUrl))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(20)) throw new TimeoutException($"The page stayed at {CurrentUrl}.");
            Thread.Sleep(100);
        }
    }

    /// <summary>The text of the page's body, read again when the page was replaced while reading it (a stale element).</summary>
    public string PageText()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return Text(Find("body"));
            }
            catch (InvalidOperationException ex) when (ex.Message.Contains("stale element") && clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>The page's text once it shows <paramref name="expected"/> (up to 20 s; a click's next page may still be loading), else the text it shows.</summary>
    public string WaitForText(string expected)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var text = PageText();
            if (text.Contains(expected, StringComparison.Ordinal) || clock.Elapsed > TimeSpan.FromSeconds(20)) return text;
            Thread.Sleep(100);
        }
    }

    /// <summary>The elements a CSS selector finds (their WebDriver ids).</summary>
    public IReadOnlyList<string> FindAll(string css) =>
        Send(HttpMethod.Post, $"session/{_session}/elements", new JsonObject { ["using"] = "css selector", ["value"] = css })!
            .AsArray().Select(e => e![ElementKey]!.GetValue<string>()).ToList();

    /// <summary>The text as rendered (what a person sees: hidden elements have none).</summary>
    public string Text(string element) => Send(HttpMethod.Get, $"session/{_session}/element/{element}/text")!.GetValue<string>();

    public bool Displayed(string element) => Send(HttpMethod.Get, $"session/{_session}/element/{element}/displayed")!.GetValue<bool>();

    public string Attribute(string element, string name) => Send(HttpMethod.Get, $"session/{_session}/element/{element}/attribute/{name}")?.GetValue<string>() ?? "";

    public void Type(string element, string text) => Send(HttpMethod.Post, $"session/{_session}/element/{element}/value", new JsonObject { ["text"] = text });

    public void Click(string element) => Send(HttpMethod.Post, $"session/{_session}/element/{element}/click", new JsonObject());

    public void Clear(string element) => Send(HttpMethod.Post, $"session/{_session}/element/{element}/clear", new JsonObject());

    /// <summary>Runs a script in the page and returns its result (for what the protocol has no command for, e.g. a select's value).</summary>
    public JsonNode? Script(string script, params string[] elements) =>
        Send(HttpMethod.Post, $"session/{_session}/execute/sync", new JsonObject
        {
            ["script"] = script,
            ["args"] = new JsonArray(elements.Select(e => (JsonNode)new JsonObject { [ElementKey] = e }).ToArray()),
        });

    /// <summary>The window as a PNG.</summary>
    public byte[] Screenshot() => Convert.FromBase64String(Send(HttpMethod.Get, $"session/{_session}/screenshot")!.GetValue<string>());

    private JsonNode? Send(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body != null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = _http.Send(request);
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        var value = JsonNode.Parse(text)?["value"];
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"WebDriver {method} /{path}: {(int)response.StatusCode} {value?["error"]}: {value?["message"]}\n{DriverLog}");
        return value;
    }

    private void WaitReady(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = _http.Send(new HttpRequestMessage(HttpMethod.Get, "status"));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            if (_driver.HasExited) throw new InvalidOperationException($"chromedriver exited with {_driver.ExitCode}:\n{DriverLog}");
            if (clock.Elapsed > timeout) throw new TimeoutException($"chromedriver did not answer within {timeout.TotalSeconds:0} s:\n{DriverLog}");
            Thread.Sleep(100);
        }
    }

    private string DriverLog { get { lock (_log) return _log.ToString(); } }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Stop()
    {
        try { if (!_driver.HasExited) { _driver.Kill(entireProcessTree: true); _driver.WaitForExit(5000); } } catch (InvalidOperationException) { }
        _driver.Dispose();
        _http.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public void Dispose()
    {
        try { Send(HttpMethod.Delete, $"session/{_session}"); } catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException) { }
        Stop();
    }
}
