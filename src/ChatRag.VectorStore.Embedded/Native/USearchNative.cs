using System.Reflection;
using System.Runtime.InteropServices;
using Cloud.Unum.USearch;

namespace ChatRag.VectorStore.Embedded.Native;

/// <summary>
/// Direct calls into the USearch C library shipped by Cloud.Unum.USearch. The managed wrapper grows capacity by one
/// vector per add (a reallocation each time) and hides reserve and thread settings, which parallel builds need.
/// </summary>
internal static class USearchNative
{
    private const string Library = "libusearch_c";

    static USearchNative()
    {
        // Resolve the native library exactly as the USearch package's own assembly does (its runtimes/ folder).
        NativeLibrary.SetDllImportResolver(typeof(USearchNative).Assembly, Resolve);
    }

    /// <summary>Forces the resolver registration before the first call.</summary>
    internal static void EnsureLoaded() => _ = Library;

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern IntPtr usearch_init(ref IndexOptions options, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern void usearch_free(IntPtr index, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    internal static extern void usearch_save(IntPtr index, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    internal static extern void usearch_load(IntPtr index, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern UIntPtr usearch_size(IntPtr index, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern UIntPtr usearch_capacity(IntPtr index, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern UIntPtr usearch_dimensions(IntPtr index, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern void usearch_reserve(IntPtr index, UIntPtr capacity, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern void usearch_change_threads_add(IntPtr index, UIntPtr threads, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern void usearch_change_threads_search(IntPtr index, UIntPtr threads, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern void usearch_change_expansion_search(IntPtr index, UIntPtr expansion, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern unsafe void usearch_add(IntPtr index, ulong key, float* vector, ScalarKind kind, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    [return: MarshalAs(UnmanagedType.I1)]
    internal static extern bool usearch_contains(IntPtr index, ulong key, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern UIntPtr usearch_remove(IntPtr index, ulong key, out IntPtr error);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    internal static extern unsafe UIntPtr usearch_search(IntPtr index, float* query, ScalarKind kind, UIntPtr count, ulong* keys, float* distances, out IntPtr error);

    /// <summary>Throws when the C call reported an error (a static C string; nothing to free).</summary>
    internal static void Check(IntPtr error, string operation)
    {
        if (error != IntPtr.Zero)
        {
            throw new USearchException($"USearch {operation} failed: {Marshal.PtrToStringUTF8(error)}");
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }

        return NativeLibrary.TryLoad(name, typeof(USearchIndex).Assembly, searchPath, out var handle) ? handle : IntPtr.Zero;
    }
}
