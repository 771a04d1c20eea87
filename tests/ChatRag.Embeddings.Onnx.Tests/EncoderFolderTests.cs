using System.Text.Json;
using ChatRag.Embeddings.Onnx.Models;
using ChatRag.Embeddings.Onnx.Runtime;

namespace ChatRag.Embeddings.Onnx.Tests;

[Collection(BundledModelsCollection.Name)]
public sealed class EncoderFolderTests(BundledModelsFixture fixture) : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("chatrag-encoder-folder-").FullName;

    private string Arctic => Path.Combine(fixture.ModelsDirectory, BundledEncoders.ArcticXs);

    [Fact]
    public void Missing_folder_is_named()
    {
        var ex = Assert.Throws<EncoderFolderException>(() => EncoderModel.Load(Path.Combine(root, "nope")));
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_model_is_named()
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "no-model")).FullName;
        File.Copy(Path.Combine(Arctic, "vocab.txt"), Path.Combine(folder, "vocab.txt"));
        var ex = Assert.Throws<EncoderFolderException>(() => EncoderModel.Load(folder));
        Assert.Contains("has no model.onnx", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_tokenizer_is_named()
    {
        var folder = FolderWithModel("no-tokenizer", vocab: false);
        var ex = Assert.Throws<EncoderFolderException>(() => EncoderModel.Load(folder));
        Assert.Contains("neither tokenizer.json, vocab.txt nor sentencepiece.bpe.model", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_config_is_named()
    {
        var folder = FolderWithModel("bad-json");
        File.WriteAllText(Path.Combine(folder, EncoderConfig.FileName), "{ \"pooling\": \"cls\", ");
        var ex = Assert.Throws<EncoderFolderException>(() => EncoderModel.Load(folder));
        Assert.Contains("encoder.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not valid", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_pooling_is_rejected()
    {
        var folder = FolderWithModel("bad-pooling");
        File.WriteAllText(Path.Combine(folder, EncoderConfig.FileName), "{ \"pooling\": \"max-of-everything\" }");
        Assert.Throws<EncoderFolderException>(() => EncoderModel.Load(folder));
    }

    [Fact]
    public void Wrong_dimensions_are_caught_against_the_graph()
    {
        var folder = FolderWithModel("bad-dims");
        File.WriteAllText(Path.Combine(folder, EncoderConfig.FileName), "{ \"dimensions\": 768, \"pooling\": \"cls\" }");
        var ex = Assert.Throws<EncoderFolderException>(() => new OnnxEmbeddingGenerator(EncoderModel.Load(folder), new EncoderRuntimeOptions { Provider = EncoderExecutionProvider.Cpu }));
        Assert.Contains("768", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_with_tokenizer_json_and_sentence_transformers_config_loads()
    {
        // A Hugging Face style folder: tokenizer.json (built from the same vocab) and 1_Pooling/config.json, no encoder.json.
        var folder = FolderWithModel("hf-style", vocab: false);
        var vocab = File.ReadAllLines(Path.Combine(Arctic, "vocab.txt")).Select((token, id) => (token, id)).Where(p => p.token.Length > 0);
        var tokenizer = new
        {
            normalizer = new { type = "BertNormalizer", clean_text = true, handle_chinese_chars = true, strip_accents = (bool?)null, lowercase = true },
            model = new { type = "WordPiece", unk_token = "[UNK]", continuing_subword_prefix = "##", max_input_chars_per_word = 100, vocab = vocab.ToDictionary(p => p.token, p => p.id) },
        };
        File.WriteAllText(Path.Combine(folder, "tokenizer.json"), JsonSerializer.Serialize(tokenizer));
        Directory.CreateDirectory(Path.Combine(folder, "1_Pooling"));
        File.WriteAllText(Path.Combine(folder, "1_Pooling", "config.json"), "{ \"pooling_mode_cls_token\": true, \"pooling_mode_mean_tokens\": false }");
        File.WriteAllText(Path.Combine(folder, "sentence_bert_config.json"), "{ \"max_seq_length\": 128, \"do_lower_case\": false }");

        var model = EncoderModel.Load(folder);
        Assert.Equal("hf-style", model.Config.Name);
        Assert.Equal(EncoderPooling.Cls, model.Config.Pooling);
        Assert.Equal(128, model.Config.MaxTokens);
        Assert.Equal(["cafe", "naive"], model.Tokenizer.Tokenize("Café naïve"));

        using var generator = new OnnxEmbeddingGenerator(model, new EncoderRuntimeOptions { Provider = EncoderExecutionProvider.Cpu });
        var fromJson = await generator.GenerateAsync(["hello world"]);
        var bundled = await fixture.Arctic.GenerateAsync(["hello world"]);
        Assert.Equal(bundled[0].Vector.ToArray(), fromJson[0].Vector.ToArray());
    }

    [Fact]
    public void A_non_wordpiece_tokenizer_json_is_rejected_clearly()
    {
        var folder = FolderWithModel("bpe", vocab: false);
        File.WriteAllText(Path.Combine(folder, "tokenizer.json"), "{ \"model\": { \"type\": \"BPE\", \"vocab\": {} } }");
        var ex = Assert.Throws<EncoderFolderException>(() => EncoderModel.Load(folder));
        Assert.Contains("WordPiece", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extraction_is_skipped_when_the_stamp_matches()
    {
        var before = File.GetLastWriteTimeUtc(Path.Combine(Arctic, "model.onnx"));
        var folder = BundledEncoders.EnsureExtracted(BundledEncoders.ArcticXs, fixture.ModelsDirectory);
        Assert.Equal(Arctic, folder);
        Assert.Equal(before, File.GetLastWriteTimeUtc(Path.Combine(Arctic, "model.onnx")));
        Assert.Empty(Directory.GetFiles(Arctic, "*.tmp"));
    }

    private string FolderWithModel(string name, bool vocab = true)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        // A symbolic link keeps the 90 MB graph from being copied for every test.
        File.CreateSymbolicLink(Path.Combine(folder, "model.onnx"), Path.Combine(Arctic, "model.onnx"));
        if (vocab)
        {
            File.Copy(Path.Combine(Arctic, "vocab.txt"), Path.Combine(folder, "vocab.txt"));
        }

        return folder;
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
