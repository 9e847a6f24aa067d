using DigitalChannels.HelpBuilder.About;
using DigitalChannels.HelpBuilder.Commands;
using DigitalChannels.HelpBuilder.Markdown;

namespace DigitalChannels.HelpBuilder;

/// <summary>
/// docs/ to en-US/: every cmdlet page (front matter "external help file") into the MAML file it names, every
/// about_*.md into about_*.help.txt. Other pages (the module page, guides) are not help and are left alone.
/// All pages are read before anything is written, and every broken page is reported, not only the first.
/// </summary>
internal static class HelpBuild
{
    public sealed record Result(IReadOnlyList<string> Written, IReadOnlyList<HelpFormatException> Errors, int Commands, int AboutTopics)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public static Result Run(string docsFolder, string outputFolder)
    {
        if (!Directory.Exists(docsFolder)) throw new DirectoryNotFoundException($"The docs folder {docsFolder} does not exist.");

        var errors = new List<HelpFormatException>();
        var commands = new List<CommandHelp>();
        var aboutTopics = new List<(string FileName, string Text)>();
        foreach (var path in Directory.EnumerateFiles(docsFolder, "*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            try
            {
                var page = MarkdownPage.Load(path);
                if (AboutTopicWriter.IsAboutPage(path)) aboutTopics.Add((AboutTopicWriter.FileName(page), AboutTopicWriter.ToText(page)));
                else if (CommandPageReader.IsCommandPage(page)) commands.Add(CommandPageReader.Read(page));
            }
            catch (HelpFormatException error)
            {
                errors.Add(error);
            }
        }
        foreach (var duplicate in commands.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(new HelpFormatException(Path.Combine(docsFolder, duplicate.Key + ".md"), 1, null, $"{duplicate.Key} is documented by more than one page."));
        }
        if (errors.Count > 0) return new Result(Array.Empty<string>(), errors, commands.Count, aboutTopics.Count);

        Directory.CreateDirectory(outputFolder);
        var written = new List<string>();
        foreach (var file in commands.GroupBy(c => c.HelpFile, StringComparer.OrdinalIgnoreCase))
        {
            var path = Path.Combine(outputFolder, file.Key);
            MamlWriter.WriteFile(path, file.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase));
            written.Add(path);
        }
        foreach (var (fileName, text) in aboutTopics)
        {
            var path = Path.Combine(outputFolder, fileName);
            File.WriteAllText(path, text, MamlWriter.FileEncoding);
            written.Add(path);
        }
        // A page that was renamed or removed must not leave its old help behind.
        foreach (var stale in Directory.EnumerateFiles(outputFolder, "*-Help.xml").Concat(Directory.EnumerateFiles(outputFolder, "about_*.help.txt")))
        {
            if (!written.Contains(stale, StringComparer.Ordinal)) File.Delete(stale);
        }
        return new Result(written, errors, commands.Count, aboutTopics.Count);
    }
}
