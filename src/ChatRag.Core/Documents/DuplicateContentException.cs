namespace ChatRag.Core.Documents;

/// <summary>Thrown when a document's content hash already exists in its collection under another document id.</summary>
public sealed class DuplicateContentException : InvalidOperationException
{
    /// <summary>Creates the exception for the document that already holds the content.</summary>
    public DuplicateContentException(string collection, Guid existingDocumentId)
        : base($"The same content is already stored in collection '{collection}' as document {existingDocumentId}.")
    {
        Collection = collection;
        ExistingDocumentId = existingDocumentId;
    }

    /// <summary>Creates the exception with a message.</summary>
    public DuplicateContentException()
        : this(string.Empty, Guid.Empty)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DuplicateContentException(string message)
        : base(message)
    {
        Collection = string.Empty;
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public DuplicateContentException(string message, Exception innerException)
        : base(message, innerException)
    {
        Collection = string.Empty;
    }

    /// <summary>Collection holding the duplicate.</summary>
    public string Collection { get; }

    /// <summary>Id of the document that already holds the content.</summary>
    public Guid ExistingDocumentId { get; }
}
