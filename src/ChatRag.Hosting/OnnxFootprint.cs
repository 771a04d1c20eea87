namespace ChatRag.Hosting;

/// <summary>
/// The memory an in-process model holds once loaded, estimated as the size of its ONNX graph and weight files: the
/// sessions keep the initializers in memory, and KV buffers and the tokenizer are small beside them for any real model.
/// </summary>
internal static class OnnxFootprint
{
    public static long Bytes(string? modelDirectory)
    {
        if (string.IsNullOrWhiteSpace(modelDirectory) || !Directory.Exists(modelDirectory))
        {
            return 0;
        }

        // optimum exports keep the graph in onnx/, external weights beside it as .onnx.data or .onnx_data.
        return new DirectoryInfo(modelDirectory).EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => f.Name.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)
                || f.Name.EndsWith(".onnx.data", StringComparison.OrdinalIgnoreCase)
                || f.Name.EndsWith(".onnx_data", StringComparison.OrdinalIgnoreCase))
            .Sum(f => f.Length);
    }
}
