namespace ChatRag.Ingestion.Pipeline;

/// <summary>
/// A file that <see cref="DocumentUploader.StageAsync"/> accepted and wrote to a temporary name in the uploads folder,
/// not yet queued. Disposing it deletes the temporary file unless <see cref="DocumentUploader.CommitAsync"/> moved it
/// into place, so an aborted request leaves nothing behind.
/// </summary>
public sealed class StagedUpload : IDisposable
{
    internal StagedUpload(string name, string folder, string storedFile, string contentHash, string contentType, long sizeBytes)
    {
        Name = name;
        Folder = folder;
        StoredFile = storedFile;
        ContentHash = contentHash;
        ContentType = contentType;
        SizeBytes = sizeBytes;
    }

    /// <summary>Sanitised display name.</summary>
    public string Name { get; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string ContentHash { get; }

    /// <summary>MIME type detected from the content.</summary>
    public string ContentType { get; }

    /// <summary>Size in bytes.</summary>
    public long SizeBytes { get; }

    internal string Folder { get; }

    internal string StoredFile { get; }

    internal string TempPath => Path.Combine(Folder, StoredFile + ".part");

    internal string FinalPath => Path.Combine(Folder, StoredFile);

    /// <summary>Deletes the temporary file if it is still there.</summary>
    public void Dispose() => File.Delete(TempPath);
}
