using ChatRag.Core.Hardware;

namespace ChatRag.Embeddings.Onnx.Tests;

/// <summary>
/// A fact about the CPU fallback, which only a machine without the CUDA libraries exercises. xunit 2 cannot skip at run
/// time, so the attribute decides at discovery, with the probe Auto mode itself uses: where CUDA loads, the test is
/// reported as skipped with the reason instead of returning early and counting as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WithoutCudaFactAttribute : FactAttribute
{
    /// <summary>Why these tests skip on a CUDA machine.</summary>
    public const string CudaPresentReason =
        "CPU fallback test: the CUDA 13 libraries load on this machine, so Auto does not fall back (run it on a CPU-only host).";

    /// <summary>Sets <see cref="FactAttribute.Skip"/> where the CUDA libraries load.</summary>
    public WithoutCudaFactAttribute()
    {
        if (CudaLibraries.ArePresent)
        {
            Skip = CudaPresentReason;
        }
    }
}
