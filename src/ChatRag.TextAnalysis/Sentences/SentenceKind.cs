namespace ChatRag.TextAnalysis.Sentences;

/// <summary>What a unit of text is, so answers can quote statements and list items and leave headings out.</summary>
public enum SentenceKind
{
    /// <summary>A sentence of running text.</summary>
    Sentence,

    /// <summary>One item of a bulleted or numbered list, kept whole.</summary>
    ListItem,

    /// <summary>A heading or title line: it names a topic and states nothing.</summary>
    Heading,
}
