using System.Text.Json;
using ChatRag.Embeddings.Onnx.Tokenization;

namespace ChatRag.Embeddings.Onnx.Models;

/// <summary>
/// An encoder folder on disk: <c>model.onnx</c>, a tokenizer (<c>tokenizer.json</c> with a WordPiece or Unigram model,
/// <c>vocab.txt</c>, or XLM-R's <c>sentencepiece.bpe.model</c>) and <c>encoder.json</c>. Without encoder.json, sentence-transformers' own files (1_Pooling/config.json,
/// sentence_bert_config.json) supply pooling and length; otherwise mean pooling and 512 tokens are assumed.
/// </summary>
public sealed class EncoderModel
{
    private EncoderModel(string directory, EncoderConfig config, IEncoderTokenizer tokenizer)
    {
        Directory = directory;
        Config = config;
        Tokenizer = tokenizer;
    }

    /// <summary>The folder.</summary>
    public string Directory { get; }

    /// <summary>Path of the ONNX graph.</summary>
    public string ModelPath => Path.Combine(Directory, "model.onnx");

    /// <summary>The encoder's settings.</summary>
    public EncoderConfig Config { get; }

    /// <summary>The tokenizer.</summary>
    public IEncoderTokenizer Tokenizer { get; }

    /// <summary>Loads and checks a folder; throws <see cref="EncoderFolderException"/> saying what is missing or malformed.</summary>
    public static EncoderModel Load(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
        {
            throw new EncoderFolderException($"Encoder folder '{full}' does not exist.");
        }

        if (!File.Exists(Path.Combine(full, "model.onnx")))
        {
            throw new EncoderFolderException($"Encoder folder '{full}' has no model.onnx.");
        }

        var config = ReadConfig(full);
        if (config.MaxTokens < 2)
        {
            throw new EncoderFolderException($"{EncoderConfig.FileName} in '{full}' sets maxTokens to {config.MaxTokens}; it must be at least 2.");
        }

        if (config.Dimensions < 0)
        {
            throw new EncoderFolderException($"{EncoderConfig.FileName} in '{full}' sets a negative dimensions value.");
        }

        return new EncoderModel(full, config, EncoderTokenizers.Load(full, config.Lowercase, config.StripAccents));
    }

    private static EncoderConfig ReadConfig(string directory)
    {
        var path = Path.Combine(directory, EncoderConfig.FileName);
        var name = Path.GetFileName(directory);
        if (!File.Exists(path))
        {
            return FromSentenceTransformersFiles(directory) with { Name = name };
        }

        EncoderConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<EncoderConfig>(File.ReadAllBytes(path), EncoderConfig.JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new EncoderFolderException($"{EncoderConfig.FileName} in encoder folder '{directory}' is not valid: {ex.Message}", ex);
        }

        if (config is null)
        {
            throw new EncoderFolderException($"{EncoderConfig.FileName} in encoder folder '{directory}' is empty (null).");
        }

        return string.IsNullOrWhiteSpace(config.Name) ? config with { Name = name } : config;
    }

    private static EncoderConfig FromSentenceTransformersFiles(string directory)
    {
        var config = new EncoderConfig();
        try
        {
            var pooling = Path.Combine(directory, "1_Pooling", "config.json");
            if (File.Exists(pooling))
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(pooling));
                var cls = doc.RootElement.TryGetProperty("pooling_mode_cls_token", out var c) && c.ValueKind == JsonValueKind.True;
                config = config with { Pooling = cls ? EncoderPooling.Cls : EncoderPooling.Mean };
            }

            var bert = Path.Combine(directory, "sentence_bert_config.json");
            if (File.Exists(bert))
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(bert));
                if (doc.RootElement.TryGetProperty("max_seq_length", out var max) && max.ValueKind == JsonValueKind.Number)
                {
                    config = config with { MaxTokens = max.GetInt32() };
                }
            }
        }
        catch (JsonException ex)
        {
            throw new EncoderFolderException($"The sentence-transformers config in encoder folder '{directory}' is not valid JSON: {ex.Message}", ex);
        }

        return config;
    }
}
