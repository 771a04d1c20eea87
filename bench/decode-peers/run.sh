#!/usr/bin/env bash
# CPU decode: ChatRag's ONNX loop against ONNX Runtime GenAI 0.20 on the same synthesized genai folder, in one run.
#   bash bench/decode-peers/run.sh [WORK_DIR]
# Environment: SHAPE (qwen2.5-0.5b), DTYPE (int4), PROMPTS ("128 1024"), NEW_TOKENS (64), RUNS (3).
# Needs a Release build of src/ChatRag.Cli. Prints one JSON line per run, then the medians as a Markdown table
# (the rows docs/benchmarks.md records). Random weights: greedy, end of sequence ignored, same token counts for both.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${1:-${TMPDIR:-/tmp}/chatrag-decode-peers}
SHAPE=${SHAPE:-qwen2.5-0.5b}
DTYPE=${DTYPE:-int4}
PROMPTS=${PROMPTS:-128 1024}
NEW_TOKENS=${NEW_TOKENS:-64}
RUNS=${RUNS:-3}
CLI=(dotnet "$ROOT/src/ChatRag.Cli/bin/Release/net10.0/chatrag.dll")
mkdir -p "$WORK"
dotnet build "$HERE" -c Release -nologo -v q >&2
PEER=(dotnet "$HERE/bin/Release/net10.0/ChatRag.Bench.DecodePeers.dll")

model="$WORK/$SHAPE-genai-$DTYPE"
[ -f "$model/model.onnx" ] || "${CLI[@]}" models synth --shape "$SHAPE" --format genai --dtype "$DTYPE" --out "$model" >&2
results="$WORK/results.jsonl"
: > "$results"
for n in $PROMPTS; do
  for _ in $(seq "$RUNS"); do
    "${CLI[@]}" generate --model "$model" --prompt "hello world" --raw --prompt-tokens "$n" --max-tokens "$NEW_TOKENS" \
      --greedy --ignore-eos --provider cpu --warmup 1 --json \
      | python3 -c 'import json,sys; d=json.loads(sys.stdin.readlines()[-1]); print(json.dumps({"impl":"chatrag","prompt_tokens":int(sys.argv[1]),"generated":len(d["token_ids"]),"ttft_ms":d["ttft_ms"],"tokens_per_s":d["tokens_per_s"]}))' "$n" \
      | tee -a "$results"
  done
  "${PEER[@]}" --model "$model" --prompt-tokens "$n" --new-tokens "$NEW_TOKENS" --runs "$RUNS" --warmup 1 | tee -a "$results"
done
python3 - "$results" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print("\n| prompt tokens | implementation | runs | tokens/s (median) | time to first token (median) |")
print("|---:|---|---:|---:|---:|")
for n in sorted({r["prompt_tokens"] for r in rows}):
    for impl in ("chatrag", "onnxruntime-genai"):
        sel = [r for r in rows if r["prompt_tokens"] == n and r["impl"] == impl]
        if sel:
            print(f"| {n} | {impl} | {len(sel)} | {statistics.median(r['tokens_per_s'] for r in sel):.1f} | {statistics.median(r['ttft_ms'] for r in sel)/1000:.2f} s |")
PY
