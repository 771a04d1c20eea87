using System.CommandLine;
using ChatRag.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatRag.Cli;

/// <summary>Builds the same service graph the server uses, configured from appsettings, environment and CLI options.</summary>
internal static class CliHost
{
    /// <summary><c>--data</c>: the data directory (overrides <c>ChatRag:DataDirectory</c>).</summary>
    public static readonly Option<string?> DataOption = new("--data")
    {
        Description = "Data directory holding the database and indexes (default: ChatRag:DataDirectory or ./data).",
        Recursive = true,
    };

    /// <summary><c>--models</c>: the models directory (overrides <c>ChatRag:ModelsDirectory</c>).</summary>
    public static readonly Option<string?> ModelsOption = new("--models")
    {
        Description = "Models directory (default: ChatRag:ModelsDirectory or ./models).",
        Recursive = true,
    };

    /// <summary><c>--encoders</c>: comma-separated encoder names (overrides <c>ChatRag:Encoder:Models</c>).</summary>
    public static readonly Option<string?> EncodersOption = new("--encoders")
    {
        Description = "Encoders to use, comma-separated (for example arctic-xs or arctic-xs,minilm for an ensemble).",
        Recursive = true,
    };

    /// <summary>Starts the services and initialises storage; dispose the result to release native resources.</summary>
    /// <param name="parse">The parsed command line (data, models and encoder options).</param>
    /// <param name="overrides">Configuration values that win over every other source.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <param name="configure">Last changes to the builder before it is built (a verb's own services, its logging).</param>
    public static async Task<IHost> StartAsync(
        ParseResult parse, IDictionary<string, string?>? overrides = null, CancellationToken cancellationToken = default, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = false, ContentRootPath = Directory.GetCurrentDirectory() });
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (parse.GetValue(DataOption) is { } data)
        {
            settings["ChatRag:DataDirectory"] = data;
        }

        if (parse.GetValue(ModelsOption) is { } models)
        {
            settings["ChatRag:ModelsDirectory"] = models;
        }

        if (parse.GetValue(EncodersOption) is { } encoders)
        {
            var names = encoders.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var i = 0; i < names.Length; i++)
            {
                settings[$"ChatRag:Encoder:Models:{i}"] = names[i];
            }
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
        builder.AddServiceDefaults();
        builder.Services.AddChatRag(builder.Configuration);
        builder.Services.AddChatRagChat(builder.Configuration);
        configure?.Invoke(builder);
        var host = builder.Build();
        host.Services.StartServiceDefaults();
        await host.Services.InitializeChatRagAsync(cancellationToken);
        return host;
    }
}
