using ChatRag.Decoder.Onnx.Runtime;

namespace ChatRag.Cli.Catalog;

/// <summary>Whether a catalogue entry is present in the models directory.</summary>
internal static class InstallState
{
    /// <summary>
    /// <c>installed</c> when every required file is there (for an entry listing no files: a loadable model folder),
    /// <c>partial</c> when the folder exists without them (an interrupted pull leaves <c>*.part</c> files), else <c>-</c>.
    /// </summary>
    public static string Of(CatalogModel model, string modelsDirectory)
    {
        var dir = Path.Combine(modelsDirectory, model.Id);
        if (!Directory.Exists(dir))
        {
            return "-";
        }

        var required = (model.Files ?? []).Where(f => !f.Optional).ToList();
        var complete = required.Count > 0
            ? required.All(f => File.Exists(Path.Combine(dir, f.Path)))
            : model.Kind == "decoder" ? DecoderModel.IsModelDirectory(dir) : Directory.EnumerateFileSystemEntries(dir).Any();
        return complete ? "installed" : "partial";
    }
}
