namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>Runs <see cref="MemoryStabilityTests"/> alone: process memory means nothing while other tests allocate.</summary>
[CollectionDefinition(nameof(MemoryStabilityTests), DisableParallelization = true)]
public sealed class MemoryStabilityCollection;
