using static ChatRag.Templating.Tests.RenderHelper;

namespace ChatRag.Templating.Tests;

public sealed class FilterTests
{
    [Fact]
    public void ToJsonUsesPythonSeparatorsAndKeepsNonAscii() =>
        Assert.Equal("""{"a": [1, 2.5, true, null], "b": "Zürich \"q\"\n"}""", Render("{{ x | tojson }}", """{"x":{"a":[1,2.5,true,null],"b":"Zürich \"q\"\n"}}"""));

    [Fact]
    public void ToJsonWithIndentUsesCommaWithoutSpace() =>
        Assert.Equal("{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}", Render("{{ x | tojson(indent=2) }}", """{"x":{"a":[1,2],"b":{}}}"""));

    [Fact]
    public void StringFilters() =>
        Assert.Equal("abc|ABC|abc|3|a-b|Hello World|Hello", Render("{{ '  abc \n' | trim }}|{{ 'abc' | upper }}|{{ 'ABC' | lower }}|{{ 'abc' | length }}|{{ ['a','b'] | join('-') }}|{{ 'hello world' | title }}|{{ 'hELLO' | capitalize }}"));

    [Fact]
    public void DefaultReplacesOnlyUndefinedUnlessBoolean() =>
        Assert.Equal("x||y", Render("{{ missing | default('x') }}|{{ '' | default('y') }}|{{ '' | default('y', true) }}"));

    [Fact]
    public void FirstLastItemsAndList() =>
        Assert.Equal("1|3|a:1;b:2;|['x'] is 1", Render("{{ xs | first }}|{{ xs | last }}|{% for k, v in d | items %}{{ k }}:{{ v }};{% endfor %}|['x'] is {{ ('x' | list) | length }}", """{"xs":[1,2,3],"d":{"a":1,"b":2}}"""));

    [Fact]
    public void SelectAttrRejectAttrAndMap() =>
        Assert.Equal("b|a,c|a,b,c|2", Render(
            "{{ (ms | selectattr('role', 'equalto', 'user') | map(attribute='content') | list) | join(',') }}|{{ ms | rejectattr('role', 'eq', 'user') | map(attribute='content') | join(',') }}|{{ ms | map(attribute='content') | join(',') }}|{{ ms | selectattr('tool') | list | length }}",
            """{"ms":[{"role":"system","content":"a","tool":1},{"role":"user","content":"b"},{"role":"assistant","content":"c","tool":true}]}"""));

    [Fact]
    public void MapWithAFilterName() =>
        Assert.Equal("A,B", Render("{{ ['a','b'] | map('upper') | join(',') }}"));

    [Fact]
    public void NumbersPrintLikePython() =>
        Assert.Equal("3|2.5|2.0|1|-1", Render("{{ 1 + 2 }}|{{ 5 / 2 }}|{{ 4 / 2 }}|{{ 7 // 4 }}|{{ -1 }}"));

    [Fact]
    public void IndentFilter() =>
        Assert.Equal("a\n  b\n\n  c", Render("{{ 'a\nb\n\nc' | indent(2) }}"));
}
