namespace ChatRag.Web.State;

/// <summary>What people call a file type: "Word document", not <c>application/vnd.openxmlformats-officedocument...</c>.</summary>
public static class FileTypeNames
{
    private static readonly Dictionary<string, string> ByContentType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = "PDF",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = "Word document",
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation"] = "PowerPoint presentation",
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = "Excel workbook",
        ["text/markdown"] = "Markdown",
        ["text/x-markdown"] = "Markdown",
        ["text/plain"] = "Text",
        ["text/csv"] = "CSV table",
        ["text/html"] = "Web page",
        ["application/xhtml+xml"] = "Web page",
        ["image/png"] = "PNG image",
        ["image/jpeg"] = "JPEG image",
        ["image/tiff"] = "TIFF image",
        ["image/webp"] = "WebP image",
        ["image/gif"] = "GIF image",
    };

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "PDF", [".docx"] = "Word document", [".pptx"] = "PowerPoint presentation", [".xlsx"] = "Excel workbook",
        [".md"] = "Markdown", [".markdown"] = "Markdown", [".txt"] = "Text", [".csv"] = "CSV table",
        [".html"] = "Web page", [".htm"] = "Web page", [".png"] = "PNG image", [".jpg"] = "JPEG image", [".jpeg"] = "JPEG image",
        [".tif"] = "TIFF image", [".tiff"] = "TIFF image", [".webp"] = "WebP image",
    };

    /// <summary>The name for a stored document's type, from its content type, else its file name; "File" when neither says.</summary>
    public static string For(string? contentType, string fileName)
    {
        var essence = contentType?.Split(';')[0].Trim();
        if (essence is { Length: > 0 } && ByContentType.TryGetValue(essence, out var name))
        {
            return name;
        }

        return ByExtension.TryGetValue(Path.GetExtension(fileName ?? string.Empty), out var byName) ? byName : "File";
    }
}
