using System.CommandLine;
using ChatRag.Cli.Commands;

var root = new RootCommand("ChatRag: ingest, search, ask and measure from the command line (the same engine as the server).");
root.Subcommands.Add(VersionCommand.Create());
return await root.Parse(args).InvokeAsync();
