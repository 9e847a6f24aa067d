namespace DigitalChannels.HelpBuilder.Tests;

/// <summary>Docs pages for the tests, in PlatyPS's layout, and a temporary docs folder to run the builder on.</summary>
internal static class Pages
{
    public const string Online = "https://example.test/docs/Set-Widget.md";

    /// <summary>A cmdlet with two parameter sets, a switch, aliases, wildcards, accepted values and pipeline input.</summary>
    public static string SetWidget(string? without = null, string examples = DefaultExamples) => Remove($@"---
external help file: Widgets.PowerShell.dll-Help.xml
Module Name: Widgets
online version: {Online}
schema: 2.0.0
---

# Set-Widget

## SYNOPSIS
Changes a widget.

## SYNTAX

### ByName (Default)
```
Set-Widget [-Name] <String[]> [-Color <String>] [-Force] [-WhatIf] [-Confirm]
 [<CommonParameters>]
```

### ByObject
```
Set-Widget -InputObject <Widget> [-Color <String>] [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]
```

## DESCRIPTION
The `Set-Widget` cmdlet changes a widget, as the portal's **Widgets > EDIT** does.
It writes nothing.

A second paragraph with a [link](Get-Widget.md) and [the site](https://example.test/site).
- first item
  continued
- second item

## EXAMPLES

### Example 1: Paint a widget
```powershell
Set-Widget -Name 'W1' -Color red
```

```output
Done.
```

The widget is red.

{examples}
## PARAMETERS

### -Color
The new color.

```yaml
Type: String
Parameter Sets: (All)
Aliases: Colour, c
Accepted values: red, green

Required: False
Position: Named
Default value: green
Accept pipeline input: False
Accept wildcard characters: False
```

### -Confirm
Prompts you for confirmation before running the cmdlet.

```yaml
Type: SwitchParameter
Parameter Sets: (All)
Aliases: cf

Required: False
Position: Named
Default value: False
Accept pipeline input: False
Accept wildcard characters: False
```

### -Force
Changes a locked widget too.

```yaml
Type: SwitchParameter
Parameter Sets: (All)
Aliases:

Required: False
Position: Named
Default value: False
Accept pipeline input: False
Accept wildcard characters: False
```

### -InputObject
A widget from Get-Widget.

```yaml
Type: Widget
Parameter Sets: ByObject
Aliases:

Required: True
Position: Named
Default value: None
Accept pipeline input: True (ByValue)
Accept wildcard characters: False
```

### -Name
The names of the widgets. Wildcards are allowed.

```yaml
Type: String[]
Parameter Sets: ByName
Aliases:

Required: True
Position: 0
Default value: None
Accept pipeline input: True (ByPropertyName)
Accept wildcard characters: True
```

### -WhatIf
Shows what would happen if the cmdlet runs.

```yaml
Type: SwitchParameter
Parameter Sets: (All)
Aliases: wi

Required: False
Position: Named
Default value: False
Accept pipeline input: False
Accept wildcard characters: False
```

### CommonParameters
This cmdlet supports the common parameters.

## INPUTS

### Widgets.Widget
A widget from the pipeline.

## OUTPUTS

### None

## NOTES
Errors have stable ids: `WidgetLocked` when the widget is locked.

## RELATED LINKS

[Get-Widget](Get-Widget.md)

[Widgets on the web](https://example.test/widgets)
", without);

    public const string DefaultExamples = @"### Example 2: Paint every widget
```powershell
Get-Widget | Set-Widget -Color green -Force
```
";

    public static string About(string name = "about_Widgets", string? without = null) => Remove($@"# {name}

## SHORT DESCRIPTION
What widgets are.

## LONG DESCRIPTION
Widgets are small things that are configured with the `*-Widget` cmdlets, one line of text that is long enough to be wrapped at eighty columns for sure.

### Colors
| Color | Meaning |
|---|---|
| red | stopped |

```powershell
# Not a heading: code.
Get-Widget
```

- an item of a list that is also long enough to wrap at eighty columns when it is indented by four
- another item

## SEE ALSO
[Set-Widget](Set-Widget.md)
", without);

    /// <summary>The page without one section (its heading and body, up to the next "## ").</summary>
    private static string Remove(string page, string? section)
    {
        page = page.Replace("\r\n", "\n");
        if (section == null) return page;
        var start = page.IndexOf("\n## " + section + "\n", StringComparison.Ordinal);
        if (start < 0) throw new ArgumentException($"The page has no section {section}.");
        var end = page.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        return page.Substring(0, start) + (end < 0 ? "\n" : page.Substring(end));
    }
}

/// <summary>A temporary docs folder and output folder, removed after the test.</summary>
internal sealed class TempDocs : IDisposable
{
    public TempDocs()
    {
        Root = Path.Combine(Path.GetTempPath(), "dc-helpbuilder-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Docs);
    }

    public string Root { get; }
    public string Docs => Path.Combine(Root, "docs");
    public string Out => Path.Combine(Root, "out", "en-US");

    public string Write(string fileName, string text)
    {
        var path = Path.Combine(Docs, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
