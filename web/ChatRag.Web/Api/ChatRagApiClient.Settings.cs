using System.Net.Http.Json;
using ChatRag.Contracts.Settings;

namespace ChatRag.Web.Api;

/// <content>The run-time settings routes.</content>
public sealed partial class ChatRagApiClient
{
    /// <inheritdoc />
    public Task<ChatSettings> GetSettingsAsync(CancellationToken cancellationToken = default) =>
        GetJsonAsync<ChatSettings>("api/v1/settings", cancellationToken);

    /// <inheritdoc />
    public Task<ChatSettings> UpdateSettingsAsync(UpdateChatSettings request, CancellationToken cancellationToken = default) =>
        SendJsonAsync<ChatSettings>(HttpMethod.Put, "api/v1/settings", JsonContent.Create(request, options: Json), cancellationToken);
}
