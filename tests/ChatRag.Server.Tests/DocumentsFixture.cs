using ChatRag.Ingestion.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Tests;

/// <summary>One real server (worker included) shared by the documents tests; each test uses its own collection.</summary>
public sealed class DocumentsFixture : IAsyncLifetime
{
    public ChatRagServerFactory Factory { get; } = new();

    public string UploadsDirectory => Path.GetFullPath(Factory.Services.GetRequiredService<IOptions<IngestionPipelineOptions>>().Value.UploadsDirectory);

    public Task InitializeAsync()
    {
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
