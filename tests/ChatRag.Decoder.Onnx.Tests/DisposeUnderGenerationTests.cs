using ChatRag.Decoder.Onnx.Chat;
using ChatRag.Decoder.Onnx.Runtime;
using ChatRag.Decoder.Onnx.Tests.Fakes;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>
/// Disposing the decoder while a generation still holds it (a host shutting down under a request) must never free
/// native memory under that generation: the generation ends with <see cref="ObjectDisposedException"/>, the native
/// session goes once it has unwound, and later generations are refused.
/// </summary>
public sealed class DisposeUnderGenerationTests(TinyModels models) : IClassFixture<TinyModels>
{
    private static readonly GenerationSettings Long = new() { MaxNewTokens = 10_000, IgnoreEos = true };

    [Theory]
    [InlineData(KvConvention.SharedBuffer)]
    [InlineData(KvConvention.Concat)]
    public void A_generation_paused_between_steps_ends_with_ObjectDisposed_and_the_model_refuses_new_ones(KvConvention convention)
    {
        var model = DecoderModel.Load(convention == KvConvention.SharedBuffer ? models.GenaiDirectory : models.OptimumDirectory, new DecoderModelLoadOptions { Provider = ExecutionProvider.Cpu });
        var prompt = model.Tokenizer.Encode(TinyModels.ChatPrompt);
        using var generation = model.Generate(prompt, Long).GetEnumerator();
        Assert.True(generation.MoveNext());
        Assert.Equal(1, model.GenerationsInFlight);

        model.Dispose();

        Assert.Throws<ObjectDisposedException>(() => generation.MoveNext());
        Assert.Equal(0, model.GenerationsInFlight);
        Assert.Throws<ObjectDisposedException>(() => model.Generate(prompt, Long).First());
    }

    [Fact]
    public async Task A_generation_running_on_another_thread_ends_cleanly_when_the_model_is_disposed()
    {
        var model = DecoderModel.Load(models.GenaiDirectory, new DecoderModelLoadOptions { Provider = ExecutionProvider.Cpu });
        var prompt = model.Tokenizer.Encode(TinyModels.ChatPrompt);
        using var started = new SemaphoreSlim(0);
        var generating = Task.Run(() =>
        {
            var count = 0;
            foreach (var _ in model.Generate(prompt, Long))
            {
                if (++count == 1)
                {
                    started.Release();
                }
            }

            return count;
        });
        await started.WaitAsync();

        model.Dispose();

        // Either the generation reached the model's length limit first, or it was stopped; it never crashes.
        var outcome = await Record.ExceptionAsync(() => generating);
        Assert.True(outcome is null or ObjectDisposedException, outcome?.ToString());
        Assert.Equal(0, model.GenerationsInFlight);
    }

    [Fact]
    public async Task Disposing_the_chat_client_under_a_stream_lets_the_stream_unwind_without_an_error()
    {
        var generator = new ScriptedTextGenerator(_ => ["one ", "two ", "three"]);
        var client = new OnnxChatClient(generator, new FakeChatMLTemplate());
        var stream = client.GetStreamingResponseAsync("hi").GetAsyncEnumerator();
        Assert.True(await stream.MoveNextAsync());

        client.Dispose();

        var text = stream.Current.Text;
        while (await stream.MoveNextAsync())
        {
            text += stream.Current.Text;
        }

        await stream.DisposeAsync();
        Assert.Equal("one two three", text);
    }
}
