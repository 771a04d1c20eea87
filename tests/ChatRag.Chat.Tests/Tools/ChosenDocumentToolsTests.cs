using ChatRag.Chat.Tools;
using ChatRag.Core.Documents;
using ChatRag.Core.Retrieval;
using ChatRag.TestKit.Fakes;
using Microsoft.Extensions.Options;

namespace ChatRag.Chat.Tests.Tools;

/// <summary>A conversation over chosen documents: the model's tools cannot widen the choice.</summary>
public sealed class ChosenDocumentToolsTests
{
    private readonly InMemoryDocumentRepository repository = new();
    private readonly ToolCallLog log = new();

    [Fact]
    public async Task Search_and_read_see_only_the_chosen_documents()
    {
        var chosen = await AddAsync("notes.txt", "The bicycle factory opened in 1990.");
        var other = await AddAsync("report.txt", "Bicycle bicycle factory revenue: the bicycle factory grew.");
        var lexical = new ScanningLexicalIndex(repository);
        var searcher = new HybridSearcher(FixedEncoderCatalog.Hashing(), new BruteForceVectorIndex(), lexical, repository, Options.Create(new RetrievalOptions()));
        var tools = new ChatTools(searcher, null, ["default"], TimeProvider.System, log, repository) { Documents = [chosen] };

        var found = await tools.SearchDocumentsAsync("bicycle factory");
        var read = await tools.ReadDocumentAsync(other.ToString());

        Assert.Contains("1990", found, StringComparison.Ordinal);
        Assert.DoesNotContain("revenue", found, StringComparison.Ordinal);
        Assert.All(lexical.RequestedDocuments, d => Assert.Equal([chosen], d!));
        Assert.Equal("No such document.", read);
        Assert.Contains("1990", await tools.ReadDocumentAsync(chosen.ToString()), StringComparison.Ordinal);
    }

    private async Task<Guid> AddAsync(string name, string text)
    {
        var id = Guid.NewGuid();
        await repository.AddDocumentAsync(new NewDocument(id, name, "default", id.ToString()), [new NewChunk(0, text, Page: 1)]);
        return id;
    }
}
