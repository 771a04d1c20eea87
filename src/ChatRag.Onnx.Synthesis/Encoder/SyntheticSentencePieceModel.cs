using System.Text.Json.Nodes;
using ChatRag.Onnx.Synthesis.Protobuf;

namespace ChatRag.Onnx.Synthesis.Encoder;

/// <summary>
/// Writes XLM-R's <c>sentencepiece.bpe.model</c> (a SentencePiece <c>ModelProto</c>, Unigram despite the name) for the
/// same vocabulary as <see cref="SyntheticUnigramTokenizer"/>, in SentencePiece's own order: <c>&lt;unk&gt; &lt;s&gt;
/// &lt;/s&gt;</c> first, then the pieces, so every piece's id is its tokenizer.json id − 1 (fairseq's offset).
/// </summary>
public static class SyntheticSentencePieceModel
{
    private const int Normal = 1, Unknown = 2, Control = 3, Unigram = 1;

    /// <summary>Writes <c>sentencepiece.bpe.model</c> into <paramref name="directory"/> and returns its path.</summary>
    public static string Write(string directory)
    {
        var json = SyntheticUnigramTokenizer.Build(out _);
        var vocab = json["model"]!["vocab"]!.AsArray();
        var model = new ProtoWriter();
        model.Message(1, Piece("<unk>", 0, Unknown)).Message(1, Piece("<s>", 0, Control)).Message(1, Piece("</s>", 0, Control));
        var count = 3;

        // tokenizer.json holds <s> <pad> </s> <unk> first and <mask> last: fairseq's additions, not SentencePiece pieces.
        foreach (var entry in vocab.Skip(4).Take(vocab.Count - 5))
        {
            var pair = entry!.AsArray();
            model.Message(1, Piece(pair[0]!.GetValue<string>(), (float)pair[1]!.GetValue<double>(), Normal));
            count++;
        }

        model.Message(2, new ProtoWriter()
            .Varint(3, Unigram).Varint(4, count).Varint(40, 0).Varint(41, 1).Varint(42, 2).Varint(43, -1));
        model.Message(3, new ProtoWriter()
            .String(1, "nmt_nfkc")
            .Bytes(2, PrecompiledCharsMap.Build(SyntheticUnigramTokenizer.CharsMap))
            .Varint(3, 1).Varint(4, 1).Varint(5, 1));
        var path = Path.Combine(Directory.CreateDirectory(directory).FullName, "sentencepiece.bpe.model");
        File.WriteAllBytes(path, model.ToArray());
        return path;
    }

    private static ProtoWriter Piece(string piece, float score, int type) =>
        new ProtoWriter().String(1, piece).Float(2, score).Varint(3, type);
}
