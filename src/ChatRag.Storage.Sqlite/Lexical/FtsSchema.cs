using System.Text;

namespace ChatRag.Storage.Sqlite.Lexical;

/// <summary>
/// Shape of the FTS5 index over <c>Chunks</c>. It is an external-content table (text is stored once, in <c>Chunks</c>,
/// read through the view <c>chunks_fts_content</c>) kept in sync by triggers, so every write path, cascade deletes
/// included, updates it inside the caller's transaction. The DDL itself lives in the migrations.
/// </summary>
/// <remarks>
/// Columns: <c>Text</c> (the chunk's analysed terms, <c>Chunks.LexicalTerms</c>) and <c>Scope</c>, one token per chunk naming its collection exactly
/// (<see cref="ScopeToken"/>), so the collection filter is part of the MATCH expression: FTS5 intersects it with the
/// words and scores only the survivors. <c>Scope</c> gets BM25 weight 0.
/// </remarks>
public static class FtsSchema
{
    /// <summary>Name of the FTS5 table.</summary>
    public const string TableName = "chunks_fts";

    /// <summary>
    /// Tokenizer of the FTS5 table. It indexes <c>Chunks.LexicalTerms</c>, the chunk's terms as the shared analysis
    /// (<see cref="TextAnalysis.Analysis.TextAnalyzer"/>) made them in the chunk's language (elision removed, stemmed,
    /// accents folded) and tagged with that language (<see cref="Tag"/>), so it only splits at the spaces between terms;
    /// <c>_</c> is a token character so that a tag stays part of its term. Queries go through the same analysis.
    /// </summary>
    public const string Tokenizer = "unicode61 remove_diacritics 2 tokenchars '_'";

    /// <summary>
    /// An analysed term as indexed: <c>fr_cheval</c>. The tag keeps each language's terms apart, so a query analysed in
    /// several languages meets each chunk only through its own language's analysis (an English stem never matches a
    /// French chunk by accident), and document frequencies are counted per language.
    /// </summary>
    public static string Tag(string language, string term) => language + "_" + term;

    /// <summary>
    /// The token that stands for a collection: <c>k</c>, the upper-case hex of the name's UTF-8 bytes, <c>0</c>. The SQL
    /// side computes the same with <c>'k' || hex(Collection) || '0'</c>. Hex keeps it one exact token whatever the name
    /// holds; the trailing digit keeps the stemmer off it.
    /// </summary>
    public static string ScopeToken(string collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return "k" + Convert.ToHexString(Encoding.UTF8.GetBytes(collection)) + "0";
    }
}
