using System.Text.Json;

namespace ChatRag.TestKit.Fakes;

/// <summary>What <see cref="FakeOpenAIServer"/> saw of one request.</summary>
public sealed record RecordedRequest(JsonElement Body, string Authorization);
