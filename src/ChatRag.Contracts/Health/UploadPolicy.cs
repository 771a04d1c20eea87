namespace ChatRag.Contracts.Health;

/// <summary>What an upload may be, so a client can say so before the person picks a file.</summary>
/// <param name="MaxFileBytes">Largest file the server accepts, in bytes.</param>
/// <param name="MaxRequestBytes">Largest upload request (all its files together), in bytes.</param>
/// <param name="Extensions">File name extensions the readers handle, lower case with the dot (".pdf").</param>
/// <param name="Types">The same in words, for people ("PDF", "Word (.docx)").</param>
public sealed record UploadPolicy(long MaxFileBytes, long MaxRequestBytes, IReadOnlyList<string> Extensions, IReadOnlyList<string> Types);
