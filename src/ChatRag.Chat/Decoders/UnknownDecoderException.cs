namespace ChatRag.Chat.Decoders;

/// <summary>A request named a decoder that is not configured; the message lists the configured ones.</summary>
public sealed class UnknownDecoderException : Exception
{
    /// <summary>Creates the exception for <paramref name="name"/>.</summary>
    public UnknownDecoderException(string name, IReadOnlyList<string> configured)
        : base(configured.Count == 0
            ? $"Unknown model '{name}': no language model is configured, so answers are extractive; omit 'model'."
            : $"Unknown model '{name}'. Configured models: {string.Join(", ", configured)}.")
    {
        Name = name;
        Configured = configured;
    }

    /// <inheritdoc />
    public UnknownDecoderException()
        : this(string.Empty, [])
    {
    }

    /// <inheritdoc />
    public UnknownDecoderException(string message, Exception innerException)
        : base(message, innerException)
    {
        Name = string.Empty;
        Configured = [];
    }

    /// <summary>The name asked for.</summary>
    public string Name { get; }

    /// <summary>The configured decoder names.</summary>
    public IReadOnlyList<string> Configured { get; }
}
