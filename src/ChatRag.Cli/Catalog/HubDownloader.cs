using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace ChatRag.Cli.Catalog;

/// <summary>
/// Fetches a catalogue entry's files from a Hugging Face hub (<c>HF_ENDPOINT</c>, default https://huggingface.co)
/// through its resolve URLs, with <c>HF_TOKEN</c> as a bearer token. Each file goes to <c>name.part</c> first and is
/// resumed with an HTTP Range request after a cut connection; a known sha256 is checked before the file takes its name.
/// </summary>
internal sealed partial class HubDownloader(HttpClient http, string endpoint, string? token)
{
    /// <summary>The hub to use: <c>HF_ENDPOINT</c> when set.</summary>
    public static string DefaultEndpoint => Environment.GetEnvironmentVariable("HF_ENDPOINT") is { Length: > 0 } e ? e : "https://huggingface.co";

    /// <summary>The resolve URL of one file of an entry.</summary>
    public Uri UrlOf(CatalogSource source, CatalogFile file)
    {
        var path = string.Join('/', $"{source.Folder}/{file.Path}".Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));
        return new Uri($"{endpoint.TrimEnd('/')}/{source.Repo}/resolve/{Uri.EscapeDataString(source.Revision ?? "main")}/{path}");
    }

    /// <summary>Downloads one file into <paramref name="directory"/>; returns its sha256, or null for a missing optional file.</summary>
    /// <exception cref="PullException">The hub refused, the hash is wrong, the network or the disk failed.</exception>
    public async Task<string?> DownloadAsync(CatalogSource source, CatalogFile file, string directory, Action<long, long?> progress, CancellationToken cancellationToken)
    {
        var target = Path.Combine(directory, file.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var part = target + ".part";
        var url = UrlOf(source, file);
        var have = File.Exists(part) ? new FileInfo(part).Length : 0L;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (have > 0)
        {
            request.Headers.Range = new RangeHeaderValue(have, null);
        }

        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Send(request, cancellationToken).ConfigureAwait(false);
        switch (response.StatusCode)
        {
            case HttpStatusCode.NotFound when file.Optional:
                return null;
            case HttpStatusCode.RequestedRangeNotSatisfiable:
                // The part already holds the whole file: only the check and the rename were left.
                return Finish(file, part, target);
            case HttpStatusCode.OK or HttpStatusCode.PartialContent:
                break;
            default:
                throw Refused(response.StatusCode, url, source);
        }

        var append = response.StatusCode == HttpStatusCode.PartialContent;
        var total = response.Content.Headers.ContentLength is { } length ? length + (append ? have : 0) : (long?)null;
        await Copy(response, part, append, append ? have : 0, total, progress, cancellationToken).ConfigureAwait(false);
        return Finish(file, part, target);
    }

    private async Task<HttpResponseMessage> Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException || e.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError)
        {
            throw new PullException($"Cannot reach {endpoint} ({e.Message}). No network? Set HF_ENDPOINT to a reachable mirror.", e);
        }
    }

    private static async Task Copy(HttpResponseMessage response, string part, bool append, long start, long? total, Action<long, long?> progress, CancellationToken cancellationToken)
    {
        try
        {
            await using var output = new FileStream(part, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using var input = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[1 << 16];
            var done = start;
            int read;
            while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                done += read;
                progress(done, total);
            }

            if (total is { } expected && done < expected)
            {
                throw new PullException($"The connection closed after {done:N0} of {expected:N0} bytes of {Path.GetFileName(part[..^5])}; run the same command again to resume.");
            }
        }
        catch (IOException e) when (IsDiskFull(e))
        {
            throw new PullException($"The disk is full while writing {part}; free space and run the same command again to resume.", e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new PullException($"The download of {Path.GetFileName(part[..^5])} was cut ({e.Message}); run the same command again to resume.", e);
        }
    }

    private static string Finish(CatalogFile file, string part, string target)
    {
        string actual;
        using (var stream = File.OpenRead(part))
        {
            actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        if (file.ExpectedHash is { } expected && expected != actual)
        {
            File.Delete(part);
            throw new PullException($"{file.Path}: sha256 is {actual}, the catalogue says {expected}; the download was removed.");
        }

        File.Move(part, target, overwrite: true);
        return actual;
    }

    private static PullException Refused(HttpStatusCode status, Uri url, CatalogSource source) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new PullException(
            $"{url} answered {(int)status}: {source.Repo} is gated or private. Accept its licence on https://huggingface.co/{source.Repo} and set HF_TOKEN to a token of that account."),
        HttpStatusCode.NotFound => new PullException($"{url} does not exist (404): the catalogue's repo, revision or file name is wrong."),
        _ => new PullException($"{url} answered {(int)status} {status}."),
    };

    // ENOSPC on Unix, ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows.
    private static bool IsDiskFull(IOException e) => (e.HResult & 0xFFFF) is 28 or 112 or 39;
}
