using System.Text.Json;
using ChatRag.Onnx.Synthesis.Decoder;
using ChatRag.Onnx.Synthesis.Graph;

namespace ChatRag.Decoder.Onnx.Tests.Reference;

/// <summary>
/// The synthesized folders of tests/reference/generation-cases.json, written once: the same shapes, formats, tokenizers
/// and seeds that <c>generation.sh</c> passes to <c>chatrag models synth</c> before transformers.js generates from them.
/// </summary>
public sealed class GenerationFolders : IDisposable
{
    public GenerationFolders()
    {
        Root = Directory.CreateTempSubdirectory("chatrag-generation-").FullName;
        foreach (var model in ReferenceFiles.GenerationCases.GetProperty("models").EnumerateArray())
        {
            var name = model.GetProperty("name").GetString()!;
            var format = model.GetProperty("format").GetString() switch
            {
                "optimum" => DecoderFormat.Optimum,
                "optimum-merged" => DecoderFormat.OptimumMerged,
                var other => throw new InvalidDataException($"generation-cases.json: format {other} has no transformers.js layout here."),
            };
            var tokenizer = model.GetProperty("tokenizer").GetString() == "sentencepiece" ? SyntheticTokenizerKind.SentencePiece : SyntheticTokenizerKind.ByteLevel;
            Folders[name] = DecoderModelSynthesizer.Synthesize(new DecoderSynthesisOptions(
                DecoderShape.FromName(model.GetProperty("shape").GetString()!), format, OnnxDataType.Float, Path.Combine(Root, name),
                model.GetProperty("seed").GetUInt64(), Tokenizer: tokenizer));
        }
    }

    public string Root { get; }

    public Dictionary<string, string> Folders { get; } = new(StringComparer.Ordinal);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in ReferenceFiles.Generation.GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("model").GetString()!, c.GetProperty("prompt").GetString()!);
        }

        return data;
    }

    public static JsonElement Case(string model, string prompt) =>
        ReferenceFiles.Generation.GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("model").GetString() == model && c.GetProperty("prompt").GetString() == prompt);

    public static JsonElement Prompt(string name) =>
        ReferenceFiles.GenerationCases.GetProperty("prompts").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
