using System.Net;
using System.Net.Http.Json;
using ChatRag.Contracts.Chat;

namespace ChatRag.Server.Tests;

/// <summary><c>GET /api/v1/conversations/{id}/export</c>: both formats carry the questions, cited answers and sources; access as reading it.</summary>
public sealed class ConversationExportTests : ApiKeysServerTest
{
    [Fact]
    public async Task Json_export_pairs_each_question_with_its_cited_answer_and_sources()
    {
        var (owner, id, _) = await ConverseAsync();

        var response = await owner.GetAsync($"/api/v1/conversations/{id}/export?format=json");
        var export = await response.Content.ReadFromJsonAsync<ConversationExport>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"conversation-{id:N}.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(id, export!.Id);
        Assert.Equal(["Which planet has the Great Red Spot storm?", "What are Saturn's rings made of?"], export.Turns.Select(t => t.Question));
        Assert.All(export.Turns, t =>
        {
            Assert.NotEmpty(t.Answer);
            Assert.NotEmpty(t.Sources);
            Assert.All(t.Sources, s => Assert.Equal("planets.txt", s.DocumentName));
        });
        Assert.Contains(export.Turns, t => t.Citations.Count > 0);
    }

    [Fact]
    public async Task Markdown_export_has_a_heading_per_question_the_answers_and_the_cited_passages()
    {
        var (owner, id, _) = await ConverseAsync();
        var json = await owner.GetFromJsonAsync<ConversationExport>($"/api/v1/conversations/{id}/export?format=json");

        var response = await owner.GetAsync($"/api/v1/conversations/{id}/export");
        var markdown = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("## Which planet has the Great Red Spot storm?\n", markdown, StringComparison.Ordinal);
        Assert.Contains("## What are Saturn's rings made of?\n", markdown, StringComparison.Ordinal);
        foreach (var turn in json!.Turns)
        {
            Assert.Contains(turn.Answer, markdown, StringComparison.Ordinal);
            foreach (var citation in turn.Citations)
            {
                Assert.Contains($"[{citation.Index}] planets.txt, page {citation.Page}", markdown, StringComparison.Ordinal);
                Assert.Contains("> " + citation.Text.Split('\n')[0], markdown, StringComparison.Ordinal);
            }
        }

        Assert.Contains(json.Turns, t => t.Citations.Count > 0);
        Assert.Contains("### Sources", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_follows_the_conversation_access_rules()
    {
        var (_, id, admin) = await ConverseAsync();
        var otherScoped = Client((await Keys.CreateAsync("other-bot", "recipes")).Key);
        var otherCollection = Client((await Keys.CreateAsync("garden-bot", "garden")).Key);

        // Another scoped key, even on the same collection, and a key of another collection read it as missing.
        Assert.Equal(HttpStatusCode.NotFound, (await otherScoped.GetAsync($"/api/v1/conversations/{id}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCollection.GetAsync($"/api/v1/conversations/{id}/export?format=json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/conversations/{Guid.NewGuid()}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.CreateClient().GetAsync($"/api/v1/conversations/{id}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/v1/conversations/{id}/export?format=pdf")).StatusCode);
    }

    private async Task<(HttpClient Owner, Guid Id, HttpClient Admin)> ConverseAsync()
    {
        await Factory.AddDocumentAsync("recipes", "planets.txt", "Jupiter is the largest planet; its Great Red Spot is a storm larger than Earth.", "Saturn's rings are made mostly of ice particles.");
        var owner = Client((await Keys.CreateAsync("recipes-bot", "recipes")).Key);
        var admin = Client((await Keys.CreateAsync("admin")).Key);
        var first = await owner.AskAsync(new { message = "Which planet has the Great Red Spot storm?" });
        var id = first.GetProperty("conversationId").GetGuid();
        await owner.AskAsync(new { message = "What are Saturn's rings made of?", conversationId = id });
        return (owner, id, admin);
    }
}
