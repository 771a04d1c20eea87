using System.ComponentModel.DataAnnotations;
using ChatRag.Storage.Sqlite;
using ChatRag.Storage.Sqlite.Lexical.Rescoring;

namespace ChatRag.Hosting;

/// <summary>
/// Top-level settings shared by the server and the CLI (section <c>ChatRag</c>): the one class bound to that section.
/// The storage adapter gets its part as <see cref="SqliteStorageSettings"/>, built from these once they are validated.
/// </summary>
public sealed class ChatRagOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "ChatRag";

    /// <summary>Holds the SQLite database, stored uploads and indexes (env <c>ChatRag__DataDirectory</c>).</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Holds model folders; the bundled encoders are extracted here on first use.</summary>
    [Required]
    public string ModelsDirectory { get; set; } = "models";

    /// <summary>Where vectors live: <c>Embedded</c> (default, in the data directory) or <c>Qdrant</c>.</summary>
    [EnumDataType(typeof(VectorStoreKind))]
    public VectorStoreKind VectorStore { get; set; } = VectorStoreKind.Embedded;

    /// <summary>How long a SQLite writer waits for a lock held by another connection before failing, in milliseconds.</summary>
    [Range(0, SqliteStorageSettings.MaxBusyTimeoutMilliseconds)]
    public int BusyTimeoutMilliseconds { get; set; } = SqliteStorageSettings.DefaultBusyTimeoutMilliseconds;

    /// <summary>
    /// Which engine answers lexical searches: <c>Memory</c> (default: an in-memory copy of the FTS5 index searched with
    /// MaxScore pruning) or <c>Fts5</c> (FTS5's own ranking); see <see cref="SqliteStorageSettings.LexicalEngine"/>.
    /// </summary>
    public LexicalEngine LexicalEngine { get; set; } = LexicalEngine.Memory;

    /// <summary>
    /// The BM25F (first line as a title field) + term-pair proximity re-scoring of either engine's top candidates
    /// (<c>ChatRag:LexicalRescoring:Enabled</c>, weights and candidate count); see <see cref="Storage.Sqlite.Lexical.Rescoring.LexicalRescoring"/>.
    /// </summary>
    public LexicalRescoring LexicalRescoring { get; set; } = new();

    /// <inheritdoc />
    /// <remarks>Data annotations do not descend into <see cref="LexicalRescoring"/>; its ranges are checked here, each error naming its key.</remarks>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(LexicalRescoring, new ValidationContext(LexicalRescoring), results, validateAllProperties: true);
        return results.Select(r => new ValidationResult(
            $"{nameof(LexicalRescoring)}:{string.Join(',', r.MemberNames)}: {r.ErrorMessage}", [.. r.MemberNames.Select(m => $"{nameof(LexicalRescoring)}:{m}")]));
    }

    /// <summary>The storage adapter's part of these settings.</summary>
    public SqliteStorageSettings Storage() => new(DataDirectory, BusyTimeoutMilliseconds, LexicalEngine) { LexicalRescoring = LexicalRescoring };
}
