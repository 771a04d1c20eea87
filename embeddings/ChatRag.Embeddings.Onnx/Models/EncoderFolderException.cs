namespace ChatRag.Embeddings.Onnx.Models;

/// <summary>An encoder folder cannot be used; the message names the folder and what is wrong with it.</summary>
public sealed class EncoderFolderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EncoderFolderException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EncoderFolderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public EncoderFolderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
