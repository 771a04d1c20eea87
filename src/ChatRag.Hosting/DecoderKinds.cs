using ChatRag.Decoder.Onnx.Runtime;
using Microsoft.Extensions.Configuration;

namespace ChatRag.Hosting;

/// <summary>Which decoder a configuration section describes, and which children of <c>ChatRag:Decoders</c> are decoders.</summary>
internal static class DecoderKinds
{
    /// <summary>
    /// <c>Kind</c> when set (<c>Onnx</c>, <c>OpenAI</c>, <c>None</c>, any case); otherwise <c>Onnx</c> if <c>ModelPath</c> names a
    /// model folder, <c>OpenAI</c> if <c>Endpoint</c> is set, else <c>None</c>.
    /// </summary>
    public static DecoderKind Of(IConfigurationSection section)
    {
        var kind = section["Kind"];
        if (!string.IsNullOrWhiteSpace(kind))
        {
            // Names only, any case: numbers parse as enums too, and "2" in a configuration file is a mistake.
            return Enum.TryParse<DecoderKind>(kind.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _)
                ? parsed
                : throw new InvalidOperationException($"{section.Path}:Kind must be Onnx, OpenAI or None.");
        }

        var modelPath = section[nameof(DecoderOptions.ModelPath)];
        if (!string.IsNullOrWhiteSpace(modelPath) && DecoderModel.IsModelDirectory(modelPath))
        {
            return DecoderKind.Onnx;
        }

        return string.IsNullOrWhiteSpace(section["Endpoint"]) ? DecoderKind.None : DecoderKind.OpenAI;
    }

    /// <summary>The children that are sections (decoders), not values such as <c>MemoryBudgetMB</c>.</summary>
    /// <remarks>
    /// By children, not by a null value: the command-line provider gives a parent key an empty value (a host started with
    /// <c>--ChatRag:Decoders:a:ModelPath=...</c>, as test hosts are).
    /// </remarks>
    public static IEnumerable<IConfigurationSection> Named(IConfigurationSection decoders) =>
        decoders.GetChildren().Where(c => c.GetChildren().Any());
}
