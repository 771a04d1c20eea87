namespace ChatRag.Web.State;

/// <summary>Settings kept in the browser (local storage): the API key and the chosen collection.</summary>
public interface IBrowserStorage
{
    /// <summary>The stored API key, or null.</summary>
    ValueTask<string?> GetApiKeyAsync();

    /// <summary>Stores the API key; null or empty removes it.</summary>
    ValueTask SetApiKeyAsync(string? key);

    /// <summary>The collection chosen last, or null.</summary>
    ValueTask<string?> GetCollectionAsync();

    /// <summary>Remembers the chosen collection.</summary>
    ValueTask SetCollectionAsync(string collection);

    /// <summary>Whether the person dismissed the notice named <paramref name="notice"/> (it stays dismissed across reloads).</summary>
    ValueTask<bool> IsDismissedAsync(string notice);

    /// <summary>Remembers that the person dismissed the notice named <paramref name="notice"/>.</summary>
    ValueTask DismissAsync(string notice);
}
