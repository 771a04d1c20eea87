using System.Text.Json;

namespace ChatRag.Decoder.Onnx.Tokenization;

/// <summary>
/// A BPE tokenizer read from a Hugging Face <c>tokenizer.json</c>: byte-level (GPT-2, Qwen2, Llama 3) or
/// SentencePiece-style with byte fallback (Llama 2, Mistral, Phi-3.5). <see cref="FromFile"/> picks the kind.
/// </summary>
public abstract class BpeTokenizer
{
    /// <summary>Number of token ids (the highest id + 1).</summary>
    public abstract int VocabularySize { get; }

    /// <summary>Loads the tokenizer in a <c>tokenizer.json</c> file, of whichever supported kind it is.</summary>
    /// <exception cref="NotSupportedException">The tokenizer uses a model or component this runtime does not implement.</exception>
    public static BpeTokenizer FromFile(string tokenizerJsonPath)
    {
        using var stream = File.OpenRead(tokenizerJsonPath);
        using var doc = JsonDocument.Parse(stream);
        return FromJson(doc.RootElement);
    }

    /// <summary>Builds the tokenizer from a parsed <c>tokenizer.json</c> root.</summary>
    /// <exception cref="NotSupportedException">The tokenizer uses a model or component this runtime does not implement.</exception>
    public static BpeTokenizer FromJson(JsonElement root)
    {
        var model = root.GetProperty("model");
        var byteFallback = model.TryGetProperty("byte_fallback", out var fallback) && fallback.ValueKind == JsonValueKind.True;
        var byteLevel = root.GetRawText().Contains("\"ByteLevel\"", StringComparison.Ordinal);
        return byteLevel && !byteFallback ? ByteLevelBpeTokenizer.FromJson(root) : SentencePieceBpeTokenizer.FromJson(root);
    }

    /// <summary>The id of a token (vocabulary or added), or null.</summary>
    public abstract int? TokenToId(string token);

    /// <summary>Whether the id is a special added token (skipped when decoding text).</summary>
    public abstract bool IsSpecial(int id);

    /// <summary>The raw UTF-8 bytes a token stands for once decoded; empty for ids outside the vocabulary.</summary>
    public abstract ReadOnlySpan<byte> TokenBytes(int id);

    /// <summary>
    /// The bytes of a token when it is the first non-special token of the decoded text: SentencePiece-style decoders
    /// drop the prefix space there (<c>Strip</c> removes leading spaces, <c>Metaspace</c> every "▁" of that token).
    /// </summary>
    public virtual ReadOnlySpan<byte> FirstTokenBytes(int id) => TokenBytes(id);

    /// <summary>Encodes text; added tokens written in the text (e.g. <c>&lt;|im_start|&gt;</c>) become their ids.</summary>
    public abstract IReadOnlyList<int> Encode(string text);

    /// <summary>Decodes ids to text, skipping special tokens when asked.</summary>
    public virtual string Decode(IEnumerable<int> ids, bool skipSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var bytes = new List<byte>();
        var first = true;
        foreach (var id in ids)
        {
            if (!(skipSpecialTokens && IsSpecial(id)))
            {
                bytes.AddRange((first ? FirstTokenBytes(id) : TokenBytes(id)).ToArray());
                first = false;
            }
        }

        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }
}
