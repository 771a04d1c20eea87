#!/usr/bin/env python3
"""PyTorch fp16 baseline for encoder-bench.sh: sentence-transformers over a random-weight BERT of arctic-embed-xs's shape.

Shape (Snowflake/snowflake-arctic-embed-xs): 6 layers, hidden 384, 12 heads, intermediate 1536, vocab 30522, CLS pooling.
Weights do not change speed, so they are random. Timed like our `bench encoder`: texts in, normalised embeddings out
(tokenisation included), each passage exactly L tokens with [CLS]/[SEP]; one warm-up, median of --runs.
Also times the bare forward pass on pre-tokenised device tensors, to show what the end-to-end path costs on top.
Prints one JSON line per (batch, length).
"""
import argparse
import json
import shutil
import statistics
import tempfile
import time

import torch
from sentence_transformers import SentenceTransformer, models
from transformers import BertConfig, BertModel, BertTokenizerFast


def timed(fn, runs):
    fn()  # warm-up: kernels, allocator, autotuning
    times = []
    for _ in range(runs):
        torch.cuda.synchronize()
        start = time.perf_counter()
        fn()
        torch.cuda.synchronize()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vocab", required=True, help="vocab.txt of the bundled arctic-xs (extracted by our CLI)")
    parser.add_argument("--batch", type=int, nargs="+", default=[64, 256])
    parser.add_argument("--length", type=int, nargs="+", default=[128, 256])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    torch.manual_seed(0)
    folder = tempfile.mkdtemp(prefix="arctic-xs-shape-")
    config = BertConfig(vocab_size=30522, hidden_size=384, num_hidden_layers=6, num_attention_heads=12,
                        intermediate_size=1536, max_position_embeddings=512)
    BertModel(config).save_pretrained(folder)
    BertTokenizerFast(vocab_file=args.vocab, do_lower_case=True).save_pretrained(folder)
    transformer = models.Transformer(folder, max_seq_length=max(args.length))
    pooling = models.Pooling(384, pooling_mode="cls")
    model = SentenceTransformer(modules=[transformer, pooling, models.Normalize()], device="cuda").half().eval()
    bert = transformer.auto_model
    attention = getattr(bert.config, "_attn_implementation", "unknown")

    for length in args.length:
        model.max_seq_length = length
        for batch in args.batch:
            # "data" is one WordPiece token; truncation to max_seq_length makes every passage exactly `length` tokens.
            texts = [" ".join(["data"] * (length + 8)) + f" {i}" for i in range(batch)]
            end_to_end = timed(lambda: model.encode(texts, batch_size=batch, convert_to_tensor=True), args.runs)
            features = model.tokenize(texts)
            assert features["input_ids"].shape == (batch, length), features["input_ids"].shape
            features = {k: v.to("cuda") for k, v in features.items()}
            with torch.inference_mode():
                forward = timed(lambda: bert(**features), args.runs)
            print(json.dumps({
                "impl": "torch-fp16-st", "batch": batch, "length": length, "attention": attention,
                "seq_per_s": round(batch / end_to_end, 1), "forward_seq_per_s": round(batch / forward, 1),
                "median_ms": round(end_to_end * 1000, 2), "torch": torch.__version__,
                "gpu": torch.cuda.get_device_name(0),
            }), flush=True)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
