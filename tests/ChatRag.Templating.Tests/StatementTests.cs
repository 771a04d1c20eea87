using static ChatRag.Templating.Tests.RenderHelper;

namespace ChatRag.Templating.Tests;

public sealed class StatementTests
{
    [Fact]
    public void NamespaceKeepsChangesMadeInsideALoop() =>
        Assert.Equal("2", Render("{% set ns = namespace(n=0) %}{% for x in [1, 2] %}{% if x > 0 %}{% set ns.n = x %}{% endif %}{% endfor %}{{ ns.n }}"));

    [Fact]
    public void PlainSetInsideALoopDoesNotLeak() =>
        Assert.Equal("0", Render("{% set n = 0 %}{% for x in [1, 2] %}{% set n = x %}{% endfor %}{{ n }}"));

    [Fact]
    public void ReversedSliceAndLoopIndex() =>
        Assert.Equal("c2b1a0", Render("{% for x in xs[::-1] %}{{ x }}{{ (xs|length - 1) - loop.index0 }}{% endfor %}", """{"xs":["a","b","c"]}"""));

    [Fact]
    public void LoopVariables() =>
        Assert.Equal("1/3 first;2/3;3/3 last;", Render("{% for x in 'abc' %}{{ loop.index }}/{{ loop.length }}{% if loop.first %} first{% endif %}{% if loop.last %} last{% endif %};{% endfor %}"));

    [Fact]
    public void ForElseAndFilteredLoop() =>
        Assert.Equal("empty|24", Render("{% for x in [] %}{{ x }}{% else %}empty{% endfor %}|{% for x in [1,2,3,4] if x is even %}{{ x }}{% endfor %}"));

    [Fact]
    public void BreakAndContinue() =>
        Assert.Equal("13", Render("{% for x in [1,2,3,4,5] %}{% if x == 2 %}{% continue %}{% endif %}{% if x > 3 %}{% break %}{% endif %}{{ x }}{% endfor %}"));

    [Fact]
    public void IfElifElse() =>
        Assert.Equal("b", Render("{% if x == 1 %}a{% elif x == 2 %}b{% else %}c{% endif %}", """{"x":2}"""));

    [Fact]
    public void MacroWithDefaultsAndCallBlock() =>
        Assert.Equal("<Hi, Ann!>[body]", Render(
            "{% macro greet(name, punct='!') %}<Hi, {{ name }}{{ punct }}>{% endmacro %}{% macro wrap() %}[{{ caller() }}]{% endmacro %}{{ greet('Ann') }}{% call wrap() %}body{% endcall %}"));

    [Fact]
    public void BlockSetAndFilterBlock() =>
        Assert.Equal("HELLO x", Render("{% set s %}hello{% endset %}{% filter upper %}{{ s }}{% endfilter %} x"));

    [Fact]
    public void TupleUnpackingOverItems() =>
        Assert.Equal("a=1,b=2,", Render("{% for k, v in d | items %}{{ k }}={{ v }},{% endfor %}", """{"d":{"a":1,"b":2}}"""));

    [Fact]
    public void GenerationMarkersPrintNothing() =>
        Assert.Equal("ab", Render("a{% generation %}b{% endgeneration %}"));

    [Fact]
    public void ClrDictionariesInsideListsAreReadable()
    {
        var variables = new Dictionary<string, object?>
        {
            ["messages"] = new List<object?> { new Dictionary<string, object?> { ["role"] = "user", ["tags"] = new[] { "a", "b" } } },
        };

        Assert.Equal("user:a,b", Render("{% for m in messages %}{{ m['role'] }}:{{ m.tags | join(',') }}{% endfor %}", variables));
    }
}
