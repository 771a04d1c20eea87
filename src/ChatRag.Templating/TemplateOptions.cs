namespace ChatRag.Templating;

/// <summary>Whitespace handling of a template, as Jinja's environment options name it.</summary>
public sealed record TemplateOptions
{
    /// <summary>The settings Hugging Face transformers uses for chat templates: both on.</summary>
    public static TemplateOptions ChatTemplate { get; } = new() { TrimBlocks = true, LstripBlocks = true };

    /// <summary>Remove the first newline after a block or comment tag.</summary>
    public bool TrimBlocks { get; init; }

    /// <summary>Strip spaces and tabs from the start of a line up to a block or comment tag.</summary>
    public bool LstripBlocks { get; init; }
}
