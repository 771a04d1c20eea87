using ChatRag.Contracts.Documents;

namespace ChatRag.Web.State;

/// <summary>One file in the upload queue: uploading, then the document's status until ready or failed.</summary>
public sealed class UploadItem(string name)
{
    /// <summary>The file name.</summary>
    public string Name { get; } = name;

    /// <summary>The document id once the server accepted the file.</summary>
    public Guid? Id { get; set; }

    /// <summary><c>uploading</c>, then the server's status: <c>queued</c>, <c>processing</c>, <c>ready</c>, <c>failed</c> (or <c>duplicate</c>, <c>rejected</c>).</summary>
    public string Status { get; set; } = "uploading";

    /// <summary>Why the file failed or was refused.</summary>
    public string? Error { get; set; }

    /// <summary>Chunks embedded so far, while processing.</summary>
    public DocumentProgress? Progress { get; set; }

    /// <summary>True once nothing more will change.</summary>
    public bool Finished => Status is "ready" or "failed" or "duplicate" or "rejected";
}
