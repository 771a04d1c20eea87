using System.Text;
using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Model;

namespace ChatRag.Ingestion.Detection;

/// <summary>
/// Decides a document's format from its bytes; the file name's extension only refines text formats
/// (Markdown, CSV). When extension and content disagree the content wins and a warning is recorded.
/// </summary>
public static class ContentSniffer
{
    private const int SampleBytes = 8192;

    /// <summary>Detects the format of <paramref name="content"/>.</summary>
    /// <exception cref="EmptyDocumentException">The content is empty.</exception>
    /// <exception cref="UnsupportedContentException">The content is binary or a format no reader handles.</exception>
    /// <exception cref="CorruptDocumentException">The content is a damaged zip package.</exception>
    /// <exception cref="DocumentLimitExceededException">The content is a zip package that would expand beyond the limits.</exception>
    public static DetectedContent Detect(ReadOnlySpan<byte> content, string? fileName, IngestionLimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (content.IsEmpty)
        {
            throw new EmptyDocumentException("The file is empty. Check that the upload finished and try again.");
        }

        var byExtension = KindFromExtension(fileName);
        var kind = DetectKind(content, byExtension, limits);
        string? warning = null;
        if (byExtension is { } expected && expected != kind && !(IsTextual(expected) && IsTextual(kind) && kind != DocumentKind.Html))
        {
            warning = $"The file name says {expected} but the content is {kind}; it was read as {kind}.";
        }

        return new DetectedContent(kind, byExtension, warning);
    }

    /// <summary>The format a file name's extension suggests, or null when it suggests none.</summary>
    public static DocumentKind? KindFromExtension(string? fileName) =>
        Path.GetExtension(fileName ?? string.Empty).ToUpperInvariant() switch
        {
            ".PDF" => DocumentKind.Pdf,
            ".DOCX" or ".DOCM" => DocumentKind.Docx,
            ".PPTX" or ".PPTM" => DocumentKind.Pptx,
            ".XLSX" or ".XLSM" => DocumentKind.Xlsx,
            ".HTML" or ".HTM" or ".XHTML" => DocumentKind.Html,
            ".MD" or ".MARKDOWN" or ".MDOWN" or ".MKD" => DocumentKind.Markdown,
            ".CSV" or ".TSV" => DocumentKind.Csv,
            ".TXT" or ".TEXT" or ".LOG" => DocumentKind.Text,
            ".PNG" => DocumentKind.Png,
            ".JPG" or ".JPEG" => DocumentKind.Jpeg,
            ".TIF" or ".TIFF" => DocumentKind.Tiff,
            ".WEBP" => DocumentKind.WebP,
            _ => null,
        };

    private static bool IsTextual(DocumentKind kind) =>
        kind is DocumentKind.Text or DocumentKind.Markdown or DocumentKind.Csv or DocumentKind.Html;

    private static DocumentKind DetectKind(ReadOnlySpan<byte> content, DocumentKind? byExtension, IngestionLimitsOptions limits)
    {
        var head = content[..Math.Min(content.Length, 1024)];
        if (head.IndexOf("%PDF-"u8) >= 0)
        {
            return DocumentKind.Pdf;
        }

        if (ImageHeader.Sniff(content) is { } image)
        {
            return image;
        }

        if (content.StartsWith("PK\x03\x04"u8) || content.StartsWith("PK\x05\x06"u8))
        {
            return DetectPackage(content, limits);
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            // Password-protected OOXML files are stored in this legacy container too.
            if (byExtension is DocumentKind.Docx or DocumentKind.Pptx or DocumentKind.Xlsx)
            {
                throw new EncryptedDocumentException(
                    "The Office file is password-protected (or saved in the old .doc/.xls/.ppt format). Remove the password or save it as .docx/.pptx/.xlsx and upload it again.");
            }

            throw new UnsupportedContentException(
                "Legacy Office files (.doc, .xls, .ppt) are not supported. Save the file as .docx, .xlsx or .pptx and upload it again.");
        }

        if (!LooksLikeText(content[..Math.Min(content.Length, SampleBytes)]))
        {
            throw new UnsupportedContentException(
                "The file is not a supported document type. Supported: PDF, Word (.docx), PowerPoint (.pptx), Excel (.xlsx), HTML, Markdown, plain text, CSV and images (PNG, JPEG, TIFF, WebP).");
        }

        if (LooksLikeHtml(head))
        {
            return DocumentKind.Html;
        }

        return byExtension switch
        {
            DocumentKind.Markdown => DocumentKind.Markdown,
            DocumentKind.Csv => DocumentKind.Csv,
            DocumentKind.Html when head.TrimStart(" \t\r\n"u8).StartsWith("<"u8) => DocumentKind.Html,
            _ => DocumentKind.Text,
        };
    }

    private static DocumentKind DetectPackage(ReadOnlySpan<byte> content, IngestionLimitsOptions limits)
    {
        var names = ZipArchiveInspector.Inspect(content, limits);
        if (!names.Contains("[Content_Types].xml"))
        {
            throw new UnsupportedContentException(
                "The file is a zip archive, not an Office document. Upload the documents inside it one by one.");
        }

        foreach (var name in names)
        {
            switch (name)
            {
                case "word/document.xml":
                    return DocumentKind.Docx;
                case "ppt/presentation.xml":
                    return DocumentKind.Pptx;
                case "xl/workbook.xml":
                    return DocumentKind.Xlsx;
            }
        }

        throw new UnsupportedContentException(
            "The file is an Office package of a kind that is not supported. Supported: Word (.docx), PowerPoint (.pptx), Excel (.xlsx).");
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> sample)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return true;
        }

        if (sample.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        var control = 0;
        foreach (var b in sample)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C and not 0x1B)
            {
                control++;
            }
        }

        // A little noise is tolerated (old text files carry form feeds and stray bytes); binaries carry lots.
        return control * 20 < sample.Length;
    }

    private static bool LooksLikeHtml(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || (text.StartsWith('<') && (text.Contains("<body", StringComparison.OrdinalIgnoreCase) || text.Contains("<head", StringComparison.OrdinalIgnoreCase)));
    }
}
