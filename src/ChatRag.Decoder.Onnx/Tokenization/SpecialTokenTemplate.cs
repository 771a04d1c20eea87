using System.Text.Json;

namespace ChatRag.Decoder.Onnx.Tokenization;

/// <summary>
/// The special tokens a tokenizer adds around a single sequence when asked to (<c>add_special_tokens=True</c>),
/// read from <c>tokenizer.json</c>'s <c>post_processor</c>: <c>TemplateProcessing</c> (Llama 2 and 3 put their
/// BOS first), also inside a <c>Sequence</c>, and the BERT and RoBERTa processors; <c>ByteLevel</c> adds none (Qwen).
/// </summary>
public sealed record SpecialTokenTemplate(IReadOnlyList<int> Prefix, IReadOnlyList<int> Suffix)
{
    /// <summary>Adds nothing.</summary>
    public static SpecialTokenTemplate None { get; } = new([], []);

    /// <summary>Reads the post-processor of a <c>tokenizer.json</c> file.</summary>
    /// <param name="tokenizerJsonPath">The file.</param>
    /// <returns>The template, <see cref="None"/> when the file declares no post-processor that adds tokens.</returns>
    public static SpecialTokenTemplate FromFile(string tokenizerJsonPath)
    {
        using var stream = File.OpenRead(tokenizerJsonPath);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.TryGetProperty("post_processor", out var processor) ? FromProcessor(processor) : None;
    }

    /// <summary>Reads one <c>post_processor</c> element.</summary>
    /// <param name="processor">The element.</param>
    /// <returns>The template it describes.</returns>
    public static SpecialTokenTemplate FromProcessor(JsonElement processor)
    {
        if (processor.ValueKind != JsonValueKind.Object || !processor.TryGetProperty("type", out var type))
        {
            return None;
        }

        switch (type.GetString())
        {
            case "Sequence":
                var parts = processor.GetProperty("processors").EnumerateArray().Select(FromProcessor).ToList();
                return new(parts.SelectMany(p => p.Prefix).ToList(), parts.SelectMany(p => p.Suffix).ToList());
            case "TemplateProcessing":
                return FromTemplate(processor);
            case "BertProcessing" or "RobertaProcessing":
                return new([processor.GetProperty("cls")[1].GetInt32()], [processor.GetProperty("sep")[1].GetInt32()]);
            default:
                return None;
        }
    }

    private static SpecialTokenTemplate FromTemplate(JsonElement processor)
    {
        var specials = processor.GetProperty("special_tokens");
        var prefix = new List<int>();
        var suffix = new List<int>();
        var seenSequence = false;
        foreach (var piece in processor.GetProperty("single").EnumerateArray())
        {
            if (piece.TryGetProperty("Sequence", out _))
            {
                seenSequence = true;
                continue;
            }

            var id = piece.GetProperty("SpecialToken").GetProperty("id").GetString()!;
            var ids = specials.GetProperty(id).GetProperty("ids").EnumerateArray().Select(i => i.GetInt32());
            (seenSequence ? suffix : prefix).AddRange(ids);
        }

        return new(prefix, suffix);
    }

    /// <summary>Wraps <paramref name="ids"/> in the template's special tokens.</summary>
    /// <param name="ids">The text's token ids.</param>
    /// <returns>Prefix, ids, suffix.</returns>
    public IReadOnlyList<int> Apply(IReadOnlyList<int> ids) => [.. Prefix, .. ids, .. Suffix];
}
