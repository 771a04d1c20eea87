#!/usr/bin/env bash
# Lexical ranking variants scored offline over the terms the lexical index stores (see variants.py).
#   bash bench/lexical-variants/run.sh [WORK_DIR]
# Builds src/ChatRag.Cli and the exporter from the same sources (with a stale CLI build the index would hold terms
# the exporter does not search, and the baseline row would differ from the CLI's). For each shared set:
# `eval --mode lexical` on a fresh data directory with the lexical re-scoring off (the CLI's own plain-BM25 numbers,
# the row to check the baseline against; re-scoring is on by default and matches the bm25f+tp 0.25, 4.0, 0.25 row),
# then export and one Markdown table of variants.
# GRID=1 scores the BM25F x BM25TP grid instead of the fixed list.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${1:-${TMPDIR:-/tmp}/chatrag-lexical-variants}
# The shared data sets: $DATA, or the first shared/data folder above the repository (as the tests find it).
if [ -z "${DATA:-}" ]; then
  DATA=$ROOT; while [ "$DATA" != / ] && [ ! -d "$DATA/shared/data" ]; do DATA=$(dirname "$DATA"); done; DATA=$DATA/shared/data
fi
CLI=(dotnet "$ROOT/src/ChatRag.Cli/bin/Release/net10.0/chatrag.dll")
dotnet build "$ROOT/src/ChatRag.Cli" -c Release -nologo -v q >&2
dotnet build "$HERE" -c Release -nologo -v q >&2
for set in piaf scifact; do
  dir="$WORK/$set"
  rm -rf "$dir" && mkdir -p "$dir"
  for split in all tune heldout; do
    ChatRag__DataDirectory="$dir/data" ChatRag__LexicalRescoring__Enabled=false "${CLI[@]}" eval --corpus "$DATA/$set/corpus.jsonl" --queries "$DATA/$set/queries.jsonl" \
      --qrels "$DATA/$set/qrels/dev.tsv" --mode lexical --split "$split" --json "$dir/eval-$split.json" > "$dir/eval-$split.log"
  done
  echo "## $set (CLI eval: all / tune / held-out = $(python3 -c 'import json,sys; print(" / ".join("%.4f" % json.load(open(f))["ndcg@10"] for f in sys.argv[1:]))' "$dir"/eval-{all,tune,heldout}.json))"
  dotnet "$HERE/bin/Release/net10.0/ChatRag.Bench.LexicalVariants.dll" "$dir/data/chatrag.db" "$DATA/$set/queries.jsonl" "$dir/export"
  python3 "$HERE/variants.py" "$dir/export" "$DATA/$set/qrels/dev.tsv" ${GRID:+--grid}
done
