using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace ChatRag.Embeddings.Onnx.Tokenization;

public sealed partial class SentencePieceEncoderTokenizer
{
    // fairseq's dictionary, which XLM-R's embedding rows follow: these four first, then every SentencePiece id + 1.
    private const int XlmrBos = 0, XlmrPad = 1, XlmrEos = 2, XlmrUnk = 3, FairseqOffset = 1;

    /// <summary>Whether a tokenizer.json holds a Unigram model (rather than WordPiece or BPE).</summary>
    public static bool IsUnigramTokenizerJson(JsonElement root) =>
        root.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.Object
        && model.TryGetProperty("type", out var type) && type.GetString() == "Unigram";

    /// <summary>
    /// Loads a Hugging Face <c>tokenizer.json</c> with a Unigram model; the special tokens around a text or a pair come
    /// from its post-processor (TemplateProcessing, RobertaProcessing or BertProcessing).
    /// </summary>
    public static SentencePieceEncoderTokenizer FromTokenizerJson(string path)
    {
        var bytes = File.ReadAllBytes(path);
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        if (!IsUnigramTokenizerJson(root))
        {
            throw new NotSupportedException($"'{path}' does not hold a Unigram model.");
        }

        using var stream = new MemoryStream(bytes, writable: false);
        var tokenizer = SentencePieceTokenizer.CreateFromTokenizerJson(stream, addBeginningOfSentence: false, addEndOfSentence: false);
        var ids = TokenIds(root);
        var template = ReadTemplate(root, ids, path);
        var pad = ids.TryGetValue("<pad>", out var p) ? p : 0;
        var unk = root.GetProperty("model").TryGetProperty("unk_id", out var u) && u.ValueKind == JsonValueKind.Number ? u.GetInt32() : -1;
        int? meta = ids.TryGetValue("\u2581", out var m) ? m : null;
        return new SentencePieceEncoderTokenizer(tokenizer, template, pad, unk, meta, AddedTokens(root));
    }

    /// <summary>
    /// Loads XLM-R's <c>sentencepiece.bpe.model</c> (a Unigram model despite its name) and maps its ids to fairseq's
    /// dictionary as Hugging Face's XLMRobertaTokenizer does: <c>&lt;s&gt; &lt;pad&gt; &lt;/s&gt; &lt;unk&gt;</c> are
    /// 0–3 and every other piece is its SentencePiece id + 1.
    /// </summary>
    public static SentencePieceEncoderTokenizer FromSentencePieceModel(string path)
    {
        using var stream = File.OpenRead(path);
        var tokenizer = SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);
        var unk = tokenizer.UnknownId;
        int? meta = tokenizer.Vocabulary.TryGetValue("\u2581", out var m) ? m + FairseqOffset : null;
        AddedToken[] added = [new("<s>", XlmrBos, false, false), new("</s>", XlmrEos, false, false), new("<pad>", XlmrPad, false, false)];
        return new SentencePieceEncoderTokenizer(
            tokenizer, PairTemplate.Roberta(XlmrBos, XlmrEos), XlmrPad, XlmrUnk, meta, added, id => id == unk ? XlmrUnk : id + FairseqOffset);
    }

    private static List<AddedToken> AddedTokens(JsonElement root)
    {
        var added = new List<AddedToken>();
        if (root.TryGetProperty("added_tokens", out var tokens) && tokens.ValueKind == JsonValueKind.Array)
        {
            foreach (var token in tokens.EnumerateArray())
            {
                var content = token.GetProperty("content").GetString() ?? "";
                if (content.Length > 0)
                {
                    added.Add(new AddedToken(
                        content, token.GetProperty("id").GetInt32(), Flag(token, "lstrip"), Flag(token, "rstrip")));
                }
            }
        }

        // Longest first, so a token that begins another never wins over it.
        return [.. added.OrderByDescending(a => a.Content.Length)];
    }

    private static bool Flag(JsonElement token, string name) => token.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static Dictionary<string, int> TokenIds(JsonElement root)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var vocab = root.GetProperty("model").GetProperty("vocab");
        var index = 0;
        foreach (var entry in vocab.EnumerateArray())
        {
            ids.TryAdd(entry[0].GetString() ?? "", index++);
        }

        if (root.TryGetProperty("added_tokens", out var added) && added.ValueKind == JsonValueKind.Array)
        {
            foreach (var token in added.EnumerateArray())
            {
                ids[token.GetProperty("content").GetString() ?? ""] = token.GetProperty("id").GetInt32();
            }
        }

        return ids;
    }

    private static PairTemplate ReadTemplate(JsonElement root, Dictionary<string, int> ids, string path)
    {
        if (!root.TryGetProperty("post_processor", out var post) || post.ValueKind != JsonValueKind.Object)
        {
            // No post-processor: the XLM-R convention, which every Unigram encoder we know of uses.
            return PairTemplate.Roberta(Id(ids, "<s>", path), Id(ids, "</s>", path));
        }

        var type = post.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "TemplateProcessing":
                return new PairTemplate(ReadItems(post, "single", ids, path), ReadItems(post, "pair", ids, path));
            case "RobertaProcessing":
                return PairTemplate.Roberta(post.GetProperty("cls")[1].GetInt32(), post.GetProperty("sep")[1].GetInt32());
            case "BertProcessing":
                return PairTemplate.Bert(post.GetProperty("cls")[1].GetInt32(), post.GetProperty("sep")[1].GetInt32());
            case "Sequence":
                foreach (var step in post.GetProperty("processors").EnumerateArray())
                {
                    if (step.TryGetProperty("type", out var s) && s.GetString() is "TemplateProcessing" or "RobertaProcessing" or "BertProcessing")
                    {
                        using var single = JsonDocument.Parse($"{{\"post_processor\":{step.GetRawText()}}}");
                        return ReadTemplate(single.RootElement, ids, path);
                    }
                }

                return PairTemplate.Roberta(Id(ids, "<s>", path), Id(ids, "</s>", path));
            default:
                throw new NotSupportedException($"'{path}' uses post-processor '{type}', which this encoder runtime does not implement.");
        }
    }

    private static List<PairTemplate.Item> ReadItems(JsonElement post, string name, Dictionary<string, int> ids, string path)
    {
        var items = new List<PairTemplate.Item>();
        var specials = post.TryGetProperty("special_tokens", out var s) ? s : default;
        foreach (var item in post.GetProperty(name).EnumerateArray())
        {
            if (item.TryGetProperty("SpecialToken", out var special))
            {
                var token = special.GetProperty("id").GetString() ?? "";
                var id = specials.ValueKind == JsonValueKind.Object && specials.TryGetProperty(token, out var entry)
                    ? entry.GetProperty("ids")[0].GetInt32()
                    : Id(ids, token, path);
                items.Add(PairTemplate.Item.Special(id, special.GetProperty("type_id").GetInt32()));
            }
            else
            {
                var sequence = item.GetProperty("Sequence");
                var segment = sequence.GetProperty("id").GetString() == "B" ? 1 : 0;
                items.Add(PairTemplate.Item.Segment(segment, sequence.GetProperty("type_id").GetInt32()));
            }
        }

        return items;
    }

    private static int Id(Dictionary<string, int> ids, string token, string path) =>
        ids.TryGetValue(token, out var id) ? id : throw new InvalidDataException($"'{path}' has no '{token}' token.");
}
