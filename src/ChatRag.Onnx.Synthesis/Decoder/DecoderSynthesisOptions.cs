using ChatRag.Onnx.Synthesis.Graph;

namespace ChatRag.Onnx.Synthesis.Decoder;

/// <summary>What to synthesise and where.</summary>
/// <param name="Shape">Architecture.</param>
/// <param name="Format">Export convention.</param>
/// <param name="DataType">Weight and activation type (Float or Float16).</param>
/// <param name="OutputDirectory">Folder to write (created if missing).</param>
/// <param name="Seed">Weight seed; one seed names one model.</param>
/// <param name="ExternalData">Weights in model.onnx.data (null: automatic, on for anything over 64 MB).</param>
/// <param name="Quantization">4-bit MatMulNBits linear layers (activations stay <paramref name="DataType"/>), or none.</param>
/// <param name="Tokenizer">Tokenizer and model family of the folder (Qwen2.5-like or Phi-3.5-like).</param>
public sealed record DecoderSynthesisOptions(
    DecoderShape Shape,
    DecoderFormat Format,
    OnnxDataType DataType,
    string OutputDirectory,
    ulong Seed = 42,
    bool? ExternalData = null,
    WeightQuantization? Quantization = null,
    SyntheticTokenizerKind Tokenizer = SyntheticTokenizerKind.ByteLevel);
