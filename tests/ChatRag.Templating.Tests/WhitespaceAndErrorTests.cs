using static ChatRag.Templating.Tests.RenderHelper;

namespace ChatRag.Templating.Tests;

public sealed class WhitespaceAndErrorTests
{
    [Fact]
    public void TrimBlocksRemovesTheNewlineAfterATagAndLstripBlocksTheIndentBeforeIt() =>
        Assert.Equal("a\nb\n", Render("{% if true %}\n    {% if true %}\na\n    {% endif %}\n{% endif %}\nb\n{{ '' }}\n"));

    [Fact]
    public void WithoutOptionsWhitespaceIsKept() =>
        Assert.Equal("\n  x\n", Render("{% if true %}\n  x\n{% endif %}", options: new TemplateOptions()));

    [Fact]
    public void DashesStripWhitespaceOnTheirSide() =>
        Assert.Equal("a|b", Render("a  \n {{- '|' -}} \n\t b"));

    [Fact]
    public void CommentsPrintNothing() =>
        Assert.Equal("ab", Render("a{# note #}\nb"));

    [Theory]
    [InlineData("x\n{% include 'other.jinja' %}", "Unsupported tag 'include'", 2, 4)]
    [InlineData("{{ x | wordwrap(10) }}", "Unsupported filter 'wordwrap'", 1, 8)]
    [InlineData("{% if x is sameas_not %}{% endif %}", "Unsupported test 'sameas_not'", 1, 12)]
    [InlineData("{% for x in xs recursive %}{% endfor %}", "Unsupported for-loop modifier 'recursive'", 1, 16)]
    [InlineData("{% if x %}", "Missing '{% endif %}'", 1, 11)]
    public void UnsupportedOrBrokenTemplatesFailAtLoadWithNameAndPosition(string source, string message, int line, int column)
    {
        var error = Assert.Throws<TemplateException>(() => JinjaTemplate.Parse(source, TemplateOptions.ChatTemplate));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void ARuntimeErrorNamesThePosition()
    {
        var error = Assert.Throws<TemplateException>(() => Render("ok\n{{ missing.attr }}"));
        Assert.Contains("Cannot read attribute 'attr' of undefined", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }
}
