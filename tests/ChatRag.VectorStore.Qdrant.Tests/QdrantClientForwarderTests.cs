using Microsoft.Extensions.Options;

namespace ChatRag.VectorStore.Qdrant.Tests;

/// <summary>The production client over gRPC, against an address where nothing listens (no Qdrant needed).</summary>
public sealed class QdrantClientForwarderTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("3A:B1:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD")]
    public async Task An_unreachable_qdrant_reports_unhealthy_instead_of_throwing(string? thumbprint)
    {
        var options = new QdrantOptions { Url = "http://127.0.0.1:9", CertificateThumbprint = thumbprint, Timeout = TimeSpan.FromSeconds(5) };
        using var client = new QdrantClientForwarder(options);
        using var index = new QdrantVectorIndex(client, Options.Create(options));

        Assert.False(await index.IsHealthyAsync());
    }
}
