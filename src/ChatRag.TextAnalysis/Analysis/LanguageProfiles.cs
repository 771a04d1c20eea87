using System.Collections.Frozen;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace ChatRag.TextAnalysis.Analysis;

/// <summary>
/// The languages the lexical index analyses, one entry each. Stop sets and stemmers are Lucene's (its analyzers'
/// defaults): Snowball for French (its light stemmer leaves verb forms apart: "mangeaient", "mange") and Dutch, Lucene's
/// light stemmers for the others. A language missing here is analysed as
/// <see cref="Default"/>.
/// </summary>
public static partial class LanguageProfiles
{
    /// <summary>The language of text whose language is unknown.</summary>
    public const string Default = "en";

    /// <summary>Every supported language by code.</summary>
    public static FrozenDictionary<string, LanguageProfile> All { get; } = new LanguageProfile[]
    {
        new("en", EnglishAnalyzer.DefaultStopSet, Set("what which who whom whose when where why how tell me about please could would you your we our us my do does did can should shall may might must has have had been were"), null, s => new PorterStemFilter(s), FoldBeforeStem: true),
        new("fr", FrenchAnalyzer.DefaultStopSet, Set("quel quelle quels quelles lequel laquelle lesquels lesquelles combien comment pourquoi quand où quoi"),
            Set("l m t qu n s j d c jusqu quoiqu lorsqu puisqu"), s => new SnowballFilter(s, new Lucene.Net.Tartarus.Snowball.Ext.FrenchStemmer())),
        new("de", GermanAnalyzer.DefaultStopSet, Set("was wer wen wem wessen wann wo warum wie welche welcher welches wieviel"), null,
            s => new GermanLightStemFilter(new GermanNormalizationFilter(s))),
        new("es", SpanishAnalyzer.DefaultStopSet, Set("qué que quién quiénes cuándo dónde por cómo cuál cuáles cuánto cuántos cuántas"), null,
            s => new SpanishLightStemFilter(s)),
        new("it", ItalianAnalyzer.DefaultStopSet, Set("che cosa chi quando dove perché come quale quali quanto quanti quante"),
            Set("c l all dall dell nell sull coll pell gl agl dagl degl negl sugl un m t s v d"), s => new ItalianLightStemFilter(s)),
        new("pt", PortugueseAnalyzer.DefaultStopSet, Set("que quem quando onde porque como qual quais quanto quantos quantas"), null,
            s => new PortugueseLightStemFilter(s)),
        new("nl", DutchAnalyzer.DefaultStopSet, Set("wat wie wanneer waar waarom hoe welk welke hoeveel"), null,
            s => new SnowballFilter(s, new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer())),
    }.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);

    /// <summary>The profile for <paramref name="language"/>, or the default language's when it is null or unsupported.</summary>
    public static LanguageProfile For(string? language) =>
        language is not null && All.TryGetValue(language, out var profile) ? profile : All[Default];

    /// <summary>The supported code for <paramref name="language"/>: itself when supported, <see cref="Default"/> otherwise.</summary>
    public static string Normalize(string? language) => For(language).Code;

    private static CharArraySet Set(string words) =>
        new CharArraySet(LuceneVersion.LUCENE_48, words.Split(' ', StringSplitOptions.RemoveEmptyEntries), ignoreCase: true).AsReadOnly();
}
