using ChatRag.Onnx.Synthesis.Graph;

namespace ChatRag.Onnx.Synthesis.Decoder;

/// <summary>MatMulNBits weights: the same random values as the float model, quantised to 4 bits.</summary>
internal sealed partial class WeightSink
{
    /// <summary>
    /// Draws a [<paramref name="k"/>, <paramref name="n"/>] weight exactly as <see cref="Random"/> would (same seed, same
    /// values) and quantises it per the MatMulNBits spec: B [N, k_blocks, block/2] with two codes per byte, low nibble
    /// first; scales [N * k_blocks]; zero points [N * ceil(k_blocks / 2)], packed the same way, or none (8 implied).
    /// A value dequantises as (code - zero_point) * scale.
    /// </summary>
    public (TensorData B, TensorData Scales, TensorData? ZeroPoints) RandomQuantized(string name, int k, int n, float scale, WeightQuantization quantization)
    {
        var values = new float[(long)k * n];
        for (long i = 0; i < values.LongLength; i++)
        {
            values[i] = scale * ((2f * NextUnit()) - 1f);
        }

        var block = quantization.BlockSize;
        var blocks = (k + block - 1) / block;
        var blob = block / 2;
        var packed = new byte[(long)n * blocks * blob];
        var scales = new float[n * blocks];
        var zeroBytes = (blocks + 1) / 2;
        var zeros = new byte[n * zeroBytes];
        for (var col = 0; col < n; col++)
        {
            for (var b = 0; b < blocks; b++)
            {
                var (step, zero) = BlockParameters(values, k, n, col, b * block, Math.Min(k, (b + 1) * block), quantization.ZeroPoints);
                scales[(col * blocks) + b] = step;
                zeros[(col * zeroBytes) + (b / 2)] |= (byte)(zero << (b % 2 * 4));
                for (var j = 0; j < block; j++)
                {
                    var row = (b * block) + j;
                    var code = row < k ? Math.Clamp((int)MathF.Round(values[((long)row * n) + col] / step) + zero, 0, 15) : zero;
                    packed[(((long)col * blocks) + b) * blob + (j / 2)] |= (byte)(code << (j % 2 * 4));
                }
            }
        }

        var b4 = Store(name + "_Q4", OnnxDataType.UInt8, [n, blocks, blob], packed);
        var s = FromValues(name + "_scales", [n * blocks], scales);
        var z = quantization.ZeroPoints ? Store(name + "_zp", OnnxDataType.UInt8, [n * zeroBytes], zeros) : null;
        return (b4, s, z);
    }

    // Asymmetric: the block's [min, max] (widened to include 0) onto codes 0..15. Symmetric: [-8, 7] steps of max|w|/7.
    private static (float Step, int Zero) BlockParameters(float[] values, int k, int n, int col, int from, int to, bool asymmetric)
    {
        float min = 0, max = 0;
        for (var row = from; row < to; row++)
        {
            var v = values[((long)row * n) + col];
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        if (!asymmetric)
        {
            var step = Math.Max(Math.Abs(min), Math.Abs(max)) / 7f;
            return (step > 0 ? step : 1f, 8);
        }

        var range = max - min;
        var s = range > 0 ? range / 15f : 1f;
        return (s, Math.Clamp((int)MathF.Round(-min / s), 0, 15));
    }

    private TensorData Store(string name, OnnxDataType type, long[] dims, byte[] raw)
    {
        if (external is null)
        {
            return new TensorData(name, type, dims, raw);
        }

        var offset = external.Position;
        external.Write(raw);
        return new TensorData(name, type, dims, null, externalName, offset, raw.LongLength);
    }
}
