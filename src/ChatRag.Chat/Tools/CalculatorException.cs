namespace ChatRag.Chat.Tools;

/// <summary>A calculator expression that could not be evaluated; the message says where and why.</summary>
public sealed class CalculatorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CalculatorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CalculatorException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public CalculatorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
