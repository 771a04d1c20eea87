namespace ChatRag.Core.Evaluation;

/// <summary>A corpus document of a BEIR set.</summary>
public sealed record BeirDocument(string Id, string Title, string Text);
