#!/usr/bin/env bash
# Stage the bundled arctic-xs encoder folder for the GPU host (stage.sh drops the bundled model carriers): gzip and
# split it into .gpu/carry-enc-NN/ folders of at most PART_MIB, one device-tool transfer each. encoder-bench.sh puts
# it back together into $WORK/models/arctic-xs. usage (repo root): bash bench/gpu/encoder-stage.sh [MODELS_DIR] [PART_MIB]
# MODELS_DIR: a folder holding arctic-xs/ (model.onnx, vocab.txt, encoder.json); any CLI run extracts it there
# (e.g. `dotnet run --project src/ChatRag.Cli -- bench encoder --batch 1 --length 8 --runs 1 --models DIR`).
set -euo pipefail
MODELS=${1:-models}
MIB=${2:-58}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
[ -f "$MODELS/arctic-xs/model.onnx" ] || { echo "no $MODELS/arctic-xs/model.onnx" >&2; exit 1; }
rm -rf "$ROOT"/.gpu/carry-enc-* "$ROOT/.gpu/enc-stage"
mkdir -p "$ROOT/.gpu/enc-stage"
tar cf - -C "$MODELS" arctic-xs | gzip -6 | split -b "${MIB}M" -d -a 2 - "$ROOT/.gpu/enc-stage/arctic-xs.part"
n=0
for part in "$ROOT"/.gpu/enc-stage/arctic-xs.part*; do
  n=$((n + 1))
  dir=$(printf '%s/.gpu/carry-enc-%02d' "$ROOT" "$n")
  mkdir -p "$dir" && mv "$part" "$dir/"
done
rm -rf "$ROOT/.gpu/enc-stage"
du -sh "$ROOT"/.gpu/carry-enc-*
