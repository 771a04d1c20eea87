using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChatRag.Hosting;

/// <summary>
/// Binds the named instance <c>N</c> of a decoder options class from <c>ChatRag:Decoders:N</c>, for whatever names the
/// configuration holds when the options are first read (the unnamed instance is the <c>ChatRag:Decoder</c> section,
/// bound elsewhere).
/// </summary>
internal sealed class NamedDecoderSection<TOptions>(IConfiguration configuration) : IConfigureNamedOptions<TOptions>
    where TOptions : class
{
    public void Configure(string? name, TOptions options)
    {
        if (!string.IsNullOrEmpty(name))
        {
            configuration.GetSection($"{DecoderCatalogOptions.SectionName}:{name}").Bind(options);
        }
    }

    public void Configure(TOptions options) => Configure(Options.DefaultName, options);
}
