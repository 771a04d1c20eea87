// Greedy generation references from transformers.js (the pinned @huggingface/transformers) on synthesized model folders.
// The folders come from our own synthesizer, so they are written first and passed in:
//   for each model in generation-cases.json: chatrag models synth --shape S --format F --tokenizer T --seed N --out ROOT/NAME
//   node generation.mjs ROOT [OUTDIR]        (generation.sh does both; OUTDIR defaults to this folder)
// For every model and prompt it records the chat prompt the folder's template renders, its token ids and the 32 token
// ids greedy decoding generates; the C# tests synthesize the same folders and compare, with and without the KV cache.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AutoModelForCausalLM, AutoTokenizer, env } from "@huggingface/transformers";

const here = dirname(fileURLToPath(import.meta.url));
const root = process.argv[2];
const out = process.argv[3] ?? here;
if (!root) throw new Error("usage: node generation.mjs ROOT [OUTDIR]");
const suite = JSON.parse(readFileSync(join(here, "generation-cases.json"), "utf8"));
env.allowRemoteModels = false;

// transformers.js reads <folder>/onnx/<file>.onnx; optimum exports keep it at the top, so stage a copy.
const stage = mkdtempSync(join(tmpdir(), "chatrag-generation-"));
env.localModelPath = stage;
const cases = [];
try {
  for (const model of suite.models) {
    const source = join(root, model.name);
    const target = join(stage, model.name);
    mkdirSync(join(target, "onnx"), { recursive: true });
    for (const file of ["config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json"]) {
      copyFileSync(join(source, file), join(target, file));
    }
    const graph = existsSync(join(source, "decoder_model_merged.onnx")) ? "decoder_model_merged.onnx" : "model.onnx";
    copyFileSync(join(source, graph), join(target, "onnx", "model.onnx"));

    const tokenizer = await AutoTokenizer.from_pretrained(model.name, { local_files_only: true });
    const lm = await AutoModelForCausalLM.from_pretrained(model.name, { local_files_only: true, dtype: "fp32", device: "cpu" });
    for (const prompt of suite.prompts) {
      const text = tokenizer.apply_chat_template(prompt.messages, { tokenize: false, add_generation_prompt: true, tools: prompt.tools ?? null });
      const inputs = tokenizer(text, { add_special_tokens: false });
      if (promptLength(inputs) + suite.max_new_tokens > 512) throw new Error(`${model.name}/${prompt.name}: ${promptLength(inputs)} prompt tokens do not fit the 512 positions`);
      const output = await lm.generate({ ...inputs, max_new_tokens: suite.max_new_tokens, do_sample: false });
      const all = Array.from(output.tolist()[0], Number);
      const promptIds = Array.from(inputs.input_ids.tolist()[0], Number);
      cases.push({ model: model.name, prompt: prompt.name, text, prompt_ids: promptIds, generated_ids: all.slice(promptIds.length) });
    }
    await lm.dispose();
  }
} finally {
  rmSync(stage, { recursive: true, force: true });
}

const meta = { generator: "tests/reference/generation.mjs", transformers: JSON.parse(readFileSync(join(here, "node_modules/@huggingface/transformers/package.json"), "utf8")).version };
writeFileSync(join(out, "generation.json"), JSON.stringify({ meta, cases }, null, 1) + "\n");
console.log(`wrote ${cases.length} greedy generations`);

function promptLength(inputs) {
  return inputs.input_ids.dims[1];
}
