using ChatRag.Core.Retrieval;
using ChatRag.TextAnalysis.Analysis;

namespace ChatRag.TextAnalysis.Languages;

/// <summary>
/// Language of queries and chunks, for choosing their analysis. Builds on <see cref="QueryLanguage"/> (function words
/// and letters); a chunk too short or too neutral to tell takes its document's language.
/// </summary>
public static class TextLanguage
{
    // Enough text for the function-word test on a whole document, without reading a book to decide.
    private const int DocumentSample = 20_000;

    /// <summary>The supported language of <paramref name="text"/>, or null when undecided or unsupported.</summary>
    public static string? Detect(string text)
    {
        return Supported(QueryLanguage.Detect(text));
    }

    private static string? Supported(string? code) => code is not null && LanguageProfiles.All.ContainsKey(code) ? code : null;

    /// <summary>
    /// One language per chunk of a document, in order: each chunk's own when it is clear, else the document's (detected on
    /// its chunks together: clear, or else the likeliest, since a French page quoting English is still French), else the
    /// chunk's likeliest, else <see cref="LanguageProfiles.Default"/>. Never null: the index must analyse every chunk.
    /// </summary>
    public static IReadOnlyList<string> OfChunks(IReadOnlyList<string> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        string? document = null;
        var documentDetected = false;
        var languages = new string[chunks.Count];
        for (var i = 0; i < chunks.Count; i++)
        {
            var own = Detect(chunks[i]);
            if (own is null && !documentDetected)
            {
                var sample = Sample(chunks);
                document = Detect(sample) ?? Supported(QueryLanguage.Likeliest(sample));
                documentDetected = true;
            }

            languages[i] = own ?? document ?? Supported(QueryLanguage.Likeliest(chunks[i])) ?? LanguageProfiles.Default;
        }

        return languages;
    }

    private static string Sample(IReadOnlyList<string> chunks)
    {
        var sample = new System.Text.StringBuilder();
        foreach (var chunk in chunks)
        {
            sample.Append(chunk).Append('\n');
            if (sample.Length >= DocumentSample)
            {
                break;
            }
        }

        return sample.ToString();
    }
}
