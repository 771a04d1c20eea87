using ChatRag.Decoder.Onnx.Runtime;
using ChatRag.Onnx.Synthesis.Decoder;
using ChatRag.Onnx.Synthesis.Graph;

namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>Synthesises the tiny decoder once in each convention (same seed, so identical weights) and loads both on the CPU.</summary>
public sealed class TinyModels : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "chatrag-tiny-" + Guid.NewGuid().ToString("N"));

    public TinyModels()
    {
        GenaiDirectory = DecoderModelSynthesizer.Synthesize(new DecoderSynthesisOptions(DecoderShape.Tiny, DecoderFormat.Genai, OnnxDataType.Float, Path.Combine(root, "genai"), Seed: 7));
        OptimumDirectory = DecoderModelSynthesizer.Synthesize(new DecoderSynthesisOptions(DecoderShape.Tiny, DecoderFormat.Optimum, OnnxDataType.Float, Path.Combine(root, "optimum"), Seed: 7));
        Genai = DecoderModel.Load(GenaiDirectory, new DecoderModelLoadOptions { Provider = ExecutionProvider.Cpu });
        Optimum = DecoderModel.Load(OptimumDirectory, new DecoderModelLoadOptions { Provider = ExecutionProvider.Cpu });
    }

    public string GenaiDirectory { get; }

    public string OptimumDirectory { get; }

    public DecoderModel Genai { get; }

    public DecoderModel Optimum { get; }

    public DecoderModel this[KvConvention convention] => convention == KvConvention.SharedBuffer ? Genai : Optimum;

    public const string ChatPrompt = "<|im_start|>user\nhello world, and you?<|im_end|>\n<|im_start|>assistant\n";

    public void Dispose()
    {
        Genai.Dispose();
        Optimum.Dispose();
        try
        {
            Directory.Delete(root, true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
