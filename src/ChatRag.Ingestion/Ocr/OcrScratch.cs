using System.Diagnostics;
using System.Globalization;

namespace ChatRag.Ingestion.Ocr;

/// <summary>
/// The temporary folders page images live in while they are OCR'd, named after the process that made them
/// (<c>chatrag-ocr-&lt;pid&gt;-&lt;random&gt;</c>), so a start-up sweep can tell a crashed run's leftovers from the
/// folders of a live process (another server or CLI on the same machine).
/// </summary>
internal static class OcrScratch
{
    private const string Prefix = "chatrag-ocr-";

    /// <summary>Age after which a folder whose owner cannot be told (or whose id a new process reused) is removed: no page takes a day.</summary>
    internal static readonly TimeSpan StaleAge = TimeSpan.FromDays(1);

    /// <summary>A new folder owned by this process.</summary>
    public static DirectoryInfo Create() =>
        Directory.CreateTempSubdirectory(Prefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-");

    /// <summary>
    /// Removes the OCR folders under <paramref name="root"/> whose process is gone, and those older than
    /// <see cref="StaleAge"/> that no live process of ours could still be using; returns how many.
    /// </summary>
    public static int SweepStale(string root, Action<string, Exception>? notRemoved = null)
    {
        var removed = 0;
        var cutoff = DateTime.UtcNow - StaleAge;
        foreach (var folder in new DirectoryInfo(root).EnumerateDirectories(Prefix + "*"))
        {
            var owner = Owner(folder.Name);
            var stale = owner is { } pid
                ? !Alive(pid) || (folder.LastWriteTimeUtc < cutoff && pid != Environment.ProcessId)
                : folder.LastWriteTimeUtc < cutoff;
            if (!stale)
            {
                continue;
            }

            try
            {
                folder.Delete(recursive: true);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                notRemoved?.Invoke(folder.FullName, e);
            }
        }

        return removed;
    }

    private static int? Owner(string name)
    {
        var rest = name.AsSpan(Prefix.Length);
        var dash = rest.IndexOf('-');
        return dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
