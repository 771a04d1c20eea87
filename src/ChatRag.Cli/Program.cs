using System.CommandLine;
using ChatRag.Cli;
using ChatRag.Cli.Commands;

var root = new RootCommand("ChatRag: ingest, search, ask and measure from the command line (the same engine as the server).")
{
    CliHost.DataOption,
    CliHost.ModelsOption,
    CliHost.EncodersOption,
};
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(SearchCommand.Create());
root.Subcommands.Add(AskCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(KeysCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(ModelsCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(McpCommand.Create());
root.Subcommands.Add(VersionCommand.Create());
return await root.Parse(args).InvokeAsync();
