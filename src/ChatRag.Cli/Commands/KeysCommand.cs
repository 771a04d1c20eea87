using System.CommandLine;
using ChatRag.Core.Security;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ChatRag.Cli.Commands;

/// <summary><c>keys create|list|revoke</c>: manages API keys (stored hashed; the key is shown once).</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "Manage API keys. Once any key exists (even revoked), the server requires one on every /api call unless ChatRag:Auth:Mode is Anonymous.");

        var name = new Argument<string>("name") { Description = "A name for the key (who or what uses it)." };
        var collection = new Option<string?>("--collection") { Description = "Limit the key to one collection." };
        var create = new Command("create", "Create a key and print it once.") { name, collection };
        create.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(parse, cancellationToken: cancellationToken);
            var created = await host.Services.GetRequiredService<IApiKeyStore>().CreateAsync(parse.GetValue(name)!, parse.GetValue(collection), cancellationToken);
            AnsiConsole.MarkupLine($"Created key [bold]{Markup.Escape(created.Info.Name)}[/] ({created.Info.Id}). It is shown only now:");
            Console.WriteLine(created.Key);
            return 0;
        });

        var list = new Command("list", "List keys (never the keys themselves).");
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(parse, cancellationToken: cancellationToken);
            var table = new Table().AddColumns("id", "name", "collection", "created", "last used", "revoked");
            foreach (var key in await host.Services.GetRequiredService<IApiKeyStore>().ListAsync(cancellationToken))
            {
                table.AddRow(key.Id.ToString(), Markup.Escape(key.Name), Markup.Escape(key.Collection ?? "(all)"), key.CreatedAt.ToString("u"), key.LastUsedAt?.ToString("u") ?? "-", key.Revoked ? "yes" : "no");
            }

            AnsiConsole.Write(table);
            return 0;
        });

        var id = new Argument<Guid>("id") { Description = "The key id shown by 'keys list'." };
        var revoke = new Command("revoke", "Revoke a key.") { id };
        revoke.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(parse, cancellationToken: cancellationToken);
            var revoked = await host.Services.GetRequiredService<IApiKeyStore>().RevokeAsync(parse.GetValue(id), cancellationToken);
            AnsiConsole.MarkupLine(revoked ? "Revoked." : "[red]No key has that id.[/]");
            return revoked ? 0 : 1;
        });

        command.Subcommands.Add(create);
        command.Subcommands.Add(list);
        command.Subcommands.Add(revoke);
        return command;
    }
}
