using System.ComponentModel.DataAnnotations;

namespace ChatRag.Hosting;

/// <summary>
/// Settings of the decoder catalogue, section <c>ChatRag:Decoders</c> (whose other children are the named decoders,
/// <c>ChatRag:Decoders:&lt;name&gt;:ModelPath|Endpoint|Kind|...</c>), plus <c>ChatRag:DefaultDecoder</c>.
/// </summary>
public sealed class DecoderCatalogOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "ChatRag:Decoders";

    /// <summary>The key naming the default decoder (outside the section, so no decoder name is reserved for it).</summary>
    public const string DefaultDecoderKey = "ChatRag:DefaultDecoder";

    /// <summary>
    /// Memory budget of the loaded in-process models, in MiB, estimated from their ONNX files on disk (fractions allowed); beyond it the least
    /// recently used idle ones are unloaded. 0: no limit. A name, so no decoder may be called <c>MemoryBudgetMB</c>.
    /// </summary>
    [Range(0d, 1_048_576d)]
    public double MemoryBudgetMB { get; set; }

    /// <summary>The decoder a request that names none gets; null: <c>default</c> when configured, else the first by name.</summary>
    public string? DefaultDecoder { get; set; }
}
