using Microsoft.Extensions.Options;

namespace ChatRag.Hosting;

/// <summary>
/// Checks a <see cref="DecoderOptions"/> by its kind, with the rules of that kind's adapter: an ONNX decoder's ranges and
/// model folder, a remote decoder's absolute http(s) endpoint and model; a decoder of kind <c>None</c> has nothing to check.
/// Each failure names its section (<c>ChatRag:Decoder</c>, or <c>ChatRag:Decoders:&lt;name&gt;</c> for a named instance).
/// </summary>
internal sealed class DecoderOptionsValidator : IValidateOptions<DecoderOptions>
{
    public ValidateOptionsResult Validate(string? name, DecoderOptions options)
    {
        var section = string.IsNullOrEmpty(name) ? DecoderOptions.SectionName : $"{DecoderCatalogOptions.SectionName}:{name}";
        var failures = options.Kind switch
        {
            DecoderKind.Onnx => options.Onnx().Validate(section),
            DecoderKind.OpenAI => options.OpenAI().Validate(section),
            _ => [],
        };
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
