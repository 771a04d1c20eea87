namespace ChatRag.Web.Markdown;

/// <summary>Kinds of <see cref="MarkupToken"/>.</summary>
public enum MarkupTokenKind
{
    /// <summary>Plain text.</summary>
    Text,

    /// <summary>A citation number.</summary>
    Citation,

    /// <summary>An unsupported sentence begins.</summary>
    UnsupportedStart,

    /// <summary>An unsupported sentence ends.</summary>
    UnsupportedEnd,
}
