namespace ChatRag.Ingestion.Model;

/// <summary>What a block of extracted text is, so the chunker can treat it accordingly.</summary>
public enum BlockKind
{
    /// <summary>A heading; <see cref="DocumentBlock.HeadingLevel"/> says which level. Slide titles and sheet names are headings too.</summary>
    Heading,

    /// <summary>Running text.</summary>
    Paragraph,

    /// <summary>A list; one item per line.</summary>
    List,

    /// <summary>A table as Markdown-style rows: header row, separator row, then one line per row.</summary>
    Table,

    /// <summary>Preformatted code; split by lines, never by sentences.</summary>
    Code,
}
