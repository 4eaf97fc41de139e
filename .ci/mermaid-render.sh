#!/usr/bin/env bash
# Renders every golden firewall diagram (tests/Enclave.Cli.Tests/Golden/*.mmd) with the Mermaid CLI, as GitHub would
# render them: exit 1 when Mermaid cannot parse one. The CLI comes from npm without its own browser download
# (PUPPETEER_SKIP_DOWNLOAD) and drives the machine's Chromium (Debian's `chromium`). Without node/npm/Chromium, or
# when the install or the browser fails, it says so and exits 0: MermaidSyntax (a parser of the emitted grammar,
# tests/Enclave.Cli.Tests/Golden) still checks every diagram.
set -uo pipefail
cd "$(dirname "$0")/.."
dir=.ci/mermaid
for tool in node npm /usr/bin/chromium; do
  command -v "$tool" >/dev/null 2>&1 || { echo "mermaid: skipped ($tool is not installed)"; exit 0; }
done
if [ ! -x "$dir/node_modules/.bin/mmdc" ]; then
  if ! (cd "$dir" && PUPPETEER_SKIP_DOWNLOAD=1 timeout 600 npm install --no-audit --no-fund --no-package-lock --silent >/dev/null 2>&1); then
    echo "mermaid: skipped (npm install @mermaid-js/mermaid-cli failed)"; exit 0
  fi
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0 rendered=0
for file in tests/Enclave.Cli.Tests/Golden/*.mmd; do
  name=$(basename "$file" .mmd)
  if timeout 300 "$dir/node_modules/.bin/mmdc" -p "$dir/puppeteer.json" -i "$file" -o "$out/$name.svg" >"$out/$name.log" 2>&1; then
    rendered=$((rendered + 1))
  elif grep -qiE "parse error|syntax error|lexical error" "$out/$name.log"; then
    echo "mermaid: $file does not parse:"; grep -iE -A3 "parse error|syntax error|lexical error" "$out/$name.log" | head -8
    status=1
  else
    echo "mermaid: skipped $file (the browser failed: $(head -c 300 "$out/$name.log" | tr '\n' ' '))"
  fi
done
echo "mermaid: $rendered diagram(s) rendered"
exit $status
