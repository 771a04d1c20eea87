using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ChatRag.EndToEnd.Tests.Infrastructure;

/// <summary>Arranges documents through the public REST API (the same one the browser uses).</summary>
public sealed class DocumentsApi(HttpClient client)
{
    /// <summary>Uploads the document and waits until its status is <c>ready</c>.</summary>
    public async Task<string> UploadAndWaitAsync(SeedDocument document, TimeSpan timeout)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(document.Content));
        file.Headers.ContentType = new("text/markdown");
        form.Add(file, "file", document.Name);
        using var response = await client.PostAsync(new Uri("api/v1/documents", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Upload answered {(int)response.StatusCode}: {body}");
        }

        var id = JsonDocument.Parse(body).RootElement[0].GetProperty("id").GetString()!;
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var status = await client.GetFromJsonAsync<JsonElement>(new Uri($"api/v1/documents/{id}", UriKind.Relative));
            switch (status.GetProperty("status").GetString())
            {
                case "ready":
                    return id;
                case "failed":
                    throw new InvalidOperationException($"{document.Name} failed: {status}");
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{document.Name} was not ready after {timeout.TotalSeconds:0} s.");
    }
}
