namespace ChatRag.Contracts.Collections;

/// <summary>Body of <c>POST /api/v1/collections</c>.</summary>
/// <param name="Name">Permanent name: 1 to 128 characters, no control characters; it never changes afterwards.</param>
/// <param name="DisplayName">What people call it (defaults to the name); can be changed later.</param>
/// <param name="Description">What it holds (optional).</param>
public sealed record CreateCollection(string? Name, string? DisplayName = null, string? Description = null);
