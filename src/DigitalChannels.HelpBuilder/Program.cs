using DigitalChannels.HelpBuilder;

// dotnet DigitalChannels.HelpBuilder.dll --docs <folder> --out <folder>
// Exit code 0: help written; 1: a page is broken (one MSBuild-format error line per problem); 2: wrong arguments.
return HelpBuilderProgram.Run(args, Console.Out, Console.Error);

namespace DigitalChannels.HelpBuilder
{
    internal static class HelpBuilderProgram
    {
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            string? docs = null, outFolder = null;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--docs" when i + 1 < args.Length: docs = args[++i]; break;
                    case "--out" when i + 1 < args.Length: outFolder = args[++i]; break;
                    default:
                        error.WriteLine($"HelpBuilder: unknown argument '{args[i]}'.");
                        docs = null;
                        i = args.Length;
                        break;
                }
            }
            if (docs == null || outFolder == null)
            {
                error.WriteLine("Usage: DigitalChannels.HelpBuilder --docs <folder of PlatyPS markdown> --out <module folder>/en-US");
                return 2;
            }

            HelpBuild.Result result;
            try
            {
                result = HelpBuild.Run(docs, outFolder);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"HelpBuilder: error {HelpFormatException.Code}: {exception.Message}");
                return 1;
            }
            foreach (var problem in result.Errors)
            {
                // Standard output: MSBuild's Exec turns canonical error lines there into build errors.
                output.WriteLine(problem.ToBuildError());
            }
            if (!result.Succeeded) return 1;
            output.WriteLine($"HelpBuilder: {result.Commands} cmdlets and {result.AboutTopics} about topics from {docs} -> {outFolder}");
            return 0;
        }
    }
}
