using System.ComponentModel.DataAnnotations;

namespace ChatRag.Hosting;

/// <summary>Top-level settings shared by the server and the CLI (section <c>ChatRag</c>).</summary>
public sealed class ChatRagOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "ChatRag";

    /// <summary>Holds the SQLite database, stored uploads and indexes (env <c>ChatRag__DataDirectory</c>).</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Holds model folders; the bundled encoders are extracted here on first use.</summary>
    [Required]
    public string ModelsDirectory { get; set; } = "models";

    /// <summary>Where vectors live: <c>Embedded</c> (default, in the data directory) or <c>Qdrant</c>.</summary>
    [EnumDataType(typeof(VectorStoreKind))]
    public VectorStoreKind VectorStore { get; set; } = VectorStoreKind.Embedded;
}
