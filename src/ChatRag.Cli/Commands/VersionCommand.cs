using System.CommandLine;
using System.Reflection;

namespace ChatRag.Cli.Commands;

/// <summary><c>version</c>: prints the build version.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the ChatRag version.");
        command.SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            Console.WriteLine(version);
            return 0;
        });
        return command;
    }
}
