using ChatRag.Contracts.Settings;
using ChatRag.Web.Api;

namespace ChatRag.Web.Tests.Fakes;

/// <content>The settings routes: answers <see cref="Settings"/>, records updates and applies them as the server would.</content>
internal sealed partial class FakeChatRagApi
{
    public ChatSettings Settings { get; set; } = new("default", ["default"], 5, true, ["ChatRag__DefaultDecoder=default", "ChatRag__Chat__Sources=5"]);

    public List<UpdateChatSettings> SettingsUpdates { get; } = [];

    public Task<ChatSettings> GetSettingsAsync(CancellationToken cancellationToken = default) => Answer(Settings);

    public Task<ChatSettings> UpdateSettingsAsync(UpdateChatSettings request, CancellationToken cancellationToken = default)
    {
        SettingsUpdates.Add(request);
        Settings = Settings with
        {
            DefaultDecoder = request.DefaultDecoder ?? Settings.DefaultDecoder,
            RetrievalDepth = request.RetrievalDepth ?? Settings.RetrievalDepth,
            ConfigurationLines = [$"ChatRag__DefaultDecoder={request.DefaultDecoder}", $"ChatRag__Chat__Sources={request.RetrievalDepth}"],
        };
        return Answer(Settings);
    }
}
