using System.Text.Json.Nodes;

namespace ChatRag.Onnx.Synthesis.Decoder;

/// <summary>The family-specific bits of a synthetic folder: tokenizer, special ids, model type and tokenizer_config.</summary>
/// <param name="WriteTokenizer">Writes tokenizer.json into a folder and returns the vocabulary size.</param>
/// <param name="EosFromEnd">EOS ids as distances from the vocabulary size (added tokens sit at the end).</param>
/// <param name="PadFromEnd">Padding id as a distance from the vocabulary size.</param>
/// <param name="BosId">BOS id, when the family has one of its own.</param>
/// <param name="ModelType">config.json model_type.</param>
/// <param name="Architecture">config.json architectures entry.</param>
/// <param name="TokenizerConfig">tokenizer_config.json for a context length.</param>
internal sealed record FamilyFiles(
    Func<string, int> WriteTokenizer,
    int[] EosFromEnd,
    int PadFromEnd,
    int? BosId,
    string ModelType,
    string Architecture,
    Func<int, JsonObject> TokenizerConfig)
{
    public static FamilyFiles For(SyntheticTokenizerKind kind) => kind == SyntheticTokenizerKind.SentencePiece ? Phi35 : Qwen;

    // <|im_end|> and <|endoftext|> are the 5th and 7th tokens from the end of SyntheticTokenizer.AddedTokens.
    private static FamilyFiles Qwen { get; } = new(SyntheticTokenizer.Write, [5, 7], 7, null, "qwen2", "Qwen2ForCausalLM", max => new JsonObject
    {
        ["tokenizer_class"] = "Qwen2Tokenizer", ["eos_token"] = "<|im_end|>", ["pad_token"] = "<|endoftext|>",
        ["bos_token"] = null, ["model_max_length"] = max, ["chat_template_family"] = "qwen2.5",
        ["chat_template"] = SyntheticChatTemplates.ChatMLWithTools,
    });

    // <|end|> and <|endoftext|> are the 2nd and 5th from the end of SyntheticSentencePieceTokenizer.AddedTokens.
    private static FamilyFiles Phi35 { get; } = new(SyntheticSentencePieceTokenizer.Write, [2, 5], 5, 1, "phi3", "Phi3ForCausalLM", max => new JsonObject
    {
        ["tokenizer_class"] = "LlamaTokenizer", ["eos_token"] = "<|endoftext|>", ["pad_token"] = "<|endoftext|>",
        ["bos_token"] = "<s>", ["unk_token"] = "<unk>", ["add_bos_token"] = false, ["model_max_length"] = max,
        ["chat_template_family"] = "phi3.5",
        ["chat_template"] = "{% for message in messages %}{{'<|' + message['role'] + '|>\n' + message['content'] + '<|end|>\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|assistant|>\n' }}{% else %}{{ eos_token }}{% endif %}",
    });
}
