#!/usr/bin/env python3
"""Hugging Face transformers generate() on a random-weight Qwen2 of a given shape: the baseline for decoder-bench.sh.

Same workload as our `generate`: fp16, batch 1, greedy, a fixed-length prompt, a fixed number of new tokens (EOS ignored).
Prints one JSON line: {"impl": "hf-transformers", "shape", "ttft_ms", "tokens_per_s", ...}.
"""
import argparse
import json
import time

import torch
from transformers import Qwen2Config, Qwen2ForCausalLM

SHAPES = {
    "qwen2.5-0.5b": dict(hidden_size=896, intermediate_size=4864, num_hidden_layers=24, num_attention_heads=14,
                         num_key_value_heads=2, tie_word_embeddings=False),
    "qwen2.5-1.5b": dict(hidden_size=1536, intermediate_size=8960, num_hidden_layers=28, num_attention_heads=12,
                         num_key_value_heads=2, tie_word_embeddings=False),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shape", choices=sorted(SHAPES), default="qwen2.5-0.5b")
    parser.add_argument("--prompt-tokens", type=int, default=512)
    parser.add_argument("--new-tokens", type=int, default=256)
    parser.add_argument("--attn", default="eager", help="attn_implementation: eager or sdpa")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    torch.manual_seed(0)
    config = Qwen2Config(vocab_size=151936, max_position_embeddings=32768, rope_theta=1000000.0, rms_norm_eps=1e-6,
                         attn_implementation=args.attn, **SHAPES[args.shape])
    model = Qwen2ForCausalLM(config).to(device="cuda", dtype=torch.float16).eval()
    ids = torch.randint(0, 1000, (1, args.prompt_tokens), device="cuda")
    mask = torch.ones_like(ids)

    def run(new_tokens):
        torch.cuda.synchronize()
        start = time.perf_counter()
        with torch.inference_mode():
            out = model.generate(input_ids=ids, attention_mask=mask, max_new_tokens=new_tokens, min_new_tokens=new_tokens,
                                 do_sample=False, use_cache=True, pad_token_id=0)
        torch.cuda.synchronize()
        return time.perf_counter() - start, out.shape[1] - ids.shape[1]

    run(8)  # warm-up: kernels, allocator
    ttft = min(run(1)[0] for _ in range(args.repeats))
    total, produced = min((run(args.new_tokens) for _ in range(args.repeats)), key=lambda r: r[0])
    decode = (produced - 1) / (total - ttft) if total > ttft else 0.0
    print(json.dumps({"impl": "hf-transformers", "shape": args.shape, "attn": args.attn, "prompt_tokens": args.prompt_tokens,
                      "generated_tokens": produced, "ttft_ms": round(ttft * 1000, 2), "tokens_per_s": round(decode, 1),
                      "torch": torch.__version__, "device": torch.cuda.get_device_name()}))


if __name__ == "__main__":
    main()
