using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.Hosting;

/// <summary>
/// Checks the decoders at start-up (through <see cref="DecoderCatalogOptions"/>, validated on start): each named section
/// says what it is and binds to valid options, no name is taken twice, and <c>ChatRag:DefaultDecoder</c> names one.
/// </summary>
internal sealed class DecoderCatalogValidator(IServiceProvider services, IConfiguration configuration, bool legacy) : IValidateOptions<DecoderCatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, DecoderCatalogOptions options)
    {
        var failures = new List<string>();
        var names = legacy ? new List<string> { DecoderCatalogServiceCollectionExtensions.LegacyName } : [];
        foreach (var section in DecoderKinds.Named(configuration.GetSection(DecoderCatalogOptions.SectionName)))
        {
            if (names.Contains(section.Key, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{section.Path}: the name '{section.Key}' is already taken (the ChatRag:Decoder section's decoder is '{DecoderCatalogServiceCollectionExtensions.LegacyName}').");
                continue;
            }

            names.Add(section.Key);
            try
            {
                // Binding reads the kind (an unknown one throws) and the validator checks that kind's keys.
                if (services.GetRequiredService<IOptionsMonitor<DecoderOptions>>().Get(section.Key).Kind == DecoderKind.None)
                {
                    failures.Add($"{section.Path} names no model: set ModelPath (a model folder) or Endpoint, or Kind=Onnx|OpenAI.");
                }
            }
            catch (OptionsValidationException e)
            {
                // Each failure already names its section.
                failures.AddRange(e.Failures);
            }
            catch (InvalidOperationException e)
            {
                failures.Add(e.Message);
            }
        }

        if (options.DefaultDecoder is { } wanted && !names.Contains(wanted, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{DecoderCatalogOptions.DefaultDecoderKey} must name a configured decoder: {(names.Count == 0 ? "none is configured" : string.Join(", ", names))}.");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
