namespace ChatRag.Embeddings.Onnx.Benchmarks;

/// <summary>Throughput at one batch size and sequence length (median of the timed runs).</summary>
/// <param name="BatchSize">Sequences per call.</param>
/// <param name="TokenLength">Tokens per sequence, [CLS] and [SEP] included (approximate for non-ONNX generators).</param>
/// <param name="SequencesPerSecond">Sequences embedded per second.</param>
/// <param name="TokensPerSecond">Tokens embedded per second.</param>
/// <param name="MedianMilliseconds">Median wall time of one call.</param>
/// <param name="Runs">Timed runs.</param>
public sealed record EncoderBenchmarkRow(int BatchSize, int TokenLength, double SequencesPerSecond, double TokensPerSecond, double MedianMilliseconds, int Runs);
