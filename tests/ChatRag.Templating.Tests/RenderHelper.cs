namespace ChatRag.Templating.Tests;

internal static class RenderHelper
{
    public static string Render(string source, object? variables = null, TemplateOptions? options = null)
    {
        var template = JinjaTemplate.Parse(source, options ?? TemplateOptions.ChatTemplate);
        var values = variables switch
        {
            null => new Dictionary<string, object?>(),
            IReadOnlyDictionary<string, object?> d => d,
            string json => System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone()),
            _ => throw new ArgumentException("variables"),
        };
        return template.Render(values);
    }
}
