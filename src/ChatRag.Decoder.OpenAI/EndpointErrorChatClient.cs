using System.ClientModel;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.OpenAI;

/// <summary>
/// Turns the OpenAI client's <see cref="ClientResultException"/> into an <see cref="HttpRequestException"/> whose
/// message names the endpoint, the model and the status (and the server's own error text), and whose
/// <see cref="HttpRequestException.StatusCode"/> a host can map to a response. The message reaches chat traces, so
/// <paramref name="endpoint"/> is the address without its credentials
/// (<see cref="OpenAICompatibleChatClientSettings.WithoutCredentials"/>).
/// </summary>
internal sealed class EndpointErrorChatClient(IChatClient inner, string endpoint, string model) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (ClientResultException ex)
        {
            throw Translate(ex);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (updates.ConfigureAwait(false))
        {
            while (true)
            {
                // A yield cannot sit inside try/catch, so only the step that can fail is guarded.
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (ClientResultException ex)
                {
                    throw Translate(ex);
                }

                yield return updates.Current;
            }
        }
    }

    private HttpRequestException Translate(ClientResultException ex)
    {
        var status = ex.Status;
        var detail = ex.GetRawResponse()?.Content?.ToString();
        var what = status == 0
            ? $"could not be reached ({ex.InnerException?.Message ?? ex.Message})"
            : $"answered {status} ({(HttpStatusCode)status})" + (string.IsNullOrWhiteSpace(detail) ? string.Empty : $": {Truncate(detail)}");
        return new HttpRequestException(
            $"The OpenAI-compatible decoder endpoint {endpoint} for model '{model}' {what}.",
            ex,
            status == 0 ? null : (HttpStatusCode)status);
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
