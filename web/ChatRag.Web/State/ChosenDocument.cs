namespace ChatRag.Web.State;

/// <summary>A document the user chose to ask about: its id for the API and its name for the chip.</summary>
/// <param name="Id">Document id.</param>
/// <param name="Name">Display name.</param>
public sealed record ChosenDocument(Guid Id, string Name);
