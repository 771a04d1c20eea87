using ChatRag.Core.Embeddings;
using ChatRag.Embeddings.Onnx.Hosting;
using ChatRag.Embeddings.Onnx.Models;
using ChatRag.Embeddings.Onnx.Runtime;
using Microsoft.Extensions.Options;

namespace ChatRag.Embeddings.Onnx.Tests;

/// <summary>
/// Extracts both bundled encoders once per machine (a shared temp folder; the stamp makes later runs skip it) and opens
/// them through the catalog on the Auto provider, which on a machine without CUDA also exercises the CPU fallback.
/// </summary>
public sealed class BundledModelsFixture : IDisposable
{
    public BundledModelsFixture()
    {
        ModelsDirectory = Path.Combine(Path.GetTempPath(), "chatrag-encoder-tests", "models");
        Catalog = new OnnxEncoderCatalog(
            Options.Create(new OnnxEncoderOptions { ModelsDirectory = ModelsDirectory, Models = [BundledEncoders.ArcticXs, BundledEncoders.MiniLm] }),
            Logger);
        Arctic = (OnnxEmbeddingGenerator)Catalog.Encoders[0].Generator;
        MiniLm = (OnnxEmbeddingGenerator)Catalog.Encoders[1].Generator;
    }

    public string ModelsDirectory { get; }

    public ListLogger<OnnxEncoderCatalog> Logger { get; } = new();

    public OnnxEncoderCatalog Catalog { get; }

    public OnnxEmbeddingGenerator Arctic { get; }

    public OnnxEmbeddingGenerator MiniLm { get; }

    public IReadOnlyList<NamedEncoder> Encoders => Catalog.Encoders;

    public void Dispose() => Catalog.Dispose();
}

[CollectionDefinition(Name)]
public sealed class BundledModelsCollection : ICollectionFixture<BundledModelsFixture>
{
    public const string Name = "Bundled encoders";
}
