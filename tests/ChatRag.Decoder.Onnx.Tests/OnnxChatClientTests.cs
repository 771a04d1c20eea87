using ChatRag.Decoder.Onnx.Chat;
using ChatRag.Decoder.Onnx.Runtime;
using ChatRag.Decoder.Onnx.Tests.Fakes;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Tests;

public sealed class OnnxChatClientTests(TinyModels models) : IClassFixture<TinyModels>
{
    /// <summary>
    /// Proves the conversion layer (parser output to FunctionCallContent, finish reason, tool results fed back) works
    /// under FunctionInvokingChatClient. The tokens are scripted: a random tiny model cannot be made to call a tool.
    /// </summary>
    [Fact]
    public async Task ScriptedToolCallIsExecutedByFunctionInvokingChatClient()
    {
        var generator = new ScriptedTextGenerator(prompt => prompt.Contains("<tool_response>", StringComparison.Ordinal)
            ? ["It is ", "sunny ", "in Paris."]
            : ["<tool_call>", "{\"name\": \"get_weather\", ", "\"arguments\": {\"city\": \"Paris\"}}", "</tool_call>"]);
        string? askedCity = null;
        var tool = AIFunctionFactory.Create((string city) => { askedCity = city; return "sunny"; }, "get_weather");
        using var inner = new OnnxChatClient(generator, new FakeChatMLTemplate());
        using var client = new ChatClientBuilder(inner).UseFunctionInvocation().Build();

        var response = await client.GetResponseAsync("Weather in Paris?", new ChatOptions { Tools = [tool] });

        Assert.Equal("Paris", askedCity);
        Assert.Equal("It is sunny in Paris.", response.Text);
        Assert.Equal(2, generator.Prompts.Count);
        Assert.Contains("\"sunny\"", generator.Prompts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptedToolCallSurfacesAsFunctionCallWithToolCallsFinishReason()
    {
        var generator = new ScriptedTextGenerator(_ => ["<tool_call>", "{\"name\": \"f\", \"arguments\": {\"x\": \"1\"}}", "</tool_call>"]);
        using var client = new OnnxChatClient(generator, new FakeChatMLTemplate());

        var response = await client.GetResponseAsync("go");

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("f", call.Name);
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
    }

    [Fact]
    public async Task RealModelStreamsTextUsageAndFinishReason()
    {
        using var client = new OnnxChatClient(new DecoderTextGenerator(models.Genai), new FakeChatMLTemplate());
        var options = new ChatOptions { MaxOutputTokens = 12 };

        var updates = await client.GetStreamingResponseAsync("hello world", options).ToListAsync();
        var response = await client.GetResponseAsync("hello world", options);

        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Single().Details;
        Assert.True(usage.InputTokenCount > 5);
        Assert.InRange(usage.OutputTokenCount!.Value, 1, 12);
        Assert.Equal(string.Concat(updates.Select(u => u.Text)), response.Text);
        Assert.NotNull(updates[^1].FinishReason);
    }

    [Theory]
    [InlineData(KvConvention.SharedBuffer)]
    [InlineData(KvConvention.Concat)]
    public async Task ConcurrentRequestsMatchSequentialOnes(KvConvention convention)
    {
        using var client = new OnnxChatClient(new DecoderTextGenerator(models[convention]), new FakeChatMLTemplate(), new OnnxChatClientOptions { MaxConcurrency = 4 });
        var prompts = Enumerable.Range(0, 8).Select(i => $"hello {i} world {new string('a', i)}").ToList();
        var options = new ChatOptions { MaxOutputTokens = 16, Temperature = 0.9f, Seed = 5 };

        var sequential = new List<string>();
        foreach (var prompt in prompts)
        {
            sequential.Add((await client.GetResponseAsync(prompt, options)).Text);
        }

        var parallel = await Task.WhenAll(prompts.Select(p => Task.Run(() => client.GetResponseAsync(p, options))));

        Assert.Equal(sequential, parallel.Select(r => r.Text));
        Assert.True(sequential.Distinct().Count() > 1);
    }

    [Fact]
    public async Task CancellingTheStreamStopsGeneration()
    {
        using var client = new OnnxChatClient(new DecoderTextGenerator(models.Optimum), new FakeChatMLTemplate(), new OnnxChatClientOptions { MaxConcurrency = 1 });
        using var cts = new CancellationTokenSource();
        var received = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync("hello", new ChatOptions { MaxOutputTokens = 400 }, cts.Token))
            {
                if (++received == 2)
                {
                    await cts.CancelAsync();
                }
            }
        });

        // The single slot was released: another request still runs.
        var after = await client.GetResponseAsync("hello", new ChatOptions { MaxOutputTokens = 3 });
        Assert.NotNull(after.FinishReason);
    }
}
