namespace ChatRag.Onnx.Synthesis.Decoder;

/// <summary>
/// 4-bit block quantisation of the linear layers into com.microsoft MatMulNBits, as the onnxruntime-genai builder's
/// int4 models are: weights transposed to [N, K], quantised per block of <paramref name="BlockSize"/> values along K.
/// </summary>
/// <param name="BlockSize">Values sharing one scale (a power of two, at least 16; the builder uses 32).</param>
/// <param name="ZeroPoints">Asymmetric (min/max, a zero point per block) or symmetric (zero point 8 implied).</param>
public sealed record WeightQuantization(int BlockSize = 32, bool ZeroPoints = true);
