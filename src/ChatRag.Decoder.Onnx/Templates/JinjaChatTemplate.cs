using ChatRag.Decoder.Onnx.Parsing;
using ChatRag.Templating;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Templates;

/// <summary>
/// A model's own Hugging Face chat template (<c>chat_template</c> in <c>tokenizer_config.json</c> or
/// <c>chat_template.jinja</c>), rendered by <see cref="JinjaTemplate"/> with the variables
/// <c>apply_chat_template</c> passes: <c>messages</c>, <c>tools</c>, <c>add_generation_prompt</c>, the special tokens
/// of the config and any extras such as <c>enable_thinking</c>. The family recognised from the template text, if
/// any, supplies stop strings; the config's <c>eos_token</c> stops generation too. The output parser reads the
/// tool-call format the template itself declares (<see cref="Features"/>).
/// </summary>
public sealed partial class JinjaChatTemplate : IChatTemplate
{
    private readonly JinjaTemplate template;
    private readonly IReadOnlyDictionary<string, object?> specialTokens;
    private readonly IChatTemplate? family;
    private readonly string familyName;

    /// <summary>Parses <paramref name="source"/>; unsupported constructs fail here with their name and position.</summary>
    /// <param name="source">The Jinja template text.</param>
    /// <param name="specialTokens">Special-token variables (<c>bos_token</c>, <c>eos_token</c>...) as the config names them.</param>
    /// <param name="family">The hand-written family whose stop strings and output parser apply, or <see langword="null"/>.</param>
    /// <param name="familyName">The name <see cref="Family"/> reports when <paramref name="family"/> is null; <c>custom</c> by default.</param>
    /// <exception cref="TemplateException">The template uses something the engine does not support, or is malformed.</exception>
    public JinjaChatTemplate(string source, IReadOnlyDictionary<string, string> specialTokens, IChatTemplate? family, string? familyName = null)
    {
        this.familyName = familyName ?? "custom";
        ArgumentNullException.ThrowIfNull(specialTokens);
        template = JinjaTemplate.Parse(source, TemplateOptions.ChatTemplate);
        this.specialTokens = specialTokens.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);
        this.family = family;
        Features = TemplateFeatures.Of(source);
        var stops = new List<string>(family?.StopStrings ?? []);
        if (specialTokens.TryGetValue("eos_token", out var eos) && !stops.Contains(eos))
        {
            stops.Add(eos);
        }

        StopStrings = stops;
    }

    /// <inheritdoc />
    public string Family => family?.Family ?? familyName;

    /// <inheritdoc />
    public IReadOnlyList<string> StopStrings { get; }

    /// <summary>The tool-call format and reasoning switches the template's text declares.</summary>
    public TemplateFeatures Features { get; }

    /// <inheritdoc />
    public bool SupportsTools => Features.ToolCalls != ToolCallSyntax.None;

    /// <inheritdoc />
    public IModelOutputParser CreateOutputParser() => new ModelOutputParser(new ModelOutputParserOptions { ToolCalls = Features.ToolCalls });

    /// <inheritdoc />
    public string Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<AITool>? tools, bool addGenerationPrompt = true) =>
        Render(messages, tools, addGenerationPrompt, null);

    /// <summary>Renders the conversation with extra template variables such as <c>enable_thinking</c>.</summary>
    /// <param name="messages">The conversation.</param>
    /// <param name="tools">Tools offered to the model, or <see langword="null"/>; an empty list renders as none.</param>
    /// <param name="addGenerationPrompt">Whether to open the assistant's turn.</param>
    /// <param name="extras">Further variables, or <see langword="null"/>.</param>
    /// <returns>The prompt text.</returns>
    public string Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<AITool>? tools, bool addGenerationPrompt, IReadOnlyDictionary<string, object?>? extras)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var variables = new Dictionary<string, object?>(extras ?? new Dictionary<string, object?>(), StringComparer.Ordinal)
        {
            ["messages"] = TemplateVariables.Messages(messages),
            ["tools"] = TemplateVariables.Tools(tools),
            ["add_generation_prompt"] = addGenerationPrompt,
        };
        return RenderVariables(variables);
    }

    /// <summary>
    /// Renders with variables given as <c>apply_chat_template</c> receives them (JSON elements welcome):
    /// <c>tools</c> and <c>documents</c> default to none and <c>add_generation_prompt</c> to false, the special
    /// tokens come first and any variable of the same name replaces them.
    /// </summary>
    /// <param name="variables">The template variables, <c>messages</c> among them.</param>
    /// <returns>The prompt text.</returns>
    public string RenderVariables(IReadOnlyDictionary<string, object?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var all = new Dictionary<string, object?>(StringComparer.Ordinal) { ["tools"] = null, ["documents"] = null, ["add_generation_prompt"] = false };
        foreach (var (name, value) in specialTokens.Concat(variables))
        {
            all[name] = value;
        }

        return template.Render(all);
    }
}
