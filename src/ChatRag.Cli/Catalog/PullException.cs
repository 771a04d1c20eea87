namespace ChatRag.Cli.Catalog;

/// <summary>A pull that cannot go on, with the message the user should read (no stack trace).</summary>
internal sealed class PullException(string message, Exception? inner = null) : Exception(message, inner);
