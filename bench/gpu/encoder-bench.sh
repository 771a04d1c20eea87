#!/usr/bin/env bash
# Encoder benchmark on an NVIDIA GPU host: our ONNX Runtime encoder (CLI `bench encoder --provider cuda`, bundled
# arctic-xs) against PyTorch fp16 sentence-transformers on a random BERT of the same shape, same run, one table.
#
# Prepare here (see ../../../shared/gpu/README.md and bench/gpu/README.md, section Encoder):
#   dotnet publish src/ChatRag.Cli -c Release -r linux-x64 --self-contained true -o .gpu/pub
#   ../shared/gpu/pack-ort-gpu.sh .gpu/ort 30
#   bash bench/gpu/encoder-stage.sh MODELS_DIR   (arctic-xs as .gpu/carry-enc-NN parts, since stage.sh drops the carriers)
# On the host:
#   bash bench/gpu/encoder-bench.sh PUB_DIR ORT_PARTS_DIR      (ORT_PARTS_DIR: ort.part* or an unpacked ort-lib folder)
# Knobs (environment): BATCHES ("64 256"), LENGTHS ("128 256"), RUNS (5), PROVIDER (cuda), WORK (./encoder-bench),
#   CLI (default PUB_DIR/chatrag), TORCH_JSON (use these PyTorch rows instead of running torch, e.g. for a CPU dry run).
# CPU dry run without a GPU or torch (checks everything but the torch script):
#   PROVIDER=cpu BATCHES="2 4" LENGTHS="16 32" RUNS=1 CLI="dotnet src/ChatRag.Cli/bin/Release/net10.0/chatrag.dll" \
#     TORCH_JSON=stub.jsonl bash bench/gpu/encoder-bench.sh - -
set -euo pipefail
PUB=${1:?published CLI folder, or - when CLI is set}
ORT_PARTS=${2:?folder with ort.part* or an unpacked ort-lib folder, or - for none}
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED=${SHARED_GPU:-$( [ -d "$HERE/../../shared/gpu" ] && echo "$HERE/../../shared/gpu" || echo "$HERE/../../../shared/gpu" )}
WORK=${WORK:-$PWD/encoder-bench}
BATCHES=${BATCHES:-64 256}
LENGTHS=${LENGTHS:-128 256}
RUNS=${RUNS:-5}
PROVIDER=${PROVIDER:-cuda}
mkdir -p "$WORK/models"
ROOT=$(cd "$HERE/../.." && pwd)

# Transfers from stage.sh (.gpu/carry-NN): reassemble the CLI and gather ORT's parts, as run-on-host.sh does.
if [ "$PUB" = "$ROOT/.gpu/pub" ] && [ ! -x "$PUB/chatrag" ] && ls "$ROOT"/.gpu/carry-*/pub.part* >/dev/null 2>&1; then
  cat "$ROOT"/.gpu/carry-*/pub.part* | gzip -dc | tar xf - -C "$ROOT/.gpu"
fi
if [ "$ORT_PARTS" = "$ROOT/.gpu/ort" ] && ls "$ROOT"/.gpu/carry-*/ort.part* >/dev/null 2>&1; then
  mkdir -p "$ORT_PARTS" && cp "$ROOT"/.gpu/carry-*/ort.part* "$ROOT/.gpu/carry-01/ort.sha256" "$ORT_PARTS"/
fi

if [ "$ORT_PARTS" != "-" ]; then
  if ls "$ORT_PARTS"/ort.part* >/dev/null 2>&1; then
    bash "$SHARED/unpack-ort-gpu.sh" "$ORT_PARTS" "$WORK/ort-lib"
    ORT_LIB="$WORK/ort-lib"
  else
    ORT_LIB="$ORT_PARTS"
  fi
  eval "$(bash "$SHARED/cuda-env.sh" "$ORT_LIB")"
  cp "$ORT_LIB"/*.so "$PUB"/
fi
CLI=${CLI:-$PUB/chatrag}

# stage.sh drops the bundled model carriers: take arctic-xs from encoder-stage.sh's parts when they came along.
if [ ! -f "$WORK/models/arctic-xs/model.onnx" ] && ls "$ROOT"/.gpu/carry-enc-*/arctic-xs.part* >/dev/null 2>&1; then
  cat "$ROOT"/.gpu/carry-enc-*/arctic-xs.part* | gzip -dc | tar xf - -C "$WORK/models"
fi
if [ -f "$WORK/models/arctic-xs/model.onnx" ]; then
  export ChatRag__Encoder__ExtractBundledModels=false
fi

echo "== ours: arctic-xs, provider $PROVIDER, batch $BATCHES, length $LENGTHS" >&2
# shellcheck disable=SC2086
$CLI bench encoder --provider "$PROVIDER" --encoders arctic-xs --models "$WORK/models" --data "$WORK/data" \
  --batch $BATCHES --length $LENGTHS --runs "$RUNS" --json "$WORK/ours.json" >&2

if [ -n "${TORCH_JSON:-}" ]; then
  cp "$TORCH_JSON" "$WORK/torch.jsonl"
else
  echo "== PyTorch fp16 sentence-transformers, same shape" >&2
  # shellcheck disable=SC2086
  python3 "$HERE/encoder_torch_bench.py" --vocab "$WORK/models/arctic-xs/vocab.txt" --batch $BATCHES --length $LENGTHS \
    --runs "$RUNS" | tee "$WORK/torch.jsonl" >&2
fi

[ -n "${OUT:-}" ] && cp "$WORK/ours.json" "$WORK/torch.jsonl" "$OUT"/
python3 - "$WORK/ours.json" "$WORK/torch.jsonl" "$PROVIDER" <<'PY'
import json, sys
ours = {(r["BatchSize"], r["TokenLength"]): r for r in json.load(open(sys.argv[1]))["arctic-xs"]}
torch = {(r["batch"], r["length"]): r for r in map(json.loads, filter(str.strip, open(sys.argv[2])))}
print(f"{'batch':>5} {'len':>4} {'ours seq/s':>11} {'torch seq/s':>12} {'ours/torch':>10} {'torch fwd seq/s':>16}  (ours: {sys.argv[3]})")
for key in sorted(ours):
    o, t = ours[key]["SequencesPerSecond"], torch.get(key, {})
    ratio = f"{o / t['seq_per_s']:.2f}x" if t else "-"
    print(f"{key[0]:>5} {key[1]:>4} {o:>11.1f} {t.get('seq_per_s', '-'):>12} {ratio:>10} {t.get('forward_seq_per_s', '-'):>16}")
PY
