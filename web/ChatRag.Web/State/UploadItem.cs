using ChatRag.Contracts.Documents;

namespace ChatRag.Web.State;

/// <summary>One file in the upload queue: uploading, then the document's status until ready or failed.</summary>
public sealed class UploadItem(string name, string collection)
{
    /// <summary>The file name.</summary>
    public string Name { get; } = name;

    /// <summary>The collection the file was uploaded to.</summary>
    public string Collection { get; } = collection;

    /// <summary>The document id once the server accepted the file.</summary>
    public Guid? Id { get; set; }

    /// <summary><c>uploading</c>, then the server's status: <c>queued</c>, <c>processing</c>, <c>ready</c>, <c>failed</c> (or <c>duplicate</c>, <c>rejected</c>).</summary>
    public string Status { get; set; } = "uploading";

    /// <summary>For a duplicate, the name of the document that already holds the same content.</summary>
    public string? ExistingName { get; set; }

    /// <summary>Why the file failed or was refused.</summary>
    public string? Error { get; set; }

    /// <summary>Chunks embedded so far, while processing.</summary>
    public DocumentProgress? Progress { get; set; }

    /// <summary>True once nothing more will change.</summary>
    public bool Finished => Status is "ready" or "failed" or "duplicate" or "rejected";

    /// <summary>
    /// Takes the status of this file's document from the documents list, so the upload row and the list row always show
    /// the same state (one poller, one source of truth). A duplicate keeps saying so: its id is the older document's.
    /// </summary>
    /// <returns>True when something shown changed.</returns>
    public bool Follow(IEnumerable<DocumentDetails> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (Id is not { } id || Status is "duplicate" or "rejected" || documents.FirstOrDefault(d => d.Id == id) is not { } document)
        {
            return false;
        }

        var changed = document.Status != Status || document.Error != Error || document.Progress != Progress;
        (Status, Error, Progress) = (document.Status, document.Error, document.Progress);
        return changed;
    }
}
