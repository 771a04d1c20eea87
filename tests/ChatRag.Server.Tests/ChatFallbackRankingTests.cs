using ChatRag.Core.Embeddings;
using ChatRag.TestKit.Fakes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests;

/// <summary>
/// A generative turn whose model fails answers by quoting: the sentences the evidence bar already ranked (and embedded)
/// are quoted, not ranked and embedded a second time.
/// </summary>
public sealed class ChatFallbackRankingTests : IAsyncLifetime
{
    private readonly ChatRagServerFactory inner = new();
    private readonly List<string[]> passageBatches = [];
    private readonly WebApplicationFactory<ServerMarker> factory;
    private bool recording;

    public ChatFallbackRankingTests()
    {
        var model = new ScriptedChatClient([]) { Failure = new InvalidOperationException("The decoder could not load.") };
        factory = inner.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddChatClient(model);
            var original = services.Last(d => d.ServiceType == typeof(IEncoderCatalog));
            services.AddSingleton<IEncoderCatalog>(sp =>
            {
                var catalog = (IEncoderCatalog)(original.ImplementationInstance
                    ?? original.ImplementationFactory?.Invoke(sp)
                    ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!));
                return new FixedEncoderCatalog([.. catalog.Encoders.Select(e => e with { Generator = new Recorder(e.Generator, this) })]);
            });
        }));
    }

    [Fact]
    public async Task The_fallback_quotes_without_embedding_the_sentences_again()
    {
        recording = true;

        var body = await factory.CreateClient().AskAsync(new { message = "What is the Great Red Spot of Jupiter?" });

        Assert.True(body.GetProperty("found").GetBoolean());
        Assert.Equal("extractive", body.GetProperty("mode").GetString());
        Assert.Contains("Great Red Spot", body.GetProperty("answer").GetString()!, StringComparison.Ordinal);
        lock (passageBatches)
        {
            Assert.NotEmpty(passageBatches);
            var distinct = passageBatches.Select(b => string.Join('\u0001', b)).Distinct(StringComparer.Ordinal).Count();
            Assert.Equal(passageBatches.Count, distinct);
        }
    }

    public async Task InitializeAsync()
    {
        _ = factory.Server;
        await factory.AddDocumentAsync(
            "default", "planets.txt",
            "Jupiter is the largest planet of the solar system. Its Great Red Spot is a storm larger than Earth. Saturn's rings are made of ice.");
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await inner.DisposeAsync();
    }

    // Records what is embedded as passages while a turn runs (ingestion is not recorded).
    private sealed class Recorder(IEmbeddingGenerator<string, Embedding<float>> inner, ChatFallbackRankingTests test)
        : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var batch = values.ToArray();
            if (test.recording && EmbeddingPurpose.Of(options) == EmbeddingPurpose.Of(EmbeddingPurpose.ForDocument()))
            {
                lock (test.passageBatches)
                {
                    test.passageBatches.Add(batch);
                }
            }

            return base.GenerateAsync(batch, options, cancellationToken);
        }
    }
}
