#!/usr/bin/env bash
# Stage the decoder benchmark for a GPU host that has no .NET and is reached through transfers of at most ~60 MiB:
# a self-contained linux-x64 publish of the CLI (gzip, split) and ONNX Runtime's CUDA natives (xz, split), one
# part per folder .gpu/carry-NN/, plus the shared/gpu helper scripts in carry-01. Steps and calls: README.md here.
# usage (repo root): bash bench/gpu/stage.sh [PART_MIB]
set -euo pipefail
MIB=${1:-58}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${SHARED_GPU:-$ROOT/../shared/gpu}
cd "$ROOT"
rm -rf .gpu/pub .gpu/stage .gpu/carry-*
dotnet publish src/ChatRag.Cli -c Release -r linux-x64 --self-contained true -o .gpu/pub
# ORT's GPU natives travel separately, packed below; Windows natives and the bundled encoders are not needed.
rm -rf .gpu/pub/model-carriers .gpu/pub/onnxruntime*.dll .gpu/pub/libonnxruntime*.so
mkdir -p .gpu/stage
tar cf - -C .gpu pub | gzip -9 | split -b "${MIB}M" -d -a 2 - .gpu/stage/pub.part
bash "$SHARED/pack-ort-gpu.sh" .gpu/stage/ort "$MIB" >/dev/null
n=0
for part in .gpu/stage/pub.part* .gpu/stage/ort/ort.part*; do
  n=$((n + 1))
  dir=$(printf '.gpu/carry-%02d' "$n")
  mkdir -p "$dir" && mv "$part" "$dir/"
done
mkdir -p .gpu/carry-01/shared-gpu
cp "$SHARED"/*.sh .gpu/carry-01/shared-gpu/
cp .gpu/stage/ort/ort.sha256 .gpu/carry-01/
rm -rf .gpu/stage
du -sh .gpu/carry-*
