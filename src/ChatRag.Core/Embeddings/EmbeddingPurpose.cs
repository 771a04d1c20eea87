using Microsoft.Extensions.AI;

namespace ChatRag.Core.Embeddings;

/// <summary>
/// Tells an encoder whether it embeds a search query or a stored passage, so that models trained with
/// asymmetric prefixes (for example arctic-embed's query instruction) receive the right one.
/// Carried in <see cref="EmbeddingGenerationOptions.AdditionalProperties"/>.
/// </summary>
public static class EmbeddingPurpose
{
    /// <summary>The additional-property key.</summary>
    public const string PropertyName = "chatrag.input_type";

    /// <summary>The text is a search query.</summary>
    public const string Query = "query";

    /// <summary>The text is a passage to be stored and searched.</summary>
    public const string Document = "document";

    /// <summary>Options that mark inputs as queries.</summary>
    public static EmbeddingGenerationOptions ForQuery() => Create(Query);

    /// <summary>Options that mark inputs as stored passages.</summary>
    public static EmbeddingGenerationOptions ForDocument() => Create(Document);

    /// <summary>Reads the purpose from options; <see cref="Document"/> when none is given.</summary>
    public static string Of(EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PropertyName, out var value) == true && value is string s && s == Query
            ? Query
            : Document;

    private static EmbeddingGenerationOptions Create(string purpose) =>
        new() { AdditionalProperties = new AdditionalPropertiesDictionary { [PropertyName] = purpose } };
}
