using System.Text.Json;

namespace ChatRag.Embeddings.Onnx.Tokenization;

public sealed partial class BertTokenizer
{
    /// <summary>Loads a BERT <c>vocab.txt</c>.</summary>
    public static BertTokenizer FromVocabFile(string path, bool lowercase = true, bool? stripAccents = null) =>
        new(WordPieceVocabulary.FromVocabFile(path), lowercase, stripAccents);

    /// <summary>
    /// Loads a Hugging Face <c>tokenizer.json</c> with a WordPiece model; lower-casing and accent stripping come from its
    /// BertNormalizer (or a Sequence of Lowercase / NFD + StripAccents normalisers).
    /// </summary>
    public static BertTokenizer FromTokenizerJson(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        if (!root.TryGetProperty("model", out var model))
        {
            throw new InvalidDataException($"'{path}' has no 'model' section.");
        }

        var vocabulary = WordPieceVocabulary.FromTokenizerJson(model, path);
        var (lowercase, stripAccents) = root.TryGetProperty("normalizer", out var normalizer)
            ? ReadNormalizer(normalizer, path)
            : (false, false);
        return new BertTokenizer(vocabulary, lowercase, stripAccents);
    }

    private static (bool Lowercase, bool StripAccents) ReadNormalizer(JsonElement normalizer, string path)
    {
        if (normalizer.ValueKind == JsonValueKind.Null)
        {
            return (false, false);
        }

        var type = normalizer.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "BertNormalizer":
                var lowercase = !normalizer.TryGetProperty("lowercase", out var lc) || lc.ValueKind != JsonValueKind.False;
                var strip = normalizer.TryGetProperty("strip_accents", out var sa) && sa.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? sa.ValueKind == JsonValueKind.True
                    : lowercase;
                return (lowercase, strip);
            case "Sequence":
                var lower = false;
                var stripAccents = false;
                foreach (var step in normalizer.GetProperty("normalizers").EnumerateArray())
                {
                    var (l, s) = ReadNormalizer(step, path);
                    lower |= l;
                    stripAccents |= s;
                }

                return (lower, stripAccents);
            case "Lowercase":
                return (true, false);
            case "StripAccents":
                return (false, true);
            case "NFD":
                return (false, false);
            default:
                throw new NotSupportedException($"'{path}' uses normalizer '{type}', which this WordPiece runtime does not implement.");
        }
    }
}
