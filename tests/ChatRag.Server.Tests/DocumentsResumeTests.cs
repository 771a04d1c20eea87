using System.Net.Http.Json;
using System.Text;
using ChatRag.Contracts.Documents;
using ChatRag.Core.Embeddings;
using ChatRag.Core.Indexing;
using ChatRag.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests;

public sealed class DocumentsResumeTests : IDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("chatrag-resume").FullName;

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Kill_9_mid_batch_then_restart_finishes_every_document_with_nothing_lost_or_duplicated()
    {
        var files = Enumerable.Range(1, 6).Select(i => ($"topic{i}.txt", Encoding.UTF8.GetBytes(LongDocument(i)))).ToArray();
        using (var first = await ServerProcess.StartAsync(dataDirectory))
        {
            await DocumentsApi.UploadOkAsync(first.Client, "resumed", files);

            // Kill once the worker is demonstrably mid-batch: something done, something not.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            var midBatch = false;
            while (!midBatch && DateTime.UtcNow < deadline)
            {
                var list = (await first.Client.GetFromJsonAsync<List<DocumentDetails>>("/api/v1/documents?collection=resumed"))!;
                midBatch = list.Any(d => d.Progress.Done > 0 || d.Status == "ready") && list.Any(d => d.Status != "ready");
                await Task.Delay(midBatch ? 0 : 50);
            }

            first.Kill();
            Assert.True(midBatch, "the batch finished before it could be interrupted");
        }

        Dictionary<string, int> resumed;
        Dictionary<string, int> clean;
        using (var second = await ServerProcess.StartAsync(dataDirectory))
        {
            resumed = await WaitAllReadyAsync(second.Client, "resumed", files.Length);

            // The clean run: the same files into a fresh collection of the same server.
            await DocumentsApi.UploadOkAsync(second.Client, "clean", files);
            clean = await WaitAllReadyAsync(second.Client, "clean", files.Length);
            second.Kill();
        }

        Assert.Equal(clean.OrderBy(p => p.Key), resumed.OrderBy(p => p.Key));
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "chatrag.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COUNT(DISTINCT Id), COUNT(DISTINCT DocumentId || ':' || Ordinal) FROM Chunks";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var expected = resumed.Values.Sum() + clean.Values.Sum();
        Assert.Equal(expected, reader.GetInt32(0));
        Assert.Equal(expected, reader.GetInt32(1));
        Assert.Equal(expected, reader.GetInt32(2));
        Assert.Equal(expected, await CountVectorsAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner gets it.
        }
    }

    private static async Task<Dictionary<string, int>> WaitAllReadyAsync(HttpClient client, string collection, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var list = (await client.GetFromJsonAsync<List<DocumentDetails>>($"/api/v1/documents?collection={collection}"))!;
            if ((list.Count == count && list.All(d => d.Status == "ready")) || DateTime.UtcNow > deadline)
            {
                Assert.All(list, d => Assert.Equal("ready", d.Status));
                Assert.Equal(count, list.Count);
                return list.ToDictionary(d => d.Name, d => d.Chunks);
            }

            await Task.Delay(100);
        }
    }

    private async Task<long> CountVectorsAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatRag:DataDirectory"] = dataDirectory,
            ["ChatRag:ModelsDirectory"] = ChatRagServerFactory.ModelsDirectory,
        }).Build();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddChatRag(configuration).BuildServiceProvider();
        var space = services.GetRequiredService<IEncoderCatalog>().Encoders[0].Space;
        return await services.GetRequiredService<IVectorIndex>().CountAsync(space);
    }

    private static string LongDocument(int topic)
    {
        var text = new StringBuilder($"# Topic {topic}\n\n");
        for (var p = 0; p < 30; p++)
        {
            text.Append(FormattableString.Invariant($"Paragraph {p} of topic {topic} explains how the subject number {topic * 100 + p} relates to rivers, mountains, trade routes and the slow change of climate over many centuries. "));
            text.Append(FormattableString.Invariant($"Further notes on item {p} mention harbours, bridges, libraries and markets that grew around it, with dates and names recorded by travellers.\n\n"));
        }

        return text.ToString();
    }
}
