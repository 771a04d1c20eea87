using ChatRag.Chat.Decoders;
using ChatRag.TestKit.Fakes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Server.Tests.Decoders;

/// <summary>The trace names the decoder that answered: two scripted models in the real server's catalogue.</summary>
public sealed class DecoderTraceTests
{
    [Fact]
    public async Task The_named_decoder_answers_and_the_trace_says_which_while_the_default_answers_the_rest()
    {
        var alpha = Script("Alpha says the Great Red Spot is a storm larger than Earth [1].");
        var bravo = Script("Bravo says the Great Red Spot is a storm larger than Earth [1].");
        await using var inner = new ChatRagServerFactory();
        await using var factory = inner.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton(_ => new DecoderCatalog(
                [new DecoderDefinition("alpha", "custom", () => Functions(alpha), Owned: false), new DecoderDefinition("bravo", "custom", () => Functions(bravo), Owned: false)],
                "alpha"))));
        _ = factory.Server;
        await factory.AddDocumentAsync("default", "planets.txt", "Jupiter is the largest planet; its Great Red Spot is a storm larger than Earth.");
        var client = factory.CreateClient();

        var chosen = await client.AskAsync(new { message = "What is the Great Red Spot?", model = "bravo" });
        var byDefault = await client.AskAsync(new { message = "What is the Great Red Spot?" });

        Assert.StartsWith("Bravo says", chosen.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("bravo", chosen.GetProperty("trace").GetProperty("decoder").GetString());
        Assert.StartsWith("Alpha says", byDefault.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("alpha", byDefault.GetProperty("trace").GetProperty("decoder").GetString());
    }

    private static ScriptedChatClient Script(string answer) => new([new TextContent(answer)]);

    private static IChatClient Functions(IChatClient client) => new ChatClientBuilder(client).UseFunctionInvocation().Build();
}
