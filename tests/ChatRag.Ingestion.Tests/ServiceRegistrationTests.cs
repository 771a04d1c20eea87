using ChatRag.Core.Embeddings;
using ChatRag.Ingestion.Chunking;
using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Readers;
using ChatRag.Ingestion.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion.Tests;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public async Task AddChatRagIngestion_wires_readers_extractor_and_chunker_with_bound_options()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatRag:Ingestion:Chunking:TargetTokens"] = "48",
            ["ChatRag:Ingestion:Limits:MaxPages"] = "7",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<ITokenCounter>(new WordPieceishTokenCounter());
        services.AddChatRagIngestion();
        using var provider = services.BuildServiceProvider(validateScopes: true);

        Assert.Equal(9, provider.GetServices<IDocumentReader>().Count());
        Assert.Equal(7, provider.GetRequiredService<IOptions<IngestionLimitsOptions>>().Value.MaxPages);
        Assert.Equal(48, provider.GetRequiredService<DocumentChunker>().Budget);
        var document = await provider.GetRequiredService<DocumentExtractor>().ExtractAsync(new MemoryStream("Hello there."u8.ToArray()), "a.txt");
        Assert.Equal("Hello there.", Assert.Single(provider.GetRequiredService<DocumentChunker>().Chunk(document)).Text);
        Assert.StartsWith("structured-48-", provider.GetRequiredService<StructuredEvalChunker>().Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_fail_validation()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton<ITokenCounter>(new WordPieceishTokenCounter());
        services.AddChatRagIngestion(configureChunking: o => o.OverlapRatio = 0.9);
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ChunkingOptions>>().Value);
    }

    [Theory]
    [InlineData("ChatRag:Ingestion:Limits:MaxTableColumns", "0")]
    [InlineData("ChatRag:Ingestion:Limits:MaxCellCharacters", "5")]
    [InlineData("ChatRag:Ingestion:Limits:MaxXmlPartCharacters", "1")]
    [InlineData("ChatRag:Ingestion:Limits:MaxPdfStreamBytes", "0")]
    [InlineData("ChatRag:Ingestion:Limits:MaxPdfLettersPerPage", "-1")]
    [InlineData("ChatRag:Ingestion:Limits:ExtractionTimeoutSeconds", "0")]
    [InlineData("ChatRag:Ingestion:Chunking:MaxChunkCharacters", "10")]
    public void New_bounds_are_validated_at_start(string key, string value)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build())
            .AddSingleton<ITokenCounter>(new WordPieceishTokenCounter());
        services.AddChatRagIngestion();
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => key.Contains("Chunking", StringComparison.Ordinal)
            ? (object)provider.GetRequiredService<IOptions<ChunkingOptions>>().Value
            : provider.GetRequiredService<IOptions<IngestionLimitsOptions>>().Value);
    }
}
