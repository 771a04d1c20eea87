#!/usr/bin/env bash
# Decoder benchmark on an NVIDIA GPU host: our ONNX Runtime loop (CUDA, IOBinding, shared KV buffer) against
# Hugging Face transformers generate(), same shape, fp16, batch 1, 512-token prompt, 256 new tokens, same run.
#
# Staging and the exact commands: bench/gpu/README.md.
#   bash bench/gpu/decoder-bench.sh [--provider cuda|cpu] [--dtype fp16|int4-fp16|fp32|int4] PUB_DIR ORT_PARTS_DIR [shapes...]
# With --provider cpu (a dry run of this script on any machine) ORT_PARTS_DIR is ignored (pass -) and
# transformers is skipped unless torch imports. Prints one JSON line per measurement and a side-by-side table;
# results belong in docs/benchmarks.md.
set -euo pipefail
PROVIDER=cuda
DTYPE=fp16
while [[ ${1:-} == --* ]]; do
  case $1 in
    --provider) PROVIDER=$2; shift 2 ;;
    --dtype) DTYPE=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
PUB=${1:?published CLI folder}
ORT_PARTS=${2:?folder with ort.part* (or an unpacked ort-lib folder; - with --provider cpu)}
shift 2
SHAPES=${*:-qwen2.5-0.5b qwen2.5-1.5b}
HERE=$(cd "$(dirname "$0")" && pwd)
# shared/gpu sits beside the checkout here and inside it on the device machine's copy.
SHARED=${SHARED_GPU:-$( [ -d "$HERE/../../shared/gpu" ] && echo "$HERE/../../shared/gpu" || echo "$HERE/../../../shared/gpu" )}
WORK=${WORK:-$PWD/decoder-bench}
PROMPT_TOKENS=${PROMPT_TOKENS:-512}
NEW_TOKENS=${NEW_TOKENS:-256}
mkdir -p "$WORK"

if [[ $PROVIDER == cuda ]]; then
  if ls "$ORT_PARTS"/ort.part* >/dev/null 2>&1; then
    [ -f "$WORK/ort-lib/libonnxruntime_providers_cuda.so" ] || bash "$SHARED/unpack-ort-gpu.sh" "$ORT_PARTS" "$WORK/ort-lib"
    ORT_LIB="$WORK/ort-lib"
  else
    ORT_LIB="$ORT_PARTS"
  fi
  eval "$(bash "$SHARED/cuda-env.sh" "$ORT_LIB")"
  cp "$ORT_LIB"/*.so "$PUB"/
fi
CLI="$PUB/chatrag"

results="$WORK/results.jsonl"
: > "$results"
for shape in $SHAPES; do
  model="$WORK/models/$shape-genai-$DTYPE"
  [ -f "$model/model.onnx" ] || "$CLI" models synth --shape "$shape" --format genai --dtype "$DTYPE" --out "$model" >&2
  echo "== ours: $shape (genai, GroupQueryAttention, $DTYPE, $PROVIDER)" >&2
  "$CLI" generate --model "$model" --prompt "hello world" --raw --prompt-tokens "$PROMPT_TOKENS" --max-tokens "$NEW_TOKENS" \
    --greedy --ignore-eos --provider "$PROVIDER" --warmup 2 --json \
    | python3 -c 'import json,sys; d=json.loads(sys.stdin.readlines()[-1]); d.pop("token_ids"); d.pop("text"); d["impl"]="chatrag-ort"; d["shape"]=sys.argv[1]; print(json.dumps(d))' "$shape" \
    | tee -a "$results"
  if [[ $PROVIDER == cuda ]] || python3 -c 'import torch, transformers' 2>/dev/null; then
    echo "== transformers: $shape" >&2
    python3 "$HERE/hf_generate_bench.py" --shape "$shape" --prompt-tokens "$PROMPT_TOKENS" --new-tokens "$NEW_TOKENS" | tee -a "$results"
  else
    echo "== transformers: skipped (no torch here)" >&2
  fi
done

python3 - "$results" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print(f"{'shape':<14} {'impl':<16} {'ttft ms':>9} {'tok/s':>8}")
for r in rows:
    print(f"{r['shape']:<14} {r['impl']:<16} {r['ttft_ms']:>9} {r['tokens_per_s']:>8}")
PY
