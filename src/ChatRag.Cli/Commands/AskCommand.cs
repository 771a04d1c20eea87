using System.CommandLine;
using ChatRag.Chat.Orchestration;
using ChatRag.Core.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ChatRag.Cli.Commands;

/// <summary><c>ask "question"</c>: a grounded answer with numbered sources, through the same orchestrator as the server.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The question to answer from your documents." };
        var collection = new Option<string>("--collection") { Description = "Collection to answer from.", DefaultValueFactory = _ => "default" };
        var command = new Command("ask", "Answer a question from your documents, with sources.") { question, collection };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(parse, cancellationToken: cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var orchestrator = scope.ServiceProvider.GetRequiredService<ChatOrchestrator>();
            try
            {
                var answer = await orchestrator.AnswerAsync(new ChatTurn(parse.GetValue(question)!.Trim(), null, parse.GetValue(collection)!, null), cancellationToken);
                AnsiConsole.WriteLine(answer.Answer);
                AnsiConsole.WriteLine();
                foreach (var citation in answer.Citations)
                {
                    var where = citation.Page is { } page ? $", page {page}" : string.Empty;
                    var flag = citation.Supported ? string.Empty : " [yellow](weakly supported)[/]";
                    AnsiConsole.MarkupLine($"[bold][[{citation.Index}]][/] [blue]{Markup.Escape(citation.DocumentName)}[/]{where}{flag}");
                }

                AnsiConsole.MarkupLine($"[grey]{answer.Mode}, {answer.Trace.Model}, {answer.Trace.TimingsMs["total"]:0} ms[/]");
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
}
