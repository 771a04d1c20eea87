using ChatRag.Web.State;

namespace ChatRag.Web.Tests.Fakes;

internal sealed class FakeBrowserStorage : IBrowserStorage
{
    public string? ApiKey { get; set; }

    public string? Collection { get; set; }

    public ValueTask<string?> GetApiKeyAsync() => ValueTask.FromResult(ApiKey);

    public ValueTask SetApiKeyAsync(string? key)
    {
        ApiKey = key;
        return ValueTask.CompletedTask;
    }

    public ValueTask<string?> GetCollectionAsync() => ValueTask.FromResult(Collection);

    public ValueTask SetCollectionAsync(string collection)
    {
        Collection = collection;
        return ValueTask.CompletedTask;
    }

    public HashSet<string> Dismissed { get; } = [];

    public ValueTask<bool> IsDismissedAsync(string notice) => ValueTask.FromResult(Dismissed.Contains(notice));

    public ValueTask DismissAsync(string notice)
    {
        Dismissed.Add(notice);
        return ValueTask.CompletedTask;
    }
}
