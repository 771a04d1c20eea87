using Microsoft.JSInterop;

namespace ChatRag.Web.State;

/// <summary><see cref="IBrowserStorage"/> over <c>window.localStorage</c>.</summary>
public sealed class LocalBrowserStorage(IJSRuntime js) : IBrowserStorage
{
    private const string ApiKeyName = "chatrag.apiKey";
    private const string CollectionName = "chatrag.collection";
    private string? cachedKey;
    private bool keyLoaded;

    /// <inheritdoc />
    public async ValueTask<string?> GetApiKeyAsync()
    {
        // Every API call asks for the key; read local storage once per page load.
        if (!keyLoaded)
        {
            cachedKey = await js.InvokeAsync<string?>("localStorage.getItem", ApiKeyName);
            keyLoaded = true;
        }

        return cachedKey;
    }

    /// <inheritdoc />
    public async ValueTask SetApiKeyAsync(string? key)
    {
        var value = key?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            await js.InvokeVoidAsync("localStorage.removeItem", ApiKeyName);
            value = null;
        }
        else
        {
            await js.InvokeVoidAsync("localStorage.setItem", ApiKeyName, value);
        }

        cachedKey = value;
        keyLoaded = true;
    }

    /// <inheritdoc />
    public ValueTask<string?> GetCollectionAsync() => js.InvokeAsync<string?>("localStorage.getItem", CollectionName);

    /// <inheritdoc />
    public ValueTask SetCollectionAsync(string collection) => js.InvokeVoidAsync("localStorage.setItem", CollectionName, collection);

    /// <inheritdoc />
    public async ValueTask<bool> IsDismissedAsync(string notice) =>
        await js.InvokeAsync<string?>("localStorage.getItem", DismissedPrefix + notice) is not null;

    /// <inheritdoc />
    public ValueTask DismissAsync(string notice) => js.InvokeVoidAsync("localStorage.setItem", DismissedPrefix + notice, "1");

    private const string DismissedPrefix = "chatrag.dismissed.";
}
