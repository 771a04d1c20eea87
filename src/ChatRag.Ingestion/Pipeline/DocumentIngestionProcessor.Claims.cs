using ChatRag.Core.Ingestion;
using Microsoft.Extensions.Logging;

namespace ChatRag.Ingestion.Pipeline;

/// <content>What happens to a run that ran out of time or lost its claim.</content>
public sealed partial class DocumentIngestionProcessor
{
    /// <param name="limit">The limit that passed: JobTimeoutSeconds, plus a page time limit per page sent to OCR.</param>
    private async Task<IngestionResult> TimedOutAsync(IngestionJob job, StageTimings timings, TimeSpan limit, CancellationToken cancellationToken)
    {
        if (job.Attempt < options.Value.MaxAttempts)
        {
            // Back to the queue with a new claim token: if the abandoned step wakes up later, its writes are rejected.
            if (!await jobs.ReleaseAsync(job, cancellationToken).ConfigureAwait(false))
            {
                throw new StaleClaimException(job.DocumentId, job.ClaimToken);
            }

            LogTimedOut(job.DocumentId, job.Name, limit, job.Attempt, options.Value.MaxAttempts);
            return new IngestionResult(job.DocumentId, job.Name, "queued", 0, null, timings);
        }

        var reason = $"Processing this file took longer than the {Describe(limit)} time limit {job.Attempt} time(s), so it was given up. "
            + "Split the file into smaller ones, or ask the operator to raise ChatRag:Ingestion:Pipeline:JobTimeoutSeconds, then re-index it.";
        LogGivenUp(job.DocumentId, job.Name, limit, job.Attempt);
        await jobs.FailAsync(job, reason, timings.ToJson(), cancellationToken).ConfigureAwait(false);
        return new IngestionResult(job.DocumentId, job.Name, "failed", 0, reason, timings);
    }

    private static string Describe(TimeSpan limit) => limit.TotalMinutes >= 1
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{limit.TotalMinutes:0.#}-minute")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{limit.TotalSeconds:0.##}-second");

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} ({Name}): stopped this run, its claim {ClaimToken} was taken back (re-indexed, lease expired or claimed elsewhere); the current run finishes it")]
    private partial void LogSuperseded(Guid documentId, string name, long claimToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId} ({Name}) ran past the {Limit} time limit on attempt {Attempt} of {MaxAttempts}; re-queued")]
    private partial void LogTimedOut(Guid documentId, string name, TimeSpan limit, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId} ({Name}) ran past the {Limit} time limit on its last attempt ({Attempt}); failed")]
    private partial void LogGivenUp(Guid documentId, string name, TimeSpan limit, int attempt);
}
