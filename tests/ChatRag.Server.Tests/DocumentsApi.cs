using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ChatRag.Contracts.Documents;

namespace ChatRag.Server.Tests;

/// <summary>Helpers for the documents routes: raw multipart uploads (so hostile names reach the server untouched) and waiting for the worker.</summary>
internal static class DocumentsApi
{
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string? collection, params (string Name, byte[] Content)[] files)
    {
        // Built by hand: HttpClient's header helpers refuse control characters, and a hostile client would not care.
        const string boundary = "----chatrag-test-boundary";
        using var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        if (collection is not null)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"collection\"\r\n\r\n{collection}\r\n");
        }

        foreach (var (name, content) in files)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name.Replace("\"", "%22", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal)}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.Write(content);
            Write("\r\n");
        }

        Write($"--{boundary}--\r\n");
        using var request = new ByteArrayContent(body.ToArray());
        request.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return await client.PostAsync("/api/v1/documents", request);
    }

    public static async Task<IReadOnlyList<UploadedDocument>> UploadOkAsync(HttpClient client, string? collection, params (string Name, byte[] Content)[] files)
    {
        var response = await UploadAsync(client, collection, files);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<UploadedDocument>>())!;
    }

    public static async Task<DocumentDetails> WaitAsync(HttpClient client, Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var details = await client.GetFromJsonAsync<DocumentDetails>($"/api/v1/documents/{id}");
            if (details!.Status is "ready" or "failed" || DateTime.UtcNow > deadline)
            {
                return details;
            }

            await Task.Delay(100);
        }
    }

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
}
