using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenAI;
using OpenAI.Chat;

namespace ChatRag.Server.Tests;

/// <summary>The official OpenAI client pointed at the in-memory server: its own pipeline over the factory's handler.</summary>
internal static class OpenAIClients
{
    public static ChatClient Chat<T>(WebApplicationFactory<T> factory, string model, string key)
        where T : class => new(model, new ApiKeyCredential(key), Options(factory));

    public static OpenAI.Models.OpenAIModelClient Models<T>(WebApplicationFactory<T> factory, string key)
        where T : class => new(new ApiKeyCredential(key), Options(factory));

    private static OpenAIClientOptions Options<T>(WebApplicationFactory<T> factory)
        where T : class
    {
        var http = factory.CreateClient();
        return new OpenAIClientOptions
        {
            Endpoint = new Uri(http.BaseAddress!, "v1"),
            Transport = new HttpClientPipelineTransport(http),
            // A test must see the first answer, not a retried one.
            RetryPolicy = new ClientRetryPolicy(0),
        };
    }
}
