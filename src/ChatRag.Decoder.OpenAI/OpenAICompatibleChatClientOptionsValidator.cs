using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ChatRag.Decoder.OpenAI;

/// <summary>
/// Checks <see cref="OpenAICompatibleChatClientOptions"/> at start-up: the data annotations, plus an absolute
/// http(s) endpoint, so a typo fails the host instead of the first chat request.
/// </summary>
internal sealed class OpenAICompatibleChatClientOptionsValidator : IValidateOptions<OpenAICompatibleChatClientOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenAICompatibleChatClientOptions options)
    {
        // Named options are one of several decoders, ChatRag:Decoders:<name>; say which one is wrong.
        var section = string.IsNullOrEmpty(name) ? OpenAICompatibleChatClientOptions.SectionName : $"ChatRag:Decoders:{name}";
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{section}: {r.ErrorMessage}"));
        }

        if (options.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{section}:Endpoint must be an absolute http or https address such as http://localhost:8000/v1.");
        }

        if (options.Model is { Length: > 0 } && string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"{section}:Model must not be blank.");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
