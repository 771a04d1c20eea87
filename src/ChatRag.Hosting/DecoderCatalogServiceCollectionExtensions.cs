using ChatRag.Chat.Decoders;
using ChatRag.Core.Conversations;
using ChatRag.Decoder.Onnx.Chat;
using ChatRag.Decoder.Onnx.Hosting;
using ChatRag.Decoder.Onnx.Runtime;
using ChatRag.Decoder.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.Hosting;

/// <summary>
/// Builds the <see cref="DecoderCatalog"/> from configuration: the unnamed <c>ChatRag:Decoder</c> section (as before,
/// named <c>default</c>) and every <c>ChatRag:Decoders:&lt;name&gt;</c> section of the same shape, each validated at
/// start-up, with <c>ChatRag:DefaultDecoder</c> and the memory budget.
/// </summary>
public static class DecoderCatalogServiceCollectionExtensions
{
    /// <summary>The name of the decoder configured by the unnamed <c>ChatRag:Decoder</c> section.</summary>
    public const string LegacyName = "default";

    /// <summary>Registers the catalogue (before <c>AddGroundedChat</c>, which then keeps it).</summary>
    public static IServiceCollection AddDecoderCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var factories = new List<Func<IServiceProvider, DecoderDefinition>>();
        var names = new List<string>();
        switch (DecoderKinds.Of(configuration.GetSection(OnnxDecoderOptions.SectionName)))
        {
            case "onnx":
                services.AddOptionsWithValidateOnStart<OnnxDecoderOptions>().Bind(configuration.GetSection(OnnxDecoderOptions.SectionName)).ValidateDataAnnotations();
                factories.Add(sp => Onnx(sp, LegacyName, Options.DefaultName));
                names.Add(LegacyName);
                break;
            case "openai":
                services.AddOpenAICompatibleChatClient(configuration).UseFunctionInvocation();
                factories.Add(sp => new DecoderDefinition(LegacyName, "openai", sp.GetRequiredService<IChatClient>, Owned: false));
                names.Add(LegacyName);
                break;
        }

        foreach (var section in DecoderKinds.Named(configuration.GetSection(DecoderCatalogOptions.SectionName)))
        {
            var name = section.Key;
            switch (DecoderKinds.Of(section))
            {
                case "onnx":
                    services.AddOptions<OnnxDecoderOptions>(name).Bind(section).ValidateDataAnnotations().ValidateOnStart();
                    factories.Add(sp => Onnx(sp, name, name));
                    break;
                case "openai":
                    services.AddNamedOpenAICompatibleChatClientOptions(name, section);
                    factories.Add(sp => OpenAI(sp, name));
                    break;
                default:
                    throw new InvalidOperationException($"{section.Path} names no model: set ModelPath (a model folder) or Endpoint, or Kind=Onnx|OpenAI.");
            }

            names.Add(name);
        }

        services.AddOptionsWithValidateOnStart<DecoderCatalogOptions>()
            .Bind(configuration.GetSection(DecoderCatalogOptions.SectionName))
            .Configure(o => o.DefaultDecoder = configuration[DecoderCatalogOptions.DefaultDecoderKey] is { Length: > 0 } d ? d.Trim() : null)
            .ValidateDataAnnotations()
            .Validate(
                o => o.DefaultDecoder is null || names.Contains(o.DefaultDecoder, StringComparer.OrdinalIgnoreCase),
                $"{DecoderCatalogOptions.DefaultDecoderKey} must name a configured decoder: {(names.Count == 0 ? "none is configured" : string.Join(", ", names))}.")
            .Validate(
                _ => names.Distinct(StringComparer.OrdinalIgnoreCase).Count() == names.Count,
                $"A decoder under {DecoderCatalogOptions.SectionName} is named '{LegacyName}', the name of the ChatRag:Decoder section's decoder; rename one.");
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<DecoderCatalogOptions>>().Value;
            var definitions = factories.Select(f => f(sp)).ToList();
            if (definitions.Count == 0 && sp.GetService<IChatClient>() is { } registered)
            {
                // A client registered in code (tests, embedders) with no decoder in configuration stays the default.
                definitions.Add(new DecoderDefinition(LegacyName, "custom", () => registered, Owned: false));
            }

            return new DecoderCatalog(definitions, o.DefaultDecoder, (long)(o.MemoryBudgetMB * 1024 * 1024));
        });
        return services;
    }

    private static DecoderDefinition Onnx(IServiceProvider sp, string name, string optionsName)
    {
        var o = sp.GetRequiredService<IOptionsMonitor<OnnxDecoderOptions>>().Get(optionsName);
        return new DecoderDefinition(name, "onnx", () => LoadOnnx(sp, o), OnnxFootprint.Bytes(o.ModelPath));
    }

    private static IChatClient LoadOnnx(IServiceProvider sp, OnnxDecoderOptions o)
    {
        var onnx = OnnxChatClient.ForModelDirectory(
            o.ModelPath,
            new DecoderModelLoadOptions { Provider = o.Provider, MaxLength = o.MaxLength },
            new OnnxChatClientOptions { MaxConcurrency = o.MaxConcurrency, DefaultMaxOutputTokens = o.DefaultMaxOutputTokens, Thinking = o.Thinking });
        try
        {
            // The sessions load now, on the request that needs them, so a broken folder marks the decoder failed
            // instead of failing mid-generation, and the memory the catalogue counts is really held.
            _ = onnx.GetService<IPromptTokenCounter>();
        }
        catch
        {
            onnx.Dispose();
            throw;
        }

        return new ChatClientBuilder(onnx).UseFunctionInvocation().Build(sp);
    }

    private static DecoderDefinition OpenAI(IServiceProvider sp, string name)
    {
        var o = sp.GetRequiredService<IOptionsMonitor<OpenAICompatibleChatClientOptions>>().Get(name);
        return new DecoderDefinition(name, "openai", () => new ChatClientBuilder(OpenAICompatibleChatClientFactory.Create(o)).UseFunctionInvocation().Build(sp));
    }
}
