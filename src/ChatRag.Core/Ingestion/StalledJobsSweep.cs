namespace ChatRag.Core.Ingestion;

/// <summary>What one sweep for stalled jobs did.</summary>
/// <param name="Requeued">Jobs whose lease had expired that went back to the queue.</param>
/// <param name="Failed">Jobs whose lease had expired on their last allowed attempt; their documents are now failed.</param>
public sealed record StalledJobsSweep(int Requeued, int Failed);
