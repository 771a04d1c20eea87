namespace ChatRag.Decoder.Onnx.Templates;

/// <summary>Finds the <see cref="IChatTemplate"/> for a model family or a model folder.</summary>
public static partial class ChatTemplates
{
    /// <summary>The families this runtime can format, in the names <see cref="ForFamily"/> accepts.</summary>
    public static IReadOnlyList<string> SupportedFamilies { get; } = ["qwen2.5", "llama3", "phi3.5", "phi4"];

    /// <summary>Returns the template of a family by name (<c>qwen2.5</c>, <c>llama3</c>, <c>phi3.5</c>, <c>phi4</c>).</summary>
    /// <param name="family">The family name; common aliases such as <c>qwen2</c>, <c>llama3.2</c>, <c>phi4-mini</c> are accepted.</param>
    /// <returns>The family's template.</returns>
    /// <exception cref="NotSupportedException">The family is unknown; the message lists the supported ones.</exception>
    public static IChatTemplate ForFamily(string family)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(family);
        var key = family.Trim().ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        return key switch
        {
            "qwen2.5" or "qwen2" or "qwen" or "qwen25" or "chatml" => new QwenChatTemplate(),
            "llama3" or "llama3.1" or "llama3.2" or "llama3.3" or "llama" => new Llama3ChatTemplate(),
            "phi3.5" or "phi3" or "phi35" or "phi3.5mini" => new Phi35ChatTemplate(),
            "phi4" or "phi4mini" or "phi4miniinstruct" => new Phi4ChatTemplate(),
            _ => throw Unsupported($"family '{family}'"),
        };
    }

    /// <summary>
    /// The chat template of the model in a folder: its own <c>chat_template</c> (<c>chat_template.jinja</c> or
    /// <c>tokenizer_config.json</c>) rendered by the Jinja engine when it carries one; otherwise the documented
    /// fallback: the hand-written family picked from <c>genai_config.json</c> or <c>config.json</c>, or the
    /// Llama 2 template for a Llama tokenizer with a 32k vocabulary.
    /// </summary>
    /// <param name="modelDirectory">The model folder.</param>
    /// <returns>The folder's template.</returns>
    /// <exception cref="NotSupportedException">The folder has no template and no known family.</exception>
    /// <exception cref="ChatRag.Templating.TemplateException">The folder's template uses something the engine does not support.</exception>
    public static IChatTemplate Detect(string modelDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelDirectory);
        var family = DetectFamily(modelDirectory);
        var own = ReadChatTemplate(modelDirectory);
        if (own is not null)
        {
            // The family (from the template text, else the config's model type) only lends stop strings and the output parser.
            var known = family is null or "llama2" ? null : ForFamily(family);
            return new JinjaChatTemplate(own, SpecialTokens(modelDirectory), known, family);
        }

        return family switch
        {
            null => throw Unsupported($"model folder '{modelDirectory}'"),
            "llama2" => new JinjaChatTemplate(Fallback("llama2"), SpecialTokens(modelDirectory), null, "llama2"),
            _ => ForFamily(family),
        };
    }

    private static string Fallback(string name)
    {
        using var stream = typeof(ChatTemplates).Assembly.GetManifestResourceStream($"ChatRag.Decoder.Onnx.Templates.Fallback.{name}.jinja")
            ?? throw new InvalidOperationException($"Missing fallback template {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static NotSupportedException Unsupported(string what) =>
        new($"No chat template for {what}. Supported families: {string.Join(", ", SupportedFamilies)}.");
}
