using System.Text.Json.Serialization;

namespace ChatRag.Contracts.OpenAI;

/// <summary>Answer of <c>GET /v1/models</c>: one model per collection the caller may see.</summary>
/// <param name="Data">The models.</param>
public sealed record ModelList([property: JsonPropertyName("data")] IReadOnlyList<ModelItem> Data)
{
    /// <summary>Always <c>list</c>.</summary>
    [JsonPropertyName("object")]
    public string Object => "list";
}

/// <summary>A model: <c>chatrag/&lt;collection&gt;</c>.</summary>
/// <param name="Id">The model name to send as <c>model</c>.</param>
/// <param name="Created">Unix seconds (the server's start; collections have no creation time of their own).</param>
public sealed record ModelItem([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("created")] long Created)
{
    /// <summary>Always <c>model</c>.</summary>
    [JsonPropertyName("object")]
    public string Object => "model";

    /// <summary>Always <c>chatrag</c>.</summary>
    [JsonPropertyName("owned_by")]
    public string OwnedBy => "chatrag";
}
