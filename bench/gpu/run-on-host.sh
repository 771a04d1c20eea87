#!/usr/bin/env bash
# On the GPU host, once every .gpu/carry-NN folder from stage.sh has arrived: put the CLI and ONNX Runtime's CUDA
# natives back together (once; later calls reuse them) and run decoder-bench.sh. Results go to $OUT when set.
# usage (repo root): bash bench/gpu/run-on-host.sh [decoder-bench options] [shapes...]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
if [ ! -x .gpu/pub/chatrag ]; then
  cat .gpu/carry-*/pub.part* | gzip -dc | tar xf - -C .gpu
fi
mkdir -p .gpu/ort
if ls .gpu/carry-*/ort.part* >/dev/null 2>&1; then
  cp .gpu/carry-*/ort.part* .gpu/carry-01/ort.sha256 .gpu/ort/
fi
options=()
while [[ ${1:-} == --* ]]; do options+=("$1" "$2"); shift 2; done
export SHARED_GPU=$ROOT/.gpu/carry-01/shared-gpu WORK=${WORK:-/tmp/decoder-bench}
mkdir -p "$WORK"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || true
set -o pipefail
bash bench/gpu/decoder-bench.sh "${options[@]}" "$ROOT/.gpu/pub" "$ROOT/.gpu/ort" "$@" 2>&1 | tee "${OUT:-$WORK}/decoder-bench.log"
cp "$WORK/results.jsonl" "${OUT:-$WORK}/" 2>/dev/null || true
