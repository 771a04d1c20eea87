using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatRag.Embeddings.Onnx.Models;

/// <summary>
/// The small <c>encoder.json</c> beside <c>model.onnx</c>: what the graph alone does not say (pooling, prefixes,
/// maximum length, normalisation, tokenizer casing).
/// </summary>
public sealed record EncoderConfig
{
    /// <summary>File name of the config inside an encoder folder.</summary>
    public const string FileName = "encoder.json";

    /// <summary>Short name, also the vector space name (for example <c>arctic-xs</c>).</summary>
    public string Name { get; init; } = "";

    /// <summary>Upstream model id, for metadata (for example <c>Snowflake/snowflake-arctic-embed-xs</c>).</summary>
    public string? ModelId { get; init; }

    /// <summary>Embedding length; 0 means "read it from the graph".</summary>
    public int Dimensions { get; init; }

    /// <summary>Pooling applied to the token states.</summary>
    public EncoderPooling Pooling { get; init; } = EncoderPooling.Mean;

    /// <summary>Whether vectors are L2-normalised.</summary>
    public bool Normalize { get; init; } = true;

    /// <summary>Longest input in tokens, special tokens included; longer inputs are truncated.</summary>
    public int MaxTokens { get; init; } = 512;

    /// <summary>Prepended to queries (asymmetric retrieval models).</summary>
    public string QueryPrefix { get; init; } = "";

    /// <summary>Prepended to stored passages.</summary>
    public string DocumentPrefix { get; init; } = "";

    /// <summary>Lower-case input (uncased vocabularies); ignored when a tokenizer.json says otherwise.</summary>
    public bool Lowercase { get; init; } = true;

    /// <summary>Strip accents; null follows <see cref="Lowercase"/> as BERT does.</summary>
    public bool? StripAccents { get; init; }

    /// <summary>
    /// ISO 639-1 codes of the languages the model was trained for (its model card), or null for multilingual/unknown.
    /// Hybrid search lets the encoder vote only on queries in these languages.
    /// </summary>
    public IReadOnlyList<string>? Languages { get; init; }

    /// <summary>Graph output to read; null picks <c>last_hidden_state</c> or the first output.</summary>
    public string? OutputName { get; init; }

    /// <summary>JSON settings for encoder.json: camelCase, enums as lower-case strings.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
