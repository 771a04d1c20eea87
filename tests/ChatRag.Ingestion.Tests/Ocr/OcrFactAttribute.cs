using Xunit;

namespace ChatRag.Ingestion.Tests.Ocr;

/// <summary>
/// A fact that needs Tesseract and pdftoppm on PATH; skipped, saying which packages to install, only when they are
/// missing (CI installs them, so there the tests run).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OcrFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the engine is not installed.</summary>
    public OcrFactAttribute()
    {
        if (!OcrTools.Installed)
        {
            Skip = "Tesseract and pdftoppm are not installed: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra poppler-utils";
        }
    }
}

/// <summary>Finds the OCR tools on PATH.</summary>
public static class OcrTools
{
    /// <summary>True when both tesseract and pdftoppm are on PATH.</summary>
    public static bool Installed { get; } = OnPath("tesseract") && OnPath("pdftoppm");

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}
