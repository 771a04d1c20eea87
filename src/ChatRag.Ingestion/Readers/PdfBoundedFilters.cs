using System.IO.Compression;
using ChatRag.Ingestion.Errors;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace ChatRag.Ingestion.Readers;

/// <summary>
/// PdfPig's filters with a ceiling on what one stream may decode to. PdfPig 0.1.16 inflates without any bound, and
/// chained <c>/FlateDecode</c> filters multiply (1 KB → 1 MB → 1 GB), so a small PDF could take the worker down.
/// Flate data is first inflated into a counter that stops at the ceiling (nothing kept), and only then handed to
/// PdfPig's own filter, which applies predictors; every other filter's output is checked after the fact.
/// </summary>
internal sealed class PdfBoundedFilters(int maxBytes) : IFilterProvider
{
    private readonly IFilterProvider inner = DefaultFilterProvider.Instance;

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(inner.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(inner.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(inner.GetAllFilters());

    private List<IFilter> Wrap(IReadOnlyList<IFilter> filters) => filters.Select(f => (IFilter)new Bounded(f, maxBytes)).ToList();

    private static DocumentLimitExceededException TooLarge(int maxBytes) => new(
        $"A stream inside the PDF decompresses to more than {maxBytes / (1024 * 1024.0):0.#} MiB, the configured limit; it looks like a decompression bomb and was not read.");

    private sealed class Bounded(IFilter inner, int maxBytes) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            if (inner is FlateFilter)
            {
                CheckInflatedSize(input, maxBytes);
            }

            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            return output.Length > maxBytes ? throw TooLarge(maxBytes) : output;
        }

        private static void CheckInflatedSize(Memory<byte> input, int maxBytes)
        {
            // PdfPig skips the two-byte zlib header and inflates the rest; do the same, counting instead of keeping.
            if (input.Length < 2)
            {
                return;
            }

            using var source = new ReadOnlyMemoryStream(input[2..]);
            using var inflater = new DeflateStream(source, CompressionMode.Decompress);
            var scratch = new byte[81920];
            long total = 0;
            try
            {
                int read;
                while ((read = inflater.Read(scratch)) > 0)
                {
                    total += read;
                    if (total > maxBytes)
                    {
                        throw TooLarge(maxBytes);
                    }
                }
            }
            catch (InvalidDataException)
            {
                // Damaged data: what was inflated so far is under the bound, and PdfPig decides how to treat the rest.
            }
        }
    }
}
