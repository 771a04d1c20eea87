using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatRag.Storage.Sqlite.Diagnostics;

/// <summary>The adapter's <see cref="ActivitySource"/> and <see cref="Meter"/> (both named <see cref="Name"/>).</summary>
public static class SqliteStorageTelemetry
{
    /// <summary>Name of the activity source and the meter; add it to OpenTelemetry tracing and metrics.</summary>
    public const string Name = "ChatRag.Storage.Sqlite";

    /// <summary>Traces of storage operations.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>Storage metrics.</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>Chunks written.</summary>
    public static readonly Counter<long> ChunksWritten = Meter.CreateCounter<long>("chatrag.storage.chunks_written", "{chunk}", "Chunks written to SQLite.");

    /// <summary>Documents deleted.</summary>
    public static readonly Counter<long> DocumentsDeleted = Meter.CreateCounter<long>("chatrag.storage.documents_deleted", "{document}", "Documents deleted.");

    /// <summary>Duration of document writes (document, chunks and FTS entries in one transaction).</summary>
    public static readonly Histogram<double> WriteDuration = Meter.CreateHistogram<double>("chatrag.storage.write.duration", "ms", "Duration of one document write.");

    /// <summary>Duration of lexical (FTS5) searches.</summary>
    public static readonly Histogram<double> LexicalSearchDuration = Meter.CreateHistogram<double>("chatrag.storage.lexical_search.duration", "ms", "Duration of one FTS5 search.");

    /// <summary>API key validations, tagged by outcome.</summary>
    public static readonly Counter<long> KeyValidations = Meter.CreateCounter<long>("chatrag.storage.api_key_validations", "{validation}", "API key validations.");
}
