namespace ChatRag.Core.Ingestion;

/// <summary>A claimed ingestion job: everything the worker needs to (re)build one document.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Name">Display name.</param>
/// <param name="Collection">Collection.</param>
/// <param name="ContentHash">Hex SHA-256 of the original.</param>
/// <param name="StoredFile">Generated file name of the original inside the uploads folder.</param>
/// <param name="Attempt">How many times this job has been claimed, this claim included.</param>
/// <param name="ClaimToken">
/// Fencing token of this claim. Every write of the run carries it, and the store rejects it with
/// <see cref="StaleClaimException"/> once the job was taken back (re-queued, re-indexed or claimed again).
/// </param>
public sealed record IngestionJob(Guid DocumentId, string Name, string Collection, string ContentHash, string StoredFile, int Attempt, long ClaimToken = 0);
