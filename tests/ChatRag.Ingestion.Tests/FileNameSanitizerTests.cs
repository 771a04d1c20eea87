namespace ChatRag.Ingestion.Tests;

public sealed class FileNameSanitizerTests
{
    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\Windows\\win.ini", "win.ini")]
    [InlineData("C:\\Users\\me\\Desktop\\Plan Q3.docx", "Plan Q3.docx")]
    [InlineData("bad\u0000na\u0007me\r\n.txt", "badname.txt")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("what?<>|*:\".md", "what.md")]
    [InlineData("CON", "_CON")]
    [InlineData("nul.txt", "_nul.txt")]
    [InlineData("...", "document")]
    [InlineData("../", "document")]
    [InlineData("   ", "document")]
    [InlineData(null, "document")]
    [InlineData("  spaced    out  .pdf ", "spaced out .pdf")]
    public void Hostile_names_become_safe_display_names(string? input, string expected)
    {
        Assert.Equal(expected, FileNameSanitizer.ToDisplayName(input));
    }

    [Fact]
    public void Very_long_names_are_cut_keeping_the_extension_and_whole_characters()
    {
        var name = string.Concat(Enumerable.Repeat("😀", 500)) + ".pdf";

        var display = FileNameSanitizer.ToDisplayName(name);

        Assert.True(display.Length <= FileNameSanitizer.MaxLength);
        Assert.EndsWith("😀.pdf", display, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(display[^5]));
    }
}
