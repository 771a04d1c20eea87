using System.Text.Json;

namespace ChatRag.Decoder.Onnx.Templates;

/// <summary>Recognising a model's family from the files next to its weights.</summary>
public static partial class ChatTemplates
{
    // Phi-3.5-mini and Phi-4-mini share the "phi3" architecture; the 200k vocabulary tells Phi-4 apart.
    private const int Phi4VocabularyFloor = 100_000;
    private const int Llama3VocabularyFloor = 128_000;

    /// <summary>
    /// The family name of the model in <paramref name="modelDirectory"/>, or <see langword="null"/> when nothing
    /// identifies one: first the chat template text (tokenizer_config.json or chat_template.jinja), which is the
    /// most direct evidence, then the model type in genai_config.json or config.json.
    /// </summary>
    public static string? DetectFamily(string modelDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelDirectory);
        if (!Directory.Exists(modelDirectory))
        {
            throw new DirectoryNotFoundException($"Model folder '{modelDirectory}' does not exist.");
        }

        return FamilyFromTemplate(ReadChatTemplate(modelDirectory))
            ?? FamilyFromModelType(modelDirectory, "genai_config.json", static root =>
                root.TryGetProperty("model", out var model) ? model : default)
            ?? FamilyFromModelType(modelDirectory, "config.json", static root => root)
            ?? FamilyFromTokenizerClass(modelDirectory);
    }

    /// <summary>
    /// The special-token variables a template sees, as transformers.js passes them: each of <c>bos_token</c>,
    /// <c>eos_token</c>, <c>unk_token</c>, <c>sep_token</c>, <c>pad_token</c>, <c>cls_token</c>, <c>mask_token</c> that
    /// <c>tokenizer_config.json</c> sets to a non-empty string or an AddedToken object.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SpecialTokens(string modelDirectory)
    {
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        using var document = ReadJson(Path.Combine(modelDirectory, "tokenizer_config.json"));
        if (document is null)
        {
            return tokens;
        }

        foreach (var key in (string[])["bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token"])
        {
            if (!document.RootElement.TryGetProperty(key, out var value))
            {
                continue;
            }

            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Object when value.TryGetProperty("content", out var content) => content.GetString(),
                _ => null,
            };
            if (!string.IsNullOrEmpty(text))
            {
                tokens[key] = text;
            }
        }

        return tokens;
    }

    // A Llama tokenizer without a template and below Llama 3's vocabulary is Llama 2 (its folders never carried one).
    private static string? FamilyFromTokenizerClass(string directory)
    {
        using var document = ReadJson(Path.Combine(directory, "tokenizer_config.json"));
        return document is not null
            && document.RootElement.TryGetProperty("tokenizer_class", out var type)
            && type.GetString() is "LlamaTokenizer" or "LlamaTokenizerFast"
            && !document.RootElement.TryGetProperty("chat_template", out _)
                ? "llama2"
                : null;
    }

    private static string? ReadChatTemplate(string directory)
    {
        var jinja = Path.Combine(directory, "chat_template.jinja");
        if (File.Exists(jinja))
        {
            return File.ReadAllText(jinja);
        }

        using var document = ReadJson(Path.Combine(directory, "tokenizer_config.json"));
        if (document is null || !document.RootElement.TryGetProperty("chat_template", out var template))
        {
            return null;
        }

        // Either one template, or a list of named ones of which "default" is the chat template.
        return template.ValueKind switch
        {
            JsonValueKind.String => template.GetString(),
            JsonValueKind.Array => template.EnumerateArray()
                .Where(t => t.TryGetProperty("name", out var n) && n.GetString() == "default")
                .Select(t => t.TryGetProperty("template", out var text) ? text.GetString() : null)
                .FirstOrDefault(),
            _ => null,
        };
    }

    private static string? FamilyFromTemplate(string? template)
    {
        if (string.IsNullOrEmpty(template))
        {
            return null;
        }

        if (template.Contains("<|im_start|>", StringComparison.Ordinal))
        {
            return "qwen2.5";
        }

        if (template.Contains("<|start_header_id|>", StringComparison.Ordinal))
        {
            return "llama3";
        }

        if (template.Contains("<|tool|>", StringComparison.Ordinal) || template.Contains("'<|' + message['role'] + '|>'", StringComparison.Ordinal))
        {
            return "phi4";
        }

        return template.Contains("<|user|>", StringComparison.Ordinal) ? "phi3.5" : null;
    }

    private static string? FamilyFromModelType(string directory, string fileName, Func<JsonElement, JsonElement> section)
    {
        using var document = ReadJson(Path.Combine(directory, fileName));
        if (document is null)
        {
            return null;
        }

        var node = section(document.RootElement);
        if (node.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var type = (node.TryGetProperty("type", out var t) || node.TryGetProperty("model_type", out t)) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!.ToLowerInvariant()
            : null;
        var vocabulary = node.TryGetProperty("vocab_size", out var v) && v.TryGetInt32(out var size) ? size : 0;
        return type switch
        {
            "qwen2" => "qwen2.5",
            "llama" when vocabulary >= Llama3VocabularyFloor => "llama3",
            "llama" when vocabulary is > 0 and < Llama3VocabularyFloor => "llama2",
            "phi3" => vocabulary >= Phi4VocabularyFloor ? "phi4" : "phi3.5",
            "phi4" => "phi4",
            _ => null,
        };
    }

    private static JsonDocument? ReadJson(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"'{path}' is not valid JSON: {ex.Message}", ex);
        }
    }
}
