using System.Runtime.InteropServices;

namespace ChatRag.Core.Hardware;

/// <summary>
/// Whether the CUDA 13 user-space libraries ONNX Runtime's CUDA provider needs can be loaded. Adapters probe this before
/// asking for the provider in Auto mode, so CPU-only hosts fall back quietly instead of ONNX Runtime logging a failed
/// provider load on every start.
/// </summary>
public static class CudaLibraries
{
    private static readonly Lazy<bool> Present = new(Probe);

    /// <summary>True when cuBLASLt and the CUDA runtime (major version 13) load.</summary>
    public static bool ArePresent => Present.Value;

    private static bool Probe()
    {
        string[] libraries = OperatingSystem.IsWindows() ? ["cublasLt64_13.dll", "cudart64_13.dll"] : ["libcublasLt.so.13", "libcudart.so.13"];
        foreach (var library in libraries)
        {
            if (!NativeLibrary.TryLoad(library, out var handle))
            {
                return false;
            }

            NativeLibrary.Free(handle);
        }

        return true;
    }
}
