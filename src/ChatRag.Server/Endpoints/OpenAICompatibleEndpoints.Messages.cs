using System.Text;
using System.Text.Json;
using ChatRag.Contracts.OpenAI;
using ChatRag.Core.Conversations;

namespace ChatRag.Server.Endpoints;

/// <summary>Model names and the mapping of OpenAI messages onto a chat turn.</summary>
public static partial class OpenAICompatibleEndpoints
{
    /// <summary>
    /// <c>chatrag/&lt;collection&gt;</c>, optionally <c>@&lt;decoder&gt;</c>: the collection to answer from and one of the
    /// configured decoders (<c>GET /api/v1/status</c> lists them); without the suffix, the default decoder answers.
    /// </summary>
    internal static class ModelNames
    {
        public const string Prefix = "chatrag/";

        public static string For(string collection, string? decoder = null) => Prefix + collection + (decoder is null ? string.Empty : "@" + decoder);

        public static string? Collection(string? model) => Parse(model)?.Collection;

        public static string? Decoder(string? model) => Parse(model)?.Decoder;

        private static (string Collection, string? Decoder)? Parse(string? model)
        {
            if (model is null || !model.StartsWith(Prefix, StringComparison.Ordinal) || model.Length <= Prefix.Length)
            {
                return null;
            }

            var name = model[Prefix.Length..];
            var at = name.IndexOf('@', StringComparison.Ordinal);
            if (at < 0)
            {
                return (name, null);
            }

            // Both parts must be present and only one '@': "chatrag/a@" or "chatrag/@x" name nothing.
            var (collection, decoder) = (name[..at], name[(at + 1)..]);
            return collection.Length == 0 || decoder.Length == 0 || decoder.Contains('@', StringComparison.Ordinal) ? null : (collection, decoder);
        }
    }

    /// <summary>The question (the last user message) and the user and assistant messages before it.</summary>
    internal sealed record TurnMessages(string Question, IReadOnlyList<ConversationMessage> History);

    /// <summary>
    /// Splits OpenAI messages into a turn. System and developer messages are dropped: the grounded instructions are the
    /// server's and a caller may not replace them (that is what keeps answers cited); tool messages belong to the
    /// caller's own tools, which the pipeline does not run.
    /// </summary>
    internal static class RequestMessages
    {
        public static TurnMessages? Split(IReadOnlyList<ChatCompletionRequestMessage>? messages)
        {
            if (messages is null)
            {
                return null;
            }

            for (var i = messages.Count - 1; i >= 0; i--)
            {
                if (messages[i].Role == "user" && Text(messages[i].Content) is { Length: > 0 } question)
                {
                    var history = messages.Take(i)
                        .Where(m => m.Role is "user" or "assistant")
                        .Select(m => (m.Role, Text: Text(m.Content)))
                        .Where(m => m.Text is { Length: > 0 })
                        .Select(m => new ConversationMessage(m.Role!, m.Text!, null, null, default))
                        .ToList();
                    return new TurnMessages(question, history);
                }
            }

            return null;
        }

        /// <summary>A string content, or the <c>text</c> parts of a content array joined; other parts (images, audio) are not read.</summary>
        private static string? Text(JsonElement? content)
        {
            switch (content)
            {
                case { ValueKind: JsonValueKind.String } text:
                    return text.GetString()?.Trim();
                case { ValueKind: JsonValueKind.Array } parts:
                    var joined = new StringBuilder();
                    foreach (var part in parts.EnumerateArray())
                    {
                        if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("type", out var type) && type.ValueEquals("text")
                            && part.TryGetProperty("text", out var value) && value.ValueKind == JsonValueKind.String)
                        {
                            joined.Append(joined.Length > 0 ? "\n" : string.Empty).Append(value.GetString());
                        }
                    }

                    return joined.ToString().Trim();
                default:
                    return null;
            }
        }
    }
}
