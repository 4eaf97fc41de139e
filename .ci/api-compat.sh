#!/usr/bin/env bash
# Every public API line our sdk/ assemblies expose must appear in the official listing of the same package
# (../shared/reference/official-api), and so must every line of their nullable annotations (api-listing.cs
# --nullable against the *.nullable.txt listings: code that compiles against sdk/ must compile against the official
# packages with nullable warnings as errors). Prints the extra lines and fails if there are any.
set -uo pipefail
cd "$(dirname "$0")/.."
config="${1:-Release}"
shared="${SHARED_DIR:-../shared}"
tool="$shared/tools/api-listing.cs"
ref="$shared/reference/official-api"
if [ ! -f "$tool" ]; then echo "api-compat: $tool not found (CI lays shared/ beside the clone)" >&2; exit 2; fi
out=.ci/out/api; mkdir -p "$out"
rc=0
check() {
  local asm="$1" official="$2" flag="${3:-}" name
  name=$(basename "$asm" .dll)${flag:+.nullable}
  if [ ! -f "$asm" ]; then echo "api-compat: $asm not built" >&2; rc=1; return; fi
  if ! dotnet run "$tool" -- $flag "$asm" > "$out/$name.txt" 2> "$out/$name.err"; then
    cat "$out/$name.err" >&2; echo "api-compat: listing $asm failed" >&2; rc=1; return
  fi
  LC_ALL=C sort -u "$out/$name.txt" > "$out/$name.sorted"
  LC_ALL=C sort -u "$ref/$official" > "$out/$name.official.sorted"
  LC_ALL=C comm -23 "$out/$name.sorted" "$out/$name.official.sorted" > "$out/$name.extra"
  local n; n=$(wc -l < "$out/$name.extra"); local total; total=$(wc -l < "$out/$name.sorted")
  if [ "$n" -gt 0 ]; then
    echo "api-compat: $name: $n of $total lines are not in $official:" >&2
    head -n 50 "$out/$name.extra" >&2
    rc=1
  else
    echo "api-compat: $name: all $total lines match $official"
  fi
}
for nullable in "" --nullable; do
  suffix=${nullable:+.nullable}
  check "sdk/Pulumi/bin/$config/net10.0/Pulumi.dll" "Pulumi-3.112.1$suffix.txt" $nullable
  check "sdk/Pulumi.Oci/bin/$config/net10.0/Pulumi.Oci.dll" "Pulumi.Oci-4.20.0-partial$suffix.txt" $nullable
  check "sdk/Pulumi.Random/bin/$config/net10.0/Pulumi.Random.dll" "Pulumi.Random-4.21.1$suffix.txt" $nullable
done
exit $rc
