#!/usr/bin/env bash
# Runs the whole test suite: unit, integration, component and (where Chromium is installed) end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build ChatRag.sln -c Release -warnaserror
dotnet test ChatRag.sln -c Release --no-build "$@"
