using ChatRag.Core.Documents;

namespace ChatRag.Storage.Sqlite.Tests.Documents;

/// <summary>The OCR confidence of a chunk (migration ChunkOcrConfidence) is stored and read back; text chunks keep null.</summary>
public sealed class ChunkOcrConfidenceTests
{
    [Fact]
    public async Task Ocr_confidence_round_trips_and_text_layer_chunks_have_none()
    {
        await using var storage = await TempStorage.CreateAsync();
        var doc = TestData.Document("scans", "scan.pdf");
        List<NewChunk> chunks =
        [
            new(0, "typed page", Page: 1, EndOffset: 10),
            new(1, "scanned page", Page: 2, StartOffset: 12, EndOffset: 24) { OcrConfidence = 91.5 },
        ];

        var stored = await storage.Documents.AddDocumentAsync(doc, chunks);
        var read = await storage.Documents.GetDocumentChunksAsync(doc.Id);

        Assert.Equal(2, stored.Count);
        Assert.Null(read[0].OcrConfidence);
        Assert.Equal(91.5, read[1].OcrConfidence);
    }
}
