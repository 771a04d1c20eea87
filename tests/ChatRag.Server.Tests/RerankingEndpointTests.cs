using System.Net.Http.Json;
using System.Text.Json;
using ChatRag.Embeddings.Onnx.Models;
using ChatRag.Onnx.Synthesis.Encoder;

namespace ChatRag.Server.Tests;

/// <summary>
/// The real server with a synthetic cross-encoder folder configured as <c>ChatRag:Reranker:Model</c>: REST search and
/// the chat trace show the rerank score beside the fused ranks; a folder that cannot load stops start-up, or, when
/// the reranker is optional, search runs without it.
/// </summary>
public sealed class RerankingEndpointTests : IDisposable
{
    private readonly string models = Directory.CreateTempSubdirectory("chatrag-rerank-server-").FullName;

    [Fact]
    public async Task Search_and_chat_show_the_rerank_score_beside_the_fused_ranks()
    {
        // "juice" weighs most in the synthetic cross-encoder, so the passage about juice must come first.
        var folder = SyntheticEncoderFolder.WriteCrossEncoder(Path.Combine(models, "ce"), ["juice", "bakery"], bert: true);
        using var factory = new ChatRagServerFactory(new Dictionary<string, string?> { ["ChatRag:Reranker:Model"] = folder });
        var client = factory.CreateClient();
        await factory.AddDocumentAsync("default", "fruit.txt", "The red apple grows on the apple tree.", "Apple juice is pressed from the red apple.", "The bakery sells apple pie.");

        using var search = JsonDocument.Parse(await (await client.PostAsJsonAsync("/api/v1/search", new { query = "red apple", top = 3 })).Content.ReadAsStringAsync());
        var results = search.RootElement.GetProperty("results");
        Assert.Contains("juice", results[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        foreach (var result in results.EnumerateArray())
        {
            Assert.InRange(result.GetProperty("rerankScore").GetDouble(), 0, 1);
            Assert.InRange(result.GetProperty("fusedRank").GetInt32(), 1, 3);
            Assert.True(result.GetProperty("ranks").EnumerateObject().Any(), "the fused signal ranks stay beside the rerank score");
        }

        var rerank = search.RootElement.GetProperty("rerank");
        Assert.Equal("ce", rerank.GetProperty("model").GetString());
        Assert.True(rerank.GetProperty("applied").GetBoolean());

        using var chat = JsonDocument.Parse(await (await client.PostAsJsonAsync("/api/v1/chat", new { message = "What is made from the red apple?" })).Content.ReadAsStringAsync());
        var trace = chat.RootElement.GetProperty("trace");
        Assert.True(trace.GetProperty("rerank").GetProperty("applied").GetBoolean());
        Assert.All(trace.GetProperty("hits").EnumerateArray(), h => Assert.True(h.TryGetProperty("rerankScore", out _)));
    }

    [Fact]
    public void A_reranker_folder_that_cannot_load_stops_start_up_with_the_reason()
    {
        using var factory = new ChatRagServerFactory(new Dictionary<string, string?> { ["ChatRag:Reranker:Model"] = Path.Combine(models, "missing") });

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var folder = FindInner<EncoderFolderException>(ex);
        Assert.NotNull(folder);
        Assert.Contains("does not exist", folder.Message, StringComparison.Ordinal);
        Assert.Contains("ChatRag:Reranker", folder.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_optional_reranker_that_cannot_load_leaves_search_without_reranking()
    {
        using var factory = new ChatRagServerFactory(new Dictionary<string, string?>
        {
            ["ChatRag:Reranker:Model"] = Path.Combine(models, "missing"),
            ["ChatRag:Reranker:Required"] = "false",
        });
        var client = factory.CreateClient();
        await factory.AddDocumentAsync("default", "fruit.txt", "The red apple grows on the apple tree.");

        using var search = JsonDocument.Parse(await (await client.PostAsJsonAsync("/api/v1/search", new { query = "red apple" })).Content.ReadAsStringAsync());

        Assert.False(search.RootElement.TryGetProperty("rerank", out _));
        Assert.False(search.RootElement.GetProperty("results")[0].TryGetProperty("rerankScore", out _));
    }

    [Fact]
    public void Invalid_reranker_options_fail_validation_at_start_up()
    {
        using var factory = new ChatRagServerFactory(new Dictionary<string, string?> { ["ChatRag:Reranker:Candidates"] = "0" });

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.NotNull(FindInner<Microsoft.Extensions.Options.OptionsValidationException>(ex));
    }

    public void Dispose() => Directory.Delete(models, true);

    private static T? FindInner<T>(Exception? ex)
        where T : Exception
    {
        while (ex is not null)
        {
            if (ex is T found)
            {
                return found;
            }

            ex = ex is AggregateException { InnerExceptions.Count: > 0 } aggregate ? aggregate.InnerExceptions[0] : ex.InnerException;
        }

        return null;
    }
}
