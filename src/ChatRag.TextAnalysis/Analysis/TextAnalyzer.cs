using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace ChatRag.TextAnalysis.Analysis;

/// <summary>
/// The one lexical analysis of ChatRag, used by the lexical index (chunks and queries) and by the chat's term scoring:
/// words (letters, digits, marks; apostrophes kept until elision), lower-cased, elided articles removed
/// (<c>l'homme</c> → <c>homme</c>), stop words dropped from queries, stemmed with the language's Lucene stemmer and
/// accent-folded (after stemming, except English), then split at any character left that is not part of a word.
/// </summary>
/// <remarks>Thread-safe: Lucene analyzers keep one token-stream chain per thread.</remarks>
public static class TextAnalyzer
{
    private static readonly ConcurrentDictionary<(string Language, string? QueryLanguage, bool Drop), Analyzer> Analyzers = new();

    /// <summary>The index terms of <paramref name="text"/> analysed as <paramref name="language"/>, in order, with their source spans.</summary>
    public static IReadOnlyList<AnalysedToken> Tokens(string text, string? language) => Run(text, Get(language, null, drop: false));

    /// <summary>The index terms of <paramref name="text"/>, in order, with repeats: what the lexical index stores for a chunk.</summary>
    public static IReadOnlyList<string> IndexTerms(string text, string? language) => Tokens(text, language).Select(t => t.Term).ToList();

    /// <summary>
    /// The content terms of <paramref name="text"/> analysed as <paramref name="language"/>: index terms without the stop
    /// and question words of that language and of <paramref name="textLanguage"/>, the language the text itself is written
    /// in when known (a French query analysed for English chunks drops "le" and "de" too). In order, with repeats.
    /// </summary>
    public static IReadOnlyList<string> ContentTerms(string text, string? language, string? textLanguage = null) =>
        Run(text, Get(language, textLanguage, drop: true)).Select(t => t.Term).ToList();

    /// <summary>Whether a lower-cased word is a stop or question word of <paramref name="language"/>.</summary>
    public static bool IsStopWord(string word, string? language)
    {
        ArgumentNullException.ThrowIfNull(word);
        var profile = LanguageProfiles.For(language);
        return profile.StopWords.Contains(word) || profile.QuestionWords.Contains(word);
    }

    private static Analyzer Get(string? language, string? textLanguage, bool drop)
    {
        var code = LanguageProfiles.Normalize(language);
        var other = textLanguage is null || !drop ? null : LanguageProfiles.Normalize(textLanguage);
        return Analyzers.GetOrAdd((code, other == code ? null : other, drop), key => Build(key.Language, key.QueryLanguage, key.Drop));
    }

    private static Analyzer Build(string language, string? textLanguage, bool drop)
    {
        var profile = LanguageProfiles.All[language];
        CharArraySet? stop = null;
        if (drop)
        {
            stop = new CharArraySet(LuceneVersion.LUCENE_48, 256, ignoreCase: true);
            foreach (var p in textLanguage is null ? [profile] : new[] { profile, LanguageProfiles.All[textLanguage] })
            {
                stop.UnionWith(p.StopWords);
                stop.UnionWith(p.QuestionWords);
            }
        }

        return Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new WordTokenizer(reader, keepApostrophes: profile.Articles is not null);
            TokenStream stream = new MarkStrippingFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer));
            if (profile.Articles is not null)
            {
                stream = new ElisionFilter(stream, profile.Articles);
            }

            if (stop is not null)
            {
                stream = new StopFilter(LuceneVersion.LUCENE_48, stream, stop);
            }

            stream = profile.FoldBeforeStem
                ? profile.Stem(new ASCIIFoldingFilter(stream))
                : new ASCIIFoldingFilter(profile.Stem(stream));
            return new TokenStreamComponents(tokenizer, stream);
        });
    }

    private static List<AnalysedToken> Run(string text, Analyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<AnalysedToken>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            WordTokenizer.SplitInto(term.Buffer.AsSpan(0, term.Length), offset.StartOffset, offset.EndOffset, tokens);
        }

        stream.End();
        return tokens;
    }
}
