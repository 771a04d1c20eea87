using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ChatRag.Server.Tests;

/// <summary>Helpers to call the chat API and read its Server-Sent Events.</summary>
internal static class ChatTestClient
{
    public static async Task<JsonElement> AskAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/chat", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<List<(string Name, JsonElement Data)>> StreamAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/chat", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return Parse(await response.Content.ReadAsStringAsync());
    }

    public static List<(string Name, JsonElement Data)> Parse(string sse)
    {
        var events = new List<(string, JsonElement)>();
        foreach (var block in sse.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? name = null;
            var data = new StringBuilder();
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data.Append(line["data: ".Length..]);
                }
            }

            Assert.NotNull(name);
            events.Add((name, JsonDocument.Parse(data.ToString()).RootElement.Clone()));
        }

        return events;
    }
}
