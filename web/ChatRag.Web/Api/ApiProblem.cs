namespace ChatRag.Web.Api;

/// <summary>The parts of an RFC 7807 problem details body the client shows.</summary>
/// <param name="Status">HTTP status code, when known.</param>
/// <param name="Title">Short summary.</param>
/// <param name="Detail">Explanation for this occurrence.</param>
public sealed record ApiProblem(int? Status, string? Title, string? Detail)
{
    /// <summary>For a duplicate upload (409), the document that already holds the same content.</summary>
    public Guid? ExistingId { get; init; }
}
