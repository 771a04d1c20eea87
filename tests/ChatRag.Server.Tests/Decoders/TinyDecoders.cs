using ChatRag.Onnx.Synthesis.Decoder;
using ChatRag.Onnx.Synthesis.Graph;

namespace ChatRag.Server.Tests.Decoders;

/// <summary>Tiny synthesized decoder folders (the real ONNX generation loop, no downloads), one per name, made once per run.</summary>
internal static class TinyDecoders
{
    private static readonly Lazy<string> Root = new(() => Directory.CreateTempSubdirectory("chatrag-decoders").FullName);

    /// <summary>
    /// A tiny Qwen2-shaped model with an 8k rotary table, so the grounded prompt fits and the server really generates;
    /// each seed gives different weights, hence a distinct model.
    /// </summary>
    public static string Folder(string name, ulong seed) =>
        Folders.GetOrAdd(name, n => DecoderModelSynthesizer.Synthesize(new DecoderSynthesisOptions(
            DecoderShape.Tiny with { MaxPositions = 8192 }, DecoderFormat.Genai, OnnxDataType.Float, Path.Combine(Root.Value, n), seed)));

    /// <summary>Bytes of the folder's ONNX files, what the catalogue counts for it.</summary>
    public static long OnnxBytes(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*.onnx*", SearchOption.AllDirectories).Sum(f => f.Length);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Folders = new();
}
