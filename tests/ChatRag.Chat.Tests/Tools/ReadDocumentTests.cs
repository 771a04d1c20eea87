using ChatRag.Chat.Tools;
using ChatRag.Core.Documents;
using ChatRag.Core.Retrieval;
using ChatRag.TestKit.Fakes;
using Microsoft.Extensions.Options;

namespace ChatRag.Chat.Tests.Tools;

/// <summary><c>read_document</c> reads the stored chunks of a document, in order, and only inside the caller's collections.</summary>
public sealed class ReadDocumentTests
{
    private readonly InMemoryDocumentRepository repository = new();
    private readonly ToolCallLog log = new();

    [Fact]
    public async Task Reads_the_whole_document_in_order_a_page_or_a_section()
    {
        var id = await AddAsync(
            "default",
            "report.pdf",
            new NewChunk(1, "Second page: revenue grew by 12 percent.", Page: 2, HeadingPath: "Results"),
            new NewChunk(0, "First page: the company makes bicycles.", Page: 1, HeadingPath: "Overview"),
            new NewChunk(2, "Third page: the outlook is cautious.", Page: 3, HeadingPath: "Results > Outlook"));
        await AddAsync("default", "other.txt", new NewChunk(0, "Unrelated text about bicycles and revenue."));
        var tools = Tools("default");

        var whole = await tools.ReadDocumentAsync(id.ToString());
        var page = await tools.ReadDocumentAsync(id.ToString(), "2");
        var section = await tools.ReadDocumentAsync(id.ToString(), "outlook");
        var byText = await tools.ReadDocumentAsync(id.ToString(), "bicycles");

        Assert.True(whole.IndexOf("First page", StringComparison.Ordinal) < whole.IndexOf("Second page", StringComparison.Ordinal));
        Assert.True(whole.IndexOf("Second page", StringComparison.Ordinal) < whole.IndexOf("Third page", StringComparison.Ordinal));
        Assert.DoesNotContain("Unrelated", whole, StringComparison.Ordinal);
        Assert.Contains("untrusted", whole, StringComparison.Ordinal);
        Assert.Contains("Second page", page, StringComparison.Ordinal);
        Assert.DoesNotContain("First page", page, StringComparison.Ordinal);
        Assert.Contains("page=\"2\"", page, StringComparison.Ordinal);
        Assert.Contains("Third page", section, StringComparison.Ordinal);
        Assert.DoesNotContain("Second page", section, StringComparison.Ordinal);
        Assert.Contains("First page", byText, StringComparison.Ordinal);
        Assert.DoesNotContain("Unrelated", byText, StringComparison.Ordinal);
        Assert.Equal(4, log.All.Count);
        Assert.All(log.All, call => Assert.False(call.Failed));
    }

    [Fact]
    public async Task A_page_that_does_not_exist_says_so_with_the_document_size()
    {
        var id = await AddAsync("default", "a.txt", new NewChunk(0, "Only one page.", Page: 1));

        var result = await Tools("default").ReadDocumentAsync(id.ToString(), "7");

        Assert.Equal("Nothing found on that page or section; the document has 1 passages.", result);
    }

    [Fact]
    public async Task A_document_of_another_collection_is_refused_like_a_missing_one()
    {
        var secret = await AddAsync("finance", "salaries.txt", new NewChunk(0, "The CEO earns 9 million.", Page: 1));
        await AddAsync("default", "public.txt", new NewChunk(0, "Public text."));

        var foreign = await Tools("default").ReadDocumentAsync(secret.ToString());
        var missing = await Tools("default").ReadDocumentAsync(Guid.NewGuid().ToString());
        var own = await Tools("finance").ReadDocumentAsync(secret.ToString());

        Assert.Equal("No such document.", foreign);
        Assert.Equal(missing, foreign);
        Assert.Contains("9 million", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_id_is_a_tool_error_the_model_can_read()
    {
        var result = await Tools("default").ReadDocumentAsync("not-a-guid");

        Assert.StartsWith("Error: 'not-a-guid' is not a document id.", result, StringComparison.Ordinal);
        Assert.True(Assert.Single(log.All).Failed);
    }

    private ChatTools Tools(string collection)
    {
        var searcher = new HybridSearcher(
            FixedEncoderCatalog.Hashing(), new BruteForceVectorIndex(), new ScanningLexicalIndex(repository), repository, Options.Create(new RetrievalOptions()));
        return new ChatTools(searcher, null, [collection], TimeProvider.System, log, repository);
    }

    private async Task<Guid> AddAsync(string collection, string name, params NewChunk[] chunks)
    {
        var id = Guid.NewGuid();
        await repository.AddDocumentAsync(new NewDocument(id, name, collection, id.ToString()), chunks);
        return id;
    }
}
