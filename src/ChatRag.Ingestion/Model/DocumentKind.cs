namespace ChatRag.Ingestion.Model;

/// <summary>The document formats ingestion understands, as detected from content.</summary>
public enum DocumentKind
{
    /// <summary>Portable Document Format.</summary>
    Pdf,

    /// <summary>Word (OOXML wordprocessing).</summary>
    Docx,

    /// <summary>PowerPoint (OOXML presentation).</summary>
    Pptx,

    /// <summary>Excel (OOXML spreadsheet).</summary>
    Xlsx,

    /// <summary>HTML page.</summary>
    Html,

    /// <summary>Markdown (CommonMark with pipe tables).</summary>
    Markdown,

    /// <summary>Plain text.</summary>
    Text,

    /// <summary>Comma- or tab-separated values.</summary>
    Csv,

    /// <summary>PNG image, read by OCR.</summary>
    Png,

    /// <summary>JPEG image, read by OCR.</summary>
    Jpeg,

    /// <summary>TIFF image, every frame a page, read by OCR.</summary>
    Tiff,

    /// <summary>WebP image, read by OCR.</summary>
    WebP,
}
