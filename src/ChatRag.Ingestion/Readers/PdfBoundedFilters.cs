using ChatRag.Ingestion.Errors;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace ChatRag.Ingestion.Readers;

/// <summary>
/// PdfPig's filters with a ceiling on what one stream may decode to. PdfPig 0.1.16 inflates without any bound, and
/// chained <c>/FlateDecode</c> filters multiply (1 KB → 1 MB → 1 GB), so a small PDF could take the worker down.
/// Flate and LZW streams are decoded here, once, into an output that counts as it is produced and stops at the
/// ceiling (nothing past it is allocated); every other filter is PdfPig's, its output checked after the fact.
/// </summary>
/// <param name="maxBytes">The most one stream may decode to.</param>
/// <param name="decoders">The filters for everything but Flate and LZW; PdfPig's own unless a test counts them.</param>
internal sealed class PdfBoundedFilters(int maxBytes, IFilterProvider? decoders = null) : IFilterProvider
{
    private readonly IFilterProvider inner = decoders ?? DefaultFilterProvider.Instance;
    private readonly int budget = maxBytes;
    private int inflations;

    /// <summary>How many Flate streams this provider inflated itself.</summary>
    internal int Inflations => Volatile.Read(ref inflations);

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(inner.GetFilters(dictionary), PdfFilterNames.Of(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(inner.GetNamedFilters(names), names);

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(inner.GetAllFilters(), []);

    // The names say which decoder each filter is (PdfPig's list follows the dictionary's); a list that does not line
    // up with them falls back to the filter's type.
    private List<IFilter> Wrap(IReadOnlyList<IFilter> filters, IReadOnlyList<NameToken> names) =>
        [.. filters.Select((f, i) => (IFilter)new Bounded(f, filters.Count == names.Count ? names[i] : null, this))];

    private static DocumentLimitExceededException TooLarge(int maxBytes) => new(
        $"A stream inside the PDF decompresses to more than {maxBytes / (1024 * 1024.0):0.#} MiB, the configured limit; it looks like a decompression bomb and was not read.");

    private sealed class Bounded(IFilter inner, NameToken? name, PdfBoundedFilters owner) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            var maxBytes = owner.budget;
            if (PdfFilterNames.IsFlate(name) || (name is null && inner is FlateFilter))
            {
                Interlocked.Increment(ref owner.inflations);
                return PdfFlateDecoder.Decode(input, PdfPredictor.Read(streamDictionary, filterIndex), maxBytes, () => TooLarge(maxBytes));
            }

            if (PdfFilterNames.IsLzw(name) || (name is null && inner is LzwFilter))
            {
                var parameters = DecodeParameterResolver.GetFilterParameters(streamDictionary, filterIndex);
                var earlyChange = PdfPredictor.Int(parameters, NameToken.EarlyChange, 1) != 0;
                return PdfLzwDecoder.Decode(input.Span, earlyChange, PdfPredictor.Read(streamDictionary, filterIndex), maxBytes, () => TooLarge(maxBytes));
            }

            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            return output.Length > maxBytes ? throw TooLarge(maxBytes) : output;
        }
    }
}
