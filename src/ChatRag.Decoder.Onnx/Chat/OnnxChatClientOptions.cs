namespace ChatRag.Decoder.Onnx.Chat;

/// <summary>Behaviour of <see cref="OnnxChatClient"/> that is not per request.</summary>
public sealed record OnnxChatClientOptions
{
    /// <summary>Generations allowed to run at once on the shared model; others wait their turn.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Token budget when the request sets no <c>MaxOutputTokens</c>.</summary>
    public int DefaultMaxOutputTokens { get; init; } = 1024;

    /// <summary>Thinking when the request does not say (<see cref="OnnxChatClient.ThinkingProperty"/>).</summary>
    public ThinkingMode Thinking { get; init; } = ThinkingMode.Auto;
}
