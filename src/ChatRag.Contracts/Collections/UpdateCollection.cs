namespace ChatRag.Contracts.Collections;

/// <summary>Body of <c>PATCH /api/v1/collections/{name}</c>: properties left out (null) keep their value.</summary>
/// <param name="DisplayName">New display name (the rename); an empty string goes back to the permanent name.</param>
/// <param name="Description">New description; an empty string removes it.</param>
public sealed record UpdateCollection(string? DisplayName = null, string? Description = null);
