using ChatRag.Onnx.Synthesis.Decoder;
using ChatRag.Onnx.Synthesis.Graph;
using Microsoft.ML.OnnxRuntime;

namespace ChatRag.Decoder.Onnx.Tests;

public sealed class SynthesisSmokeTests
{
    [Theory]
    [InlineData(DecoderFormat.Optimum)]
    [InlineData(DecoderFormat.Genai)]
    public void TinyModelLoadsInOnnxRuntime(DecoderFormat format)
    {
        var dir = Path.Combine(Path.GetTempPath(), "chatrag-smoke-" + Guid.NewGuid().ToString("N"));
        try
        {
            DecoderModelSynthesizer.Synthesize(new DecoderSynthesisOptions(DecoderShape.Tiny, format, OnnxDataType.Float, dir));
            using var session = new InferenceSession(Path.Combine(dir, "model.onnx"));
            Assert.Contains("past_key_values.0.key", session.InputMetadata.Keys);
            Assert.Contains("present.1.value", session.OutputMetadata.Keys);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
