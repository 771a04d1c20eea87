namespace ChatRag.Contracts.Health;

/// <summary>What the web client shows in its settings and banners: the models in use and the visible collections.</summary>
/// <param name="Decoder">The language model that writes answers, or why there is none.</param>
/// <param name="Encoders">Names of the encoder models used for retrieval.</param>
/// <param name="Collections">Collections the caller may see, the default one included.</param>
/// <param name="DefaultCollection">The collection used when a request names none.</param>
public sealed record ServerStatus(DecoderStatus Decoder, IReadOnlyList<string> Encoders, IReadOnlyList<string> Collections, string DefaultCollection)
{
    /// <summary>OCR of scanned PDFs and images: available or why not. Null from servers older than OCR.</summary>
    public OcrStatus? Ocr { get; init; }

    /// <summary>Accepted file types and size limits of uploads. Null from servers older than it.</summary>
    public UploadPolicy? Uploads { get; init; }

    /// <summary>Every configured decoder with its state; a chat request chooses one by name (<c>model</c>). Null from servers older than it.</summary>
    public IReadOnlyList<DecoderItem>? Decoders { get; init; }
}
