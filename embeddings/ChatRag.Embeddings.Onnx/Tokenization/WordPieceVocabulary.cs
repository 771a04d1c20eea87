using System.Text.Json;

namespace ChatRag.Embeddings.Onnx.Tokenization;

/// <summary>
/// A WordPiece vocabulary: token to id, with continuation pieces (<c>##xyz</c>) kept in their own table so that
/// lookups run on spans of the word without building strings.
/// </summary>
public sealed class WordPieceVocabulary
{
    private readonly string[] tokens;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> wordStarts;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> continuations;

    private WordPieceVocabulary(string[] tokens, string unknownToken, string continuationPrefix, int maxInputCharsPerWord)
    {
        this.tokens = tokens;
        var starts = new Dictionary<string, int>(tokens.Length, StringComparer.Ordinal);
        var continuations = new Dictionary<string, int>(tokens.Length / 4, StringComparer.Ordinal);
        for (var id = 0; id < tokens.Length; id++)
        {
            var token = tokens[id];
            if (token is null)
            {
                continue;
            }

            // First occurrence wins, as in Hugging Face's vocab loading.
            starts.TryAdd(token, id);
            if (token.Length > continuationPrefix.Length && token.StartsWith(continuationPrefix, StringComparison.Ordinal))
            {
                continuations.TryAdd(token[continuationPrefix.Length..], id);
            }

            MaxTokenLength = Math.Max(MaxTokenLength, token.Length);
        }

        wordStarts = starts.GetAlternateLookup<ReadOnlySpan<char>>();
        this.continuations = continuations.GetAlternateLookup<ReadOnlySpan<char>>();
        MaxInputCharsPerWord = maxInputCharsPerWord;
        UnknownId = Require(starts, unknownToken);
        ClsId = Require(starts, "[CLS]");
        SepId = Require(starts, "[SEP]");
        PadId = starts.TryGetValue("[PAD]", out var pad) ? pad : 0;
    }

    /// <summary>Number of ids.</summary>
    public int Count => tokens.Length;

    /// <summary>Id of the unknown token.</summary>
    public int UnknownId { get; }

    /// <summary>Id of <c>[CLS]</c>.</summary>
    public int ClsId { get; }

    /// <summary>Id of <c>[SEP]</c>.</summary>
    public int SepId { get; }

    /// <summary>Id of <c>[PAD]</c> (0 when the vocabulary has none).</summary>
    public int PadId { get; }

    /// <summary>Words longer than this many code points become the unknown token.</summary>
    public int MaxInputCharsPerWord { get; }

    /// <summary>Longest token in characters; bounds the greedy search.</summary>
    public int MaxTokenLength { get; }

    /// <summary>The token text of an id.</summary>
    public string this[int id] => tokens[id];

    /// <summary>Looks a piece up: a word start, or (when <paramref name="continuation"/>) a <c>##</c> piece without its prefix.</summary>
    public bool TryGetId(ReadOnlySpan<char> piece, bool continuation, out int id) =>
        (continuation ? continuations : wordStarts).TryGetValue(piece, out id);

    /// <summary>Reads a BERT <c>vocab.txt</c>: one token per line, the line number is the id.</summary>
    public static WordPieceVocabulary FromVocabFile(string path)
    {
        var lines = File.ReadAllLines(path);
        var count = lines.Length;
        while (count > 0 && lines[count - 1].Length == 0)
        {
            count--;
        }

        if (count == 0)
        {
            throw new InvalidDataException($"Vocabulary '{path}' is empty.");
        }

        return new WordPieceVocabulary(lines[..count], "[UNK]", "##", 100);
    }

    /// <summary>Reads the <c>model</c> section of a Hugging Face <c>tokenizer.json</c> whose model type is WordPiece.</summary>
    public static WordPieceVocabulary FromTokenizerJson(JsonElement model, string path)
    {
        if (!model.TryGetProperty("type", out var type) || type.GetString() != "WordPiece")
        {
            throw new NotSupportedException($"'{path}' does not describe a WordPiece tokenizer (model.type is '{(model.TryGetProperty("type", out var t) ? t.ToString() : "missing")}'); only WordPiece encoders are supported.");
        }

        if (!model.TryGetProperty("vocab", out var vocab) || vocab.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"'{path}' has no model.vocab object.");
        }

        var pairs = vocab.EnumerateObject().Select(p => (Token: p.Name, Id: p.Value.GetInt32())).ToList();
        var tokens = new string[pairs.Max(p => p.Id) + 1];
        foreach (var (token, id) in pairs)
        {
            tokens[id] = token;
        }

        var unknown = model.TryGetProperty("unk_token", out var unk) && unk.ValueKind == JsonValueKind.String ? unk.GetString()! : "[UNK]";
        var prefix = model.TryGetProperty("continuing_subword_prefix", out var cp) && cp.ValueKind == JsonValueKind.String ? cp.GetString()! : "##";
        var maxChars = model.TryGetProperty("max_input_chars_per_word", out var mc) && mc.ValueKind == JsonValueKind.Number ? mc.GetInt32() : 100;
        return new WordPieceVocabulary(tokens, unknown, prefix, maxChars);
    }

    private static int Require(Dictionary<string, int> tokens, string token) =>
        tokens.TryGetValue(token, out var id)
            ? id
            : throw new InvalidDataException($"The vocabulary has no '{token}' token, which BERT-style encoders need.");
}
