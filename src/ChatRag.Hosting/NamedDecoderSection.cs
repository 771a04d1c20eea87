using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChatRag.Hosting;

/// <summary>
/// Binds the named instance <c>N</c> of <see cref="DecoderOptions"/> from <c>ChatRag:Decoders:N</c>, with its kind, for
/// whatever names the configuration holds when the options are first read (the unnamed instance is the
/// <c>ChatRag:Decoder</c> section, bound elsewhere).
/// </summary>
internal sealed class NamedDecoderSection(IConfiguration configuration) : IConfigureNamedOptions<DecoderOptions>
{
    public void Configure(string? name, DecoderOptions options)
    {
        if (!string.IsNullOrEmpty(name))
        {
            var section = configuration.GetSection($"{DecoderCatalogOptions.SectionName}:{name}");
            // The kind first: an unknown Kind fails with the key named, before the binder sees the other keys.
            options.Kind = DecoderKinds.Of(section);
            section.Bind(options);
        }
    }

    public void Configure(DecoderOptions options) => Configure(Options.DefaultName, options);
}
