using static ChatRag.Templating.Tests.RenderHelper;

namespace ChatRag.Templating.Tests;

/// <summary>A hostile chat_template must fail with a TemplateException, never crash or exhaust the server.</summary>
public sealed class HostileTemplateTests
{
    [Fact]
    public void UnboundedMacroRecursionFailsInsteadOfOverflowingTheStack()
    {
        var error = Assert.Throws<TemplateException>(() => Render("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"));
        Assert.Contains("nests too deeply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MutuallyRecursiveMacrosFail() =>
        Assert.Throws<TemplateException>(() => Render("{% macro a(n) %}{{ b(n) }}{% endmacro %}{% macro b(n) %}{{ a(n) }}{% endmacro %}{{ a(1) }}"));

    [Fact]
    public void BoundedMacroRecursionStillWorks() =>
        Assert.Equal("3210", Render("{% macro f(n) %}{{ n }}{% if n > 0 %}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(3) }}"));

    [Fact]
    public void DeepCallerNestingWithinTheLimitStillWorks() =>
        Assert.Equal("[[x]]", Render("{% macro w() %}[{{ caller() }}]{% endmacro %}{% call w() %}{% call w() %}x{% endcall %}{% endcall %}"));

    [Theory]
    [InlineData("(", ")")]
    [InlineData("not ", "")]
    [InlineData("-", "")]
    [InlineData("[", "]")]
    public void DeeplyNestedExpressionsFailAtLoadWithPosition(string open, string close)
    {
        var source = "{{ " + string.Concat(Enumerable.Repeat(open, 5000)) + "1" + string.Concat(Enumerable.Repeat(close, 5000)) + " }}";
        var error = Assert.Throws<TemplateException>(() => JinjaTemplate.Parse(source, TemplateOptions.ChatTemplate));
        Assert.Contains("nests too deeply", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
        Assert.True(error.Column > 0);
    }

    [Fact]
    public void DeeplyNestedBlocksFailAtLoad()
    {
        var source = string.Concat(Enumerable.Repeat("{% if true %}", 5000)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", 5000));
        var error = Assert.Throws<TemplateException>(() => JinjaTemplate.Parse(source, TemplateOptions.ChatTemplate));
        Assert.Contains("nests too deeply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModerateNestingStillParses() =>
        Assert.Equal("true", Render("{{ " + string.Concat(Enumerable.Repeat("not not (", 30)) + "true" + new string(')', 30) + " }}"));

    [Fact]
    public void LongFlatOperatorChainsFailOrRenderButNeverCrash()
    {
        // A left-leaning tree 20,000 deep is built without recursion at load, so rendering must guard its own stack.
        var source = "{{ 1" + string.Concat(Enumerable.Repeat(" + 1", 20000)) + " }}";
        try
        {
            Assert.Equal("20001", Render(source));
        }
        catch (TemplateException)
        {
        }
    }

    [Theory]
    [InlineData("range(-9223372036854775807, 9223372036854775807)")]
    [InlineData("range(9223372036854775807, -9223372036854775807, -1)")]
    public void RangeCountOverflowIsStillCapped(string call)
    {
        var error = Assert.Throws<TemplateException>(() => Render("{{ " + call + " | length }}"));
        Assert.Contains("range() too big", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ range(10, 0, -3) | list }}", "[10, 7, 4, 1]")]
    [InlineData("{{ range(3) | list }}", "[0, 1, 2]")]
    [InlineData("{{ range(5, 5) | list }}", "[]")]
    [InlineData("{{ range(-9223372036854775807, 9223372036854775807, 9223372036854775807) | list }}", "[-9223372036854775807, 0]")]
    [InlineData("{{ range(0, 9223372036854775807, 4611686018427387905) | list }}", "[0, 4611686018427387905]")]
    [InlineData("{{ range(9223372036854775807, -9223372036854775807, -9223372036854775807) | list }}", "[9223372036854775807, 0]")]
    public void RangeWithinTheCapStillWorksWithoutWrapping(string source, string expected) =>
        Assert.Equal(expected, Render(source));

    [Theory]
    [InlineData("{{ 'abc'.rsplit('', 1000000000000) }}")]
    [InlineData("{{ 'abc'.rsplit('') }}")]
    public void RsplitWithAnEmptySeparatorFails(string source)
    {
        var error = Assert.Throws<TemplateException>(() => Render(source));
        Assert.Contains("empty separator", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ 'abc'.replace('', '-', 2) }}", "-a-bc")]
    [InlineData("{{ 'abc'.replace('', '-') }}", "-a-b-c-")]
    [InlineData("{{ 'abc'.replace('', '-', 0) }}", "abc")]
    [InlineData("{{ 'abc'.replace('', '-', 100) }}", "-a-b-c-")]
    [InlineData("{{ 'abc'.replace('', '-', 9223372036854775807) }}", "-a-b-c-")]
    [InlineData("{{ ''.replace('', '-', 5) }}", "-")]
    [InlineData("{{ 'aaa'.replace('a', 'b', 2) }}", "bba")]
    public void ReplaceMatchesPython(string source, string expected) =>
        Assert.Equal(expected, Render(source));

    [Theory]
    [InlineData("{% set ns = namespace() %}{% set ns.me = ns %}{{ ns | tojson }}")]
    [InlineData("{% set ns = namespace(items=[]) %}{% set ns.items = [1, {'ns': ns}] %}{{ ns | tojson(indent=2) }}")]
    public void SelfContainingValuesFailInTojson(string source)
    {
        var error = Assert.Throws<TemplateException>(() => Render(source));
        Assert.Contains("Circular reference", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ 'ab' * 600000 }}")]
    [InlineData("{{ ([1, 2] * 600000) | length }}")]
    [InlineData("{{ 'a' * 4294967297 }}")]
    [InlineData("{{ 'abc' * 9223372036854775807 }}")]
    public void HugeRepetitionFails(string source)
    {
        var error = Assert.Throws<TemplateException>(() => Render(source));
        Assert.Contains("Repetition too big", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ 'ab' * 3 }}", "ababab")]
    [InlineData("{{ 'ab' * -1 }}", "")]
    [InlineData("{{ [1] * 2 }}", "[1, 1]")]
    [InlineData("{{ ('' * 9223372036854775807) | length }}", "0")]
    public void SmallRepetitionStillWorks(string source, string expected) =>
        Assert.Equal(expected, Render(source));
}
