namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>Runs <see cref="MemorySoakBenchmarks"/> alone: process memory means nothing while other tests allocate.</summary>
[CollectionDefinition(nameof(MemorySoakBenchmarks), DisableParallelization = true)]
public sealed class MemoryStabilityCollection;
