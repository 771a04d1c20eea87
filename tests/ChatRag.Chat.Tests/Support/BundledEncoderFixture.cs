using ChatRag.Chat.Citations;
using ChatRag.Embeddings.Onnx.Hosting;
using ChatRag.Embeddings.Onnx.Models;
using Microsoft.Extensions.Options;

namespace ChatRag.Chat.Tests.Support;

/// <summary>The bundled default encoder (arctic-xs), extracted once per machine into a shared temp folder, as the server uses it.</summary>
public sealed class BundledEncoderFixture : IDisposable
{
    private readonly OnnxEncoderCatalog catalog = new(Options.Create(new OnnxEncoderOptions
    {
        ModelsDirectory = Path.Combine(Path.GetTempPath(), "chatrag-encoder-tests", "models"),
        Models = [BundledEncoders.ArcticXs],
    }));

    public SemanticSupportScorer Scorer => new(catalog.Encoders[0].Generator);

    public void Dispose() => catalog.Dispose();
}

[CollectionDefinition(Name)]
public sealed class BundledEncoderCollection : ICollectionFixture<BundledEncoderFixture>
{
    public const string Name = "Bundled encoder";
}
