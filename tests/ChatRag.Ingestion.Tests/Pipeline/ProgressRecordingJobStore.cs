using System.Collections.Concurrent;
using System.Reflection;
using ChatRag.Core.Ingestion;

namespace ChatRag.Ingestion.Tests.Pipeline;

/// <summary>
/// Passes every call to the real job store and, after each stage-progress write, reads the document back from it
/// and records the progress it reports: what a client polling the status route would have seen at that moment.
/// </summary>
public class ProgressRecordingJobStore : DispatchProxy
{
    private IIngestionJobStore inner = null!;

    /// <summary>Progress as the store reported it after each stage write, in order.</summary>
    public ConcurrentQueue<(string? Stage, int Done, int Total, string Status)> Seen { get; } = new();

    /// <summary>Wraps <paramref name="store"/>.</summary>
    public static (IIngestionJobStore Store, ProgressRecordingJobStore Recorder) Wrap(IIngestionJobStore store)
    {
        var proxy = Create<IIngestionJobStore, ProgressRecordingJobStore>();
        var recorder = (ProgressRecordingJobStore)(object)proxy;
        recorder.inner = store;
        return (proxy, recorder);
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        object? result;
        try
        {
            result = targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }

        return targetMethod.Name == nameof(IIngestionJobStore.ReportStageProgressAsync)
            ? RecordAfterAsync((Task)result!, ((IngestionJob)args![0]!).DocumentId)
            : result;
    }

    private async Task RecordAfterAsync(Task write, Guid documentId)
    {
        await write;
        var document = await inner.GetAsync(documentId);
        Seen.Enqueue((document!.ProgressStage, document.ProgressDone, document.ProgressTotal, document.Status));
    }
}
