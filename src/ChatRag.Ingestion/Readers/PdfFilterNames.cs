using UglyToad.PdfPig.Tokens;

namespace ChatRag.Ingestion.Readers;

/// <summary>
/// The filter names a stream dictionary lists (<c>/Filter</c>, or <c>/F</c> in inline images), in order, so each
/// decoder the provider hands out is known by what it decodes rather than by its type.
/// </summary>
internal static class PdfFilterNames
{
    public static IReadOnlyList<NameToken> Of(DictionaryToken dictionary)
    {
        if (!dictionary.TryGet(NameToken.Filter, out var token) && !dictionary.TryGet(NameToken.F, out token))
        {
            return [];
        }

        return token switch
        {
            NameToken name => [name],
            ArrayToken array => [.. array.Data.OfType<NameToken>()],
            _ => [],
        };
    }

    public static bool IsFlate(NameToken? name) => name is not null && (name.Equals(NameToken.FlateDecode) || name.Equals(NameToken.FlateDecodeAbbreviation));

    public static bool IsLzw(NameToken? name) => name is not null && (name.Equals(NameToken.LzwDecode) || name.Equals(NameToken.LzwDecodeAbbreviation));
}
