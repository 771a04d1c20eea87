using ChatRag.Chat.Orchestration;
using ChatRag.Core.Conversations;
using ChatRag.TestKit.Fakes;
using Microsoft.Extensions.AI;

namespace ChatRag.Chat.Tests;

/// <summary>The one place that picks a token counter: the decoder's own when it offers one, else the estimate.</summary>
public sealed class EstimatedTokenCounterTests
{
    [Fact]
    public void A_client_that_counts_is_used()
    {
        using var client = new CountingClient(new ScriptedChatClient());

        Assert.Same(client, EstimatedTokenCounter.For(client, 8_192));
    }

    [Fact]
    public void A_client_that_fails_to_load_or_no_client_gets_the_shared_estimate_for_the_window()
    {
        using var failing = new FailingClient(new ScriptedChatClient());

        var estimate = EstimatedTokenCounter.For(failing, 4_096);

        Assert.IsType<EstimatedTokenCounter>(estimate);
        Assert.Equal(4_096, estimate.ContextTokens);
        Assert.Same(estimate, EstimatedTokenCounter.For(null, 4_096));
        Assert.Equal(8_192, EstimatedTokenCounter.For(null, 8_192).ContextTokens);
    }

    private sealed class CountingClient(IChatClient inner) : DelegatingChatClient(inner), IPromptTokenCounter
    {
        public int ContextTokens => 100;

        public int CountTokens(string text) => text.Length;

        public override object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(IPromptTokenCounter) ? this : base.GetService(serviceType, serviceKey);
    }

    private sealed class FailingClient(IChatClient inner) : DelegatingChatClient(inner)
    {
        public override object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(IPromptTokenCounter) ? throw new FileNotFoundException("model.onnx") : base.GetService(serviceType, serviceKey);
    }
}
