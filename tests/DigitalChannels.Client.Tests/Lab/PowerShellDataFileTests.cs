using System.Text;
using DigitalChannels.Client.Lab.Definition;
using static DigitalChannels.Client.Tests.Lab.DefinitionAssert;

namespace DigitalChannels.Client.Tests.Lab;

/// <summary>The .psd1 reader: the language Import-PowerShellDataFile accepts, and a located refusal of everything else.</summary>
public class PowerShellDataFileTests
{
    internal const string LabDefinition = """
        <#
            Lab 12 definition: the tenant, the Connect services and the Contact Center objects.
        #>
        @{
            # Who runs the lab
            Name        = 'Lab 12 – Digital Channels'
            'Owner'     = "admin@lab.test"
            Description = @'
        First line of the description.
          It keeps its 'quotes' and $dollars as written.
        '@
            Enabled     = $true
            Archived    = $FALSE
            Retired     = $null
            Seats       = 18
            Offset      = -5
            Ratio       = 1.5
            Mask        = 0x1F
            Attachment  = 1kb
            Channels    = 'chat', 'email',
                          'sms'
            Connect = @{
                Services = @(
                    @{ Name = 'Lab A'; Locked = $false }
                    @{
                        Name   = 'Lab B'
                        Locked = $true
                        Tags   = @()
                    }
                )
            }
            Teams = @(@{ Name = 'Sales'; Skills = @('chat', 'voice') }, @{ Name = "Support`tDesk"; Skills = @('email') })
            Rona = @{ Chat = 18; Email = 60; Social = 90; Telephony = 60 }
        }
        """;

    [Fact]
    public void Reads_a_realistic_definition_into_plain_ordered_values()
    {
        var tree = PowerShellDataFile.Parse(LabDefinition, "lab.psd1");

        Equal(Map(
            ("Name", "Lab 12 – Digital Channels"),
            ("Owner", "admin@lab.test"),
            ("Description", "First line of the description.\n  It keeps its 'quotes' and $dollars as written."),
            ("Enabled", true),
            ("Archived", false),
            ("Retired", null),
            ("Seats", 18L),
            ("Offset", -5L),
            ("Ratio", 1.5),
            ("Mask", 31L),
            ("Attachment", 1024L),
            ("Channels", List("chat", "email", "sms")),
            ("Connect", Map(("Services", List(
                Map(("Name", "Lab A"), ("Locked", false)),
                Map(("Name", "Lab B"), ("Locked", true), ("Tags", List())))))),
            ("Teams", List(
                Map(("Name", "Sales"), ("Skills", List("chat", "voice"))),
                Map(("Name", "Support\tDesk"), ("Skills", List("email"))))),
            ("Rona", Map(("Chat", 18L), ("Email", 60L), ("Social", 90L), ("Telephony", 60L)))), tree);
    }

    [Fact]
    public void Keys_compare_case_insensitively_and_keep_their_written_order()
    {
        var tree = (IDictionary<string, object>)PowerShellDataFile.Parse("@{ Zeta = 1; alpha = 2; Mid-Key = 3; v1.2 = 4; 7 = 'seven' }", "t.psd1");

        Assert.Equal(new[] { "Zeta", "alpha", "Mid-Key", "v1.2", "7" }, tree.Keys);
        Assert.Equal(2L, tree["ALPHA"]);
        Assert.Equal("seven", tree["7"]);
    }

    [Fact]
    public void Arrays_take_commas_new_lines_or_both_and_unroll_one_level_as_PowerShell_does()
    {
        var tree = (IDictionary<string, object>)PowerShellDataFile.Parse("""
            @{
                Commas   = @('a', 'b', 'c')
                Lines    = @(
                    'a'
                    'b'
                    'c'
                )
                Mixed    = @('a', 'b'
                    'c';'d'
                )
                Single   = @('only')
                Nested   = @(@('a', 'b'), 'c')
                Unrolled = @(@('a', 'b'))
                Bare     = 1, 2
            }
            """, "arrays.psd1");

        Equal(List("a", "b", "c"), tree["Commas"]);
        Equal(List("a", "b", "c"), tree["Lines"]);
        Equal(List("a", "b", "c", "d"), tree["Mixed"]);
        Equal(List("only"), tree["Single"]);
        Equal(List(List("a", "b"), "c"), tree["Nested"]);
        Equal(List("a", "b"), tree["Unrolled"]);
        Equal(List(1L, 2L), tree["Bare"]);
    }

    [Fact]
    public void Strings_follow_PowerShell_quoting_rules()
    {
        var tree = (IDictionary<string, object>)PowerShellDataFile.Parse(
            "@{\n" +
            "  Single  = 'it''s $literal `n'\n" +
            "  Double  = \"say \"\"hi\"\" `\"there`\" `$5 `` `0end `u{2013}\"\n" +
            "  Escapes = \"a`tb`nc`r`n\"\n" +
            "  Dollar  = \"costs $ 5 or 5$\"\n" +
            "  Here    = @\"\n  tab`there \"quoted\" ``\n\"@\n" +
            "  Empty   = @'\n'@\n" +
            "  Crlf    = @'\r\nline one\r\nline two\r\n'@\r\n" +
            "}", "strings.psd1");

        Assert.Equal("it's $literal `n", tree["Single"]);
        Assert.Equal("say \"hi\" \"there\" $5 ` \0end \u2013", tree["Double"]);
        Assert.Equal("a\tb\nc\r\n", tree["Escapes"]);
        Assert.Equal("costs $ 5 or 5$", tree["Dollar"]);
        Assert.Equal("  tab\there \"quoted\" `", tree["Here"]);
        Assert.Equal("", tree["Empty"]);
        Assert.Equal("line one\r\nline two", tree["Crlf"]);
    }

    [Fact]
    public void Numbers_follow_PowerShell_literals()
    {
        var tree = (IDictionary<string, object>)PowerShellDataFile.Parse(
            "@{ A = 0; B = +7; C = -0x10; D = 0xFFFFFFFF; E = 0x100000000; F = 2gb; G = 1.5kb; H = 1e3; I = .5; J = 9223372036854775807; K = 3MB }", "n.psd1");

        Assert.Equal(0L, tree["A"]);
        Assert.Equal(7L, tree["B"]);
        Assert.Equal(-16L, tree["C"]);
        Assert.Equal(-1L, tree["D"]); // PowerShell reads 8 hex digits as an Int32 bit pattern
        Assert.Equal(4294967296L, tree["E"]);
        Assert.Equal(2147483648L, tree["F"]);
        Assert.Equal(1536.0, tree["G"]);
        Assert.Equal(1000.0, tree["H"]);
        Assert.Equal(0.5, tree["I"]);
        Assert.Equal(long.MaxValue, tree["J"]);
        Assert.Equal(3145728L, tree["K"]);
    }

    [Fact]
    public void Load_reads_UTF8_with_and_without_a_byte_order_mark_and_UTF16()
    {
        var directory = Directory.CreateTempSubdirectory("psd1-tests-");
        try
        {
            var content = "@{ Name = 'Lab – ü' }";
            var withBom = Path.Combine(directory.FullName, "bom.psd1");
            var withoutBom = Path.Combine(directory.FullName, "plain.psd1");
            var utf16 = Path.Combine(directory.FullName, "utf16.psd1");
            File.WriteAllText(withBom, content, new UTF8Encoding(true));
            File.WriteAllText(withoutBom, content, new UTF8Encoding(false));
            File.WriteAllText(utf16, content, Encoding.Unicode);

            foreach (var path in new[] { withBom, withoutBom, utf16 })
                Equal(Map(("Name", "Lab – ü")), PowerShellDataFile.Load(path));
        }
        finally
        {
            directory.Delete(true);
        }
    }

    [Fact]
    public void Load_refuses_a_file_that_is_not_UTF8_and_names_the_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"latin1-{Guid.NewGuid():N}.psd1");
        try
        {
            File.WriteAllBytes(path, Encoding.ASCII.GetBytes("@{\n  Name = 'Caf").Concat(new byte[] { 0xE9 }).Concat(Encoding.ASCII.GetBytes("'\n}")).ToArray());
            var error = Assert.Throws<DefinitionSyntaxException>(() => PowerShellDataFile.Load(path));
            Assert.Equal($"{path}, line 2, column 14: The file is not valid UTF-8 text; save it as UTF-8 (with or without a byte order mark).", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // One test per refusal: the message names the source, the line and column of the offending text, and the text.
    [Theory]
    [InlineData("Get-Date", 1, 1, "A data file must contain exactly one hashtable @{ ... }; found 'Get-Date'.")]
    [InlineData("# only a comment\n", 2, 1, "The data file is empty: it must contain one hashtable @{ ... }.")]
    [InlineData("@('a')", 1, 1, "A data file must contain exactly one hashtable @{ ... }; found '@('.")]
    [InlineData("@{ A = 1 }\n@{ B = 2 }", 2, 1, "Unexpected '@{' after the hashtable that closes at line 1: a data file contains exactly one hashtable.")]
    [InlineData("@{\n  Name = 'a'\n  Other = 1\n  name = 'b'\n}", 4, 3, "Duplicate key 'name' (first at line 2).")]
    [InlineData("@{\n  Flow = { Start-Flow }\n}", 2, 10, "Unexpected '{': expected a value for the key 'Flow' (a quoted string, a number, $true, $false, $null, @{ } or @( )). Script blocks are not allowed in a data file.")]
    [InlineData("@{ Seats = (1 + 2) }", 1, 12, "Unexpected '(': expected a value for the key 'Seats' (a quoted string, a number, $true, $false, $null, @{ } or @( )). Expressions are not allowed in a data file.")]
    [InlineData("@{ Seats = [int]'5' }", 1, 12, "Unexpected '[int]': expected a value for the key 'Seats' (a quoted string, a number, $true, $false, $null, @{ } or @( )). Type casts and type literals are not allowed in a data file.")]
    [InlineData("@{ Created = Get-Date }", 1, 14, "Unexpected 'Get-Date': expected a value for the key 'Created' (a quoted string, a number, $true, $false, $null, @{ } or @( )). Commands and bare words are not allowed in a data file; quote text, as in 'text'.")]
    [InlineData("@{ Seats = 18abc }", 1, 12, "Unexpected '18abc': expected a value for the key 'Seats' (a quoted string, a number, $true, $false, $null, @{ } or @( )). Commands and bare words are not allowed in a data file; quote text, as in 'text'.")]
    [InlineData("@{ Seats = }", 1, 12, "Unexpected '}': expected a value for the key 'Seats' (a quoted string, a number, $true, $false, $null, @{ } or @( )).")]
    [InlineData("@{ Tags = @('a', ) }", 1, 18, "Unexpected ')': expected a value after ',' (a quoted string, a number, $true, $false, $null, @{ } or @( )).")]
    [InlineData("@{\n  Home = $env:USERPROFILE\n}", 2, 10, "'$env:USERPROFILE' is not allowed in a data file: only $true, $false and $null.")]
    [InlineData("@{ When = $(Get-Date) }", 1, 11, "'$(Get-Date)' is not allowed in a data file: only $true, $false and $null.")]
    [InlineData("@{ Greeting = \"Hello $x\" }", 1, 22, "variable expansion is not allowed in a data file: \"$x\". Write `$ for a dollar sign, or use single quotes.")]
    [InlineData("@{ Greeting = \"Now: $(Get-Date) ok\" }", 1, 21, "variable expansion is not allowed in a data file: \"$(Get-Date)\". Write `$ for a dollar sign, or use single quotes.")]
    [InlineData("@{ Text = @\"\nfirst\nuser ${name}\n\"@ }", 3, 6, "variable expansion is not allowed in a data file: \"${name}\". Write `$ for a dollar sign, or use single quotes.")]
    [InlineData("@{ Text = @' trailing\n'@ }", 1, 14, "Unexpected 'trailing' after '@'': a here-string header ends the line; its text starts on the next line.")]
    [InlineData("@{ A = 1 B = 2 }", 1, 10, "Expected a new line, ';' or '}' after the value of 'A', found 'B'.")]
    [InlineData("@{ A : 1 }", 1, 6, "Expected '=' after the key 'A', found ':'.")]
    [InlineData("@{ $key = 1 }", 1, 4, "Expected a key (a name, a quoted string or a number), found '$key'.")]
    [InlineData("@{ Tags = @('a' 'b') }", 1, 17, "Expected ',', a new line or ')' in the '@(' opened at line 1, column 11, found the string 'b'.")]
    [InlineData("@{ Tags = @('a'\n}", 2, 1, "Unexpected '}': the '@(' opened at line 1, column 11 must be closed with ')'.")]
    [InlineData("@{ Seats = 99999999999999999999 }", 1, 12, "The number '99999999999999999999' does not fit in a 64-bit integer.")]
    [InlineData("@{ Seats = 9000000000pb }", 1, 12, "The number '9000000000pb' does not fit in a 64-bit integer.")]
    public void Refuses_what_Import_PowerShellDataFile_refuses_and_says_where(string text, int line, int column, string problem)
    {
        var error = Assert.Throws<DefinitionSyntaxException>(() => PowerShellDataFile.Parse(text, "lab.psd1"));

        Assert.Equal(problem, error.Problem);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal("lab.psd1", error.SourceName);
        Assert.Equal($"lab.psd1, line {line}, column {column}: {problem}", error.Message);
    }

    // Unclosed constructs: reported where the file ends, naming the line and column where they opened.
    [Theory]
    [InlineData("@{\n  Name = 'a'\n", 3, 1, "The '@{' opened at line 1, column 1 is not closed: the file ends before its '}'.")]
    [InlineData("@{\n  Tags = @(\n    'a'\n", 4, 1, "The '@(' opened at line 2, column 10 is not closed: the file ends before its ')'.")]
    [InlineData("@{\n  Name = 'Lab\n}\n", 4, 1, "The string opened at line 2, column 10 is not closed: the file ends before its closing quote.")]
    [InlineData("@{\n  Name = \"Lab\n}", 3, 2, "The string opened at line 2, column 10 is not closed: the file ends before its closing quote.")]
    [InlineData("@{\n  Text = @'\nline\n  '@\n}", 5, 2, "The here-string opened at line 2, column 10 is not closed: the file ends before a line starting with ''@'.")]
    [InlineData("@{\n  <# note\n  A = 1\n}", 4, 2, "The comment '<#' opened at line 2, column 3 is not closed: the file ends before its '#>'.")]
    public void Refuses_an_unclosed_construct_naming_where_it_opened(string text, int line, int column, string problem)
    {
        var error = Assert.Throws<DefinitionSyntaxException>(() => PowerShellDataFile.Parse(text, "lab.psd1"));

        Assert.Equal(problem, error.Problem);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void Accepts_comments_line_continuations_and_semicolons_anywhere_PowerShell_does()
    {
        var tree = PowerShellDataFile.Parse("""
            # leading comment
            @{ <# inline #> A = 1 # trailing
               B = `
                   2;; C = 'x' <# block
               spanning lines #>
            }
            # after
            """, "c.psd1");

        Equal(Map(("A", 1L), ("B", 2L), ("C", "x")), tree);
    }

    [Fact]
    public void Line_and_column_count_CRLF_line_ends_once()
    {
        var error = Assert.Throws<DefinitionSyntaxException>(() => PowerShellDataFile.Parse("@{\r\n  A = 1\r\n  B = $x\r\n}", "crlf.psd1"));

        Assert.Equal((3, 7), (error.Line, error.Column));
    }
}
