using System.ClientModel;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatRag.Core.Security;
using Microsoft.Extensions.DependencyInjection;
using OpenAI.Chat;

namespace ChatRag.Server.Tests;

/// <summary>
/// The OpenAI-compatible routes through the official OpenAI .NET client against the real server (API keys on,
/// extractive answers, two collections): answers, history, usage, scope, and errors in OpenAI's shape.
/// </summary>
public sealed class OpenAICompatibleTests : IAsyncLifetime
{
    private readonly ChatRagServerFixture fixture = new(new Dictionary<string, string?> { ["ChatRag:Auth:Mode"] = "ApiKeys" });
    private string adminKey = null!;
    private string recipesKey = null!;

    public async Task InitializeAsync()
    {
        await fixture.InitializeAsync();
        var keys = fixture.Factory.Services.GetRequiredService<IApiKeyStore>();
        adminKey = (await keys.CreateAsync("admin")).Key;
        recipesKey = (await keys.CreateAsync("recipes-bot", "recipes")).Key;
    }

    public Task DisposeAsync() => fixture.DisposeAsync();

    [Fact]
    public async Task Models_list_one_model_per_visible_collection()
    {
        var all = await OpenAIClients.Models(fixture.Factory, adminKey).GetModelsAsync();
        Assert.Equal(["chatrag/default", "chatrag/recipes"], all.Value.Select(m => m.Id));
        Assert.All(all.Value, m => Assert.Equal("chatrag", m.OwnedBy));

        var scoped = await OpenAIClients.Models(fixture.Factory, recipesKey).GetModelsAsync();
        Assert.Equal(["chatrag/recipes"], scoped.Value.Select(m => m.Id));
    }

    [Fact]
    public async Task Completion_answers_from_the_collection_with_markers_citations_mode_and_usage()
    {
        var client = OpenAIClients.Chat(fixture.Factory, "chatrag/default", adminKey);

        var result = await client.CompleteChatAsync([new SystemChatMessage("Ignored: the grounded instructions are the server's."), new UserChatMessage("What is the Great Red Spot?")]);

        var completion = result.Value;
        Assert.Equal("chatrag/default", completion.Model);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal(ChatMessageRole.Assistant, completion.Role);
        Assert.Contains("Great Red Spot", completion.Content[0].Text, StringComparison.Ordinal);
        Assert.Matches(@"\[1\]", completion.Content[0].Text);
        Assert.True(completion.Usage.InputTokenCount > 0);
        Assert.True(completion.Usage.OutputTokenCount > 0);
        Assert.Equal(completion.Usage.InputTokenCount + completion.Usage.OutputTokenCount, completion.Usage.TotalTokenCount);

        using var raw = JsonDocument.Parse(result.GetRawResponse().Content);
        Assert.Equal("extractive", raw.RootElement.GetProperty("mode").GetString());
        var citation = raw.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("citations")[0];
        Assert.Equal(1, citation.GetProperty("index").GetInt32());
        Assert.Equal("planets.txt", citation.GetProperty("documentName").GetString());
    }

    [Fact]
    public async Task Earlier_messages_are_history_for_the_last_user_message_and_nothing_is_stored()
    {
        var client = OpenAIClients.Chat(fixture.Factory, "chatrag/default", adminKey);

        // The follow-up alone names nothing; only with the earlier question as history does the rewrite find the storm.
        // (It asks what the documents say, "what is it?", not how long it lasted, which they do not say: found is false for that.)
        var alone = (await client.CompleteChatAsync([new UserChatMessage("What is it?")])).Value;
        var completion = (await client.CompleteChatAsync(
            [new UserChatMessage("Tell me about the Great Red Spot."), new AssistantChatMessage("It is a storm larger than Earth [1]."), new UserChatMessage("What is it?")])).Value;

        Assert.DoesNotContain("Great Red Spot", alone.Content[0].Text, StringComparison.Ordinal);
        Assert.Contains("Great Red Spot", completion.Content[0].Text, StringComparison.Ordinal);
        var http = Http(adminKey);
        var conversations = await http.GetFromJsonAsync<JsonElement>("/api/v1/conversations");
        Assert.Empty(conversations.GetProperty("conversations").EnumerateArray());
    }

    [Fact]
    public async Task Scoped_key_is_refused_another_collection_and_answers_from_its_own()
    {
        var foreign = await Assert.ThrowsAsync<ClientResultException>(
            () => OpenAIClients.Chat(fixture.Factory, "chatrag/default", recipesKey).CompleteChatAsync([new UserChatMessage("Jupiter storm")]));
        Assert.Equal(403, foreign.Status);
        AssertOpenAIError(foreign, "permission_error");

        var own = await OpenAIClients.Chat(fixture.Factory, "chatrag/recipes", recipesKey).CompleteChatAsync([new UserChatMessage("Tell me about the storm")]);
        Assert.DoesNotContain("Jupiter", own.Value.Content[0].Text, StringComparison.Ordinal);
        Assert.Contains("soup", own.Value.Content[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gpt-4o")]
    [InlineData("chatrag/nosuchcollection")]
    [InlineData("chatrag/default@qwen")]
    public async Task Unknown_model_is_404_model_not_found(string model)
    {
        var error = await Assert.ThrowsAsync<ClientResultException>(
            () => OpenAIClients.Chat(fixture.Factory, model, adminKey).CompleteChatAsync([new UserChatMessage("Jupiter storm")]));

        Assert.Equal(404, error.Status);
        var body = AssertOpenAIError(error, "invalid_request_error");
        Assert.Equal("model_not_found", body.GetProperty("code").GetString());
        Assert.Equal("model", body.GetProperty("param").GetString());
    }

    [Fact]
    public async Task Messages_without_a_user_message_are_400()
    {
        var error = await Assert.ThrowsAsync<ClientResultException>(
            () => OpenAIClients.Chat(fixture.Factory, "chatrag/default", adminKey).CompleteChatAsync([new SystemChatMessage("You are helpful."), new AssistantChatMessage("Hello.")]));

        Assert.Equal(400, error.Status);
        var body = AssertOpenAIError(error, "invalid_request_error");
        Assert.Equal("messages", body.GetProperty("param").GetString());
    }

    [Theory]
    [InlineData("""{"messages":[{"role":"user","content":"Jupiter storm"}]}""")]
    [InlineData("""{"model":" ","messages":[{"role":"user","content":"Jupiter storm"}]}""")]
    public async Task A_request_without_a_model_is_400_naming_the_parameter(string request)
    {
        var response = await Http(adminKey).PostAsync("/v1/chat/completions", new StringContent(request, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("model", error.GetProperty("param").GetString());
        Assert.Equal("missing_required_parameter", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Usage_counts_only_the_history_the_prompt_uses()
    {
        // Twenty earlier messages of about 1,000 estimated tokens each; the prompt keeps the last HistoryMessages (6).
        var history = Enumerable.Range(0, 20).Select(i => new { role = i % 2 == 0 ? "user" : "assistant", content = new string('a', 3000) });
        var messages = history.Append(new { role = "user", content = "Jupiter storm" });
        var request = JsonSerializer.Serialize(new { model = "chatrag/default", messages });

        var response = await Http(adminKey).PostAsync("/v1/chat/completions", new StringContent(request, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var prompt = json.RootElement.GetProperty("usage").GetProperty("prompt_tokens").GetInt32();
        Assert.InRange(prompt, 6 * 1000, 7 * 1000);
    }

    [Fact]
    public async Task Oversize_body_is_413()
    {
        var error = await Assert.ThrowsAsync<ClientResultException>(
            () => OpenAIClients.Chat(fixture.Factory, "chatrag/default", adminKey).CompleteChatAsync([new UserChatMessage(new string('x', 70_000))]));

        Assert.Equal(413, error.Status);
        AssertOpenAIError(error, "invalid_request_error");
    }

    [Fact]
    public async Task Bearer_key_is_accepted_everywhere_and_a_wrong_one_is_401_in_OpenAI_shape()
    {
        var wrong = await Assert.ThrowsAsync<ClientResultException>(
            () => OpenAIClients.Chat(fixture.Factory, "chatrag/default", "not-a-key").CompleteChatAsync([new UserChatMessage("Jupiter storm")]));
        Assert.Equal(401, wrong.Status);
        AssertOpenAIError(wrong, "authentication_error");

        // The OpenAI client sends the key as a Bearer token, and the REST API takes it the same way.
        var http = fixture.Factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", recipesKey);
        var status = await http.GetFromJsonAsync<JsonElement>("/api/v1/status");
        Assert.Equal(["recipes"], status.GetProperty("collections").EnumerateArray().Select(c => c.GetString()));
        var noKey = await fixture.Factory.CreateClient().GetAsync("/v1/models");
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
    }

    internal static JsonElement AssertOpenAIError(ClientResultException e, string type)
    {
        var response = e.GetRawResponse()!;
        Assert.StartsWith("application/json", response.Headers.TryGetValue("Content-Type", out var contentType) ? contentType : string.Empty, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(response.Content);
        var error = json.RootElement.GetProperty("error").Clone();
        Assert.Equal(type, error.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.True(error.TryGetProperty("param", out _) && error.TryGetProperty("code", out _));
        return error;
    }

    private HttpClient Http(string key)
    {
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
