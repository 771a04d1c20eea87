#!/usr/bin/env bash
# Synthesizes the model folders of generation-cases.json with chatrag and writes generation.json from transformers.js.
# Needs the npm packages (install.sh) and a built CLI; run from anywhere: tests/reference/generation.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
node -e '
const s = require(process.argv[1]);
for (const m of s.models) console.log([m.name, m.shape, m.format, m.tokenizer, m.seed].join(" "));
' "$here/generation-cases.json" | while read -r name shape format tokenizer seed; do
  dotnet run --project "$repo/src/ChatRag.Cli" -c Release -- models synth --shape "$shape" --format "$format" --tokenizer "$tokenizer" --seed "$seed" --out "$root/$name" >/dev/null
done
node "$here/generation.mjs" "$root" "${1:-$here}"
