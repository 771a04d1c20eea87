using System.CommandLine;
using ChatRag.Core.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ChatRag.Cli.Commands;

/// <summary><c>search "query"</c>: hybrid search from the command line.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "What to search for." };
        var collection = new Option<string>("--collection") { Description = "Collection to search.", DefaultValueFactory = _ => "default" };
        var top = new Option<int>("--top") { Description = "Number of passages.", DefaultValueFactory = _ => 5 };
        var mode = new Option<SearchMode>("--mode") { Description = "hybrid, dense or lexical.", DefaultValueFactory = _ => SearchMode.Hybrid };
        var command = new Command("search", "Find the passages most relevant to a query.") { query, collection, top, mode };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(parse, cancellationToken: cancellationToken);
            var searcher = host.Services.GetRequiredService<HybridSearcher>();
            try
            {
                var response = await searcher.SearchAsync(
                    new SearchRequest(parse.GetValue(query)!, [parse.GetValue(collection)!], parse.GetValue(top), parse.GetValue(mode)),
                    cancellationToken);
                if (response.Results.Count == 0)
                {
                    AnsiConsole.MarkupLine("[yellow]No passages matched.[/]");
                }

                var rank = 0;
                foreach (var hit in response.Results)
                {
                    var where = hit.Chunk.Page is { } page ? $", page {page}" : string.Empty;
                    var reranked = hit.RerankScore is { } r ? $", rerank {r:0.0000}, fused #{hit.FusedRank}" : string.Empty;
                    AnsiConsole.MarkupLine($"[bold]{++rank}.[/] [blue]{Markup.Escape(hit.Chunk.DocumentName)}[/]{where} [grey](score {hit.Score:0.0000}{reranked})[/]");
                    AnsiConsole.WriteLine(Shorten(hit.Chunk.Text, 400));
                    AnsiConsole.WriteLine();
                }

                if (response.Rerank is { Applied: false } skipped)
                {
                    AnsiConsole.MarkupLine($"[yellow]Reranker {Markup.Escape(skipped.Model)}: {Markup.Escape(skipped.Reason ?? "not applied")}[/]");
                }

                AnsiConsole.MarkupLine($"[grey]{response.TimingsMs["total"]:0.0} ms[/]");
                return 0;
            }
            catch (Exception e) when (e is QueryRejectedException or UnknownCollectionException)
            {
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
                return 2;
            }
        });
        return command;
    }

    private static string Shorten(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}
