namespace ChatRag.Contracts.Documents;

/// <summary>What happened to one file of an upload.</summary>
/// <param name="Id">The queued document; for a duplicate, the existing document holding the same content; empty when rejected.</param>
/// <param name="Name">The file's sanitised display name.</param>
/// <param name="Status"><c>queued</c>, <c>duplicate</c> or <c>rejected</c>.</param>
/// <param name="Error">Why a rejected file was refused, in words a person can act on.</param>
/// <param name="StatusCode">For a rejected file, the HTTP status it would have had alone (413, 415 or 422).</param>
public sealed record UploadedDocument(Guid Id, string Name, string Status, string? Error = null, int? StatusCode = null);
