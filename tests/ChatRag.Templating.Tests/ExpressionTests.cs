using static ChatRag.Templating.Tests.RenderHelper;

namespace ChatRag.Templating.Tests;

public sealed class ExpressionTests
{
    [Fact]
    public void Tests() =>
        Assert.Equal("TTTTTTTT", Render(
            "{% if x is defined %}T{% endif %}{% if y is undefined %}T{% endif %}{% if n is none %}T{% endif %}{% if s is string %}T{% endif %}{% if d is mapping %}T{% endif %}{% if l is iterable %}T{% endif %}{% if b is false %}T{% endif %}{% if 3 is odd and 4 is divisibleby(2) %}T{% endif %}",
            """{"x":1,"n":null,"s":"a","d":{},"l":[],"b":false}"""));

    [Fact]
    public void StringMethods() =>
        Assert.Equal("True|c|a b|x--y|xy|  a|TrueFalse", Render(
            "{{ 'abc'.startswith('ab') | string | capitalize }}|{{ 'a</think>b</think>c'.split('</think>')[-1] }}|{{ '  a b \n'.strip() }}|{{ 'x..y'.replace('.', '-') }}|{{ '\nxy\n'.strip('\n') }}|{{ '  a\n'.rstrip('\n') }}|{{ 'a.py'.endswith(('.py', '.js')) }}{{ ''.startswith('x') }}",
            null).Replace("true", "True", StringComparison.Ordinal).Replace("false", "False", StringComparison.Ordinal));

    [Fact]
    public void SplitWithoutSeparatorSplitsOnWhitespaceRuns() =>
        Assert.Equal("a|b|c|3", Render("{{ ' a  b\tc\n'.split() | join('|') }}|{{ ' a  b\tc\n'.split() | length }}"));

    [Fact]
    public void Slicing() =>
        Assert.Equal("bc|[2, 3]|cba|ac", Render("{{ 'abc'[1:] }}|{{ xs[1:3] }}|{{ 'abc'[::-1] }}|{{ 'abc'[::2] }}", """{"xs":[1,2,3,4]}"""));

    [Fact]
    public void InOperatorOnStringsListsAndDicts() =>
        Assert.Equal("TTTT", Render("{% if 'b' in 'abc' %}T{% endif %}{% if 2 in [1,2] %}T{% endif %}{% if 'k' in d %}T{% endif %}{% if 'z' not in d %}T{% endif %}", """{"d":{"k":1}}"""));

    [Fact]
    public void ConditionalExpressionAndConcatenation() =>
        Assert.Equal("yes-1|no", Render("{{ ('yes' if x else 'no') ~ '-' ~ x }}|{{ 'yes' if not x else 'no' }}", """{"x":1}"""));

    [Fact]
    public void DictMethodsAndLiterals() =>
        Assert.Equal("1|dflt|a,b", Render("{% set d = {'a': 1, 'b': 2} %}{{ d.get('a') }}|{{ d.get('z', 'dflt') }}|{{ d.keys() | join(',') }}"));

    [Fact]
    public void RangeCountsLikePythonAndIsCappedAsInJinjasSandbox()
    {
        Assert.Equal("0,1,2|5,3,1|", Render("{{ range(3) | join(',') }}|{{ range(5, 0, -2) | join(',') }}|{{ range(2, 2) | join(',') }}"));
        var error = Assert.Throws<TemplateException>(() => Render("{% for i in range(1000000000) %}x{% endfor %}"));
        Assert.Contains("range() too big", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RaiseExceptionFailsTheRenderWithItsMessage()
    {
        var error = Assert.Throws<TemplateException>(() => Render("{{ raise_exception('Only user and assistant roles') }}"));
        Assert.StartsWith("Only user and assistant roles", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StrftimeNowReadsTheGivenClock()
    {
        var template = JinjaTemplate.Parse("{{ strftime_now('%d %b %Y') }}", TemplateOptions.ChatTemplate);
        var clock = new FixedClock(new DateTimeOffset(2024, 7, 26, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal("26 Jul 2024", template.Render(new Dictionary<string, object?>(), clock));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
