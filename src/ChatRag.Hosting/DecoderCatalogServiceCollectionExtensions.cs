using ChatRag.Decoder.Onnx.Tools;
using ChatRag.Chat.Decoders;
using ChatRag.Core.Conversations;
using ChatRag.Decoder.Onnx.Hosting;
using ChatRag.Decoder.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        Func<IServiceProvider, DecoderDefinition>? legacy = null;
        var section = configuration.GetSection(DecoderOptions.SectionName);
        var kind = DecoderKinds.Of(section);
        if (kind != DecoderKind.None)
        {
            services.AddOptionsWithValidateOnStart<DecoderOptions>().Bind(section).PostConfigure(o => o.Kind = kind);
        }

        switch (kind)
        {
            case DecoderKind.Onnx:
                legacy = sp => Onnx(sp, LegacyName, Options.DefaultName);
                break;
            case DecoderKind.OpenAI:
                services.AddChatClient(sp => OpenAICompatibleChatClientFactory.Create(sp.GetRequiredService<IOptions<DecoderOptions>>().Value.OpenAI()))
                    .UseGuardedFunctionInvocation()
                    .UseChatRagTelemetry();
                legacy = sp => new DecoderDefinition(LegacyName, "openai", sp.GetRequiredService<IChatClient>, Owned: false);
                break;
        }

        // The named sections are read when the options are first used, not now: a test host (and any host that adds
        // configuration sources late) may not have them yet while services are registered.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<DecoderOptions>>(new NamedDecoderSection(configuration)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DecoderOptions>, DecoderOptionsValidator>());
        services.AddOptionsWithValidateOnStart<DecoderCatalogOptions>()
            .Bind(configuration.GetSection(DecoderCatalogOptions.SectionName))
            .Configure(o => o.DefaultDecoder = configuration[DecoderCatalogOptions.DefaultDecoderKey] is { Length: > 0 } d ? d.Trim() : null)
            .ValidateDataAnnotations();
        services.AddSingleton<IValidateOptions<DecoderCatalogOptions>>(sp => new DecoderCatalogValidator(sp, configuration, legacy is not null));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<DecoderCatalogOptions>>().Value;
            var definitions = legacy is null ? new List<DecoderDefinition>() : [legacy(sp)];
            foreach (var section in DecoderKinds.Named(configuration.GetSection(DecoderCatalogOptions.SectionName)))
            {
                definitions.Add(DecoderKinds.Of(section) == DecoderKind.Onnx ? Onnx(sp, section.Key, section.Key) : OpenAI(sp, section.Key));
            }

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
        var o = sp.GetRequiredService<IOptionsMonitor<DecoderOptions>>().Get(optionsName).Onnx();
        return new DecoderDefinition(name, "onnx", () => LoadOnnx(sp, o), OnnxFootprint.Bytes(o.ModelPath));
    }

    private static IChatClient LoadOnnx(IServiceProvider sp, OnnxDecoderSettings o)
    {
        var onnx = o.CreateClient();
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

        return new ChatClientBuilder(onnx).UseGuardedFunctionInvocation().UseChatRagTelemetry().Build(sp);
    }

    private static DecoderDefinition OpenAI(IServiceProvider sp, string name)
    {
        var o = sp.GetRequiredService<IOptionsMonitor<DecoderOptions>>().Get(name).OpenAI();
        return new DecoderDefinition(name, "openai", () => new ChatClientBuilder(OpenAICompatibleChatClientFactory.Create(o)).UseGuardedFunctionInvocation().UseChatRagTelemetry().Build(sp));
    }
}
