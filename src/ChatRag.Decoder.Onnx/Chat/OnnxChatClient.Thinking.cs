using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Chat;

/// <summary>Thinking on or off: the request's choice, else the configured mode.</summary>
public sealed partial class OnnxChatClient
{
    /// <summary>
    /// The <see cref="ChatOptions.AdditionalProperties"/> key a request uses to turn thinking on (<see langword="true"/>)
    /// or off (<see langword="false"/>), named as Qwen3's template variable; it overrides
    /// <see cref="OnnxChatClientOptions.Thinking"/>.
    /// </summary>
    public const string ThinkingProperty = "enable_thinking";

    /// <summary>The thinking request for one generation: <see langword="null"/> leaves it to the template.</summary>
    private bool? Thinking(ChatOptions? options)
    {
        if (options?.AdditionalProperties?.TryGetValue(ThinkingProperty, out var value) == true)
        {
            switch (value)
            {
                case bool flag:
                    return flag;
                case JsonElement { ValueKind: JsonValueKind.True or JsonValueKind.False } element:
                    return element.GetBoolean();
                case string text when bool.TryParse(text, out var parsed):
                    return parsed;
            }
        }

        return this.options.Thinking switch
        {
            ThinkingMode.On => true,
            ThinkingMode.Off => false,
            _ => null,
        };
    }
}
