using ChatRag.Decoder.Onnx.Hosting;
using ChatRag.Decoder.Onnx.Runtime;
using Microsoft.Extensions.Configuration;

namespace ChatRag.Hosting;

/// <summary>Which decoder a configuration section describes, and which children of <c>ChatRag:Decoders</c> are decoders.</summary>
internal static class DecoderKinds
{
    /// <summary>
    /// <c>Kind</c> when set (<c>onnx</c>, <c>openai</c>, <c>none</c>); otherwise <c>onnx</c> if <c>ModelPath</c> names a
    /// model folder, <c>openai</c> if <c>Endpoint</c> is set, else <c>none</c>.
    /// </summary>
    public static string Of(IConfigurationSection section)
    {
        var kind = section["Kind"];
        if (!string.IsNullOrWhiteSpace(kind))
        {
            return kind.Trim().ToLowerInvariant() switch
            {
                var k when k is "onnx" or "openai" or "none" => k,
                _ => throw new InvalidOperationException($"{section.Path}:Kind must be Onnx, OpenAI or None."),
            };
        }

        var modelPath = section[nameof(OnnxDecoderOptions.ModelPath)];
        if (!string.IsNullOrWhiteSpace(modelPath) && DecoderModel.IsModelDirectory(modelPath))
        {
            return "onnx";
        }

        return string.IsNullOrWhiteSpace(section["Endpoint"]) ? "none" : "openai";
    }

    /// <summary>The children that are sections (decoders), not values such as <c>MemoryBudgetMB</c>.</summary>
    /// <remarks>
    /// By children, not by a null value: the command-line provider gives a parent key an empty value (a host started with
    /// <c>--ChatRag:Decoders:a:ModelPath=...</c>, as test hosts are).
    /// </remarks>
    public static IEnumerable<IConfigurationSection> Named(IConfigurationSection decoders) =>
        decoders.GetChildren().Where(c => c.GetChildren().Any());
}
