#!/usr/bin/env bash
# Whole-process figures of issue 12.8 (bench/RESULTS.md, "Scale"): wall, CPU and peak RSS of `enclave check --state`,
# `enclave access --state` and `enclave diff BASE HEAD` on generated stack exports of 10k, 100k and 200k resources.
# Usage: bash bench/scale.sh [SIZES...] (default 10000 100000 200000); files go to ${SCALE_DIR:-/tmp/enclave-scale}.
# SCALE_COMMANDS="access" (default "check access diff") runs only the commands named.
# The default CLI is the Release build, ReadyToRun in place (infra/Enclave.Cli.csproj; `-p:EnclaveReadyToRun=false` for plain IL).
# SCALE_CLI=PATH measures another build of the CLI: the Native AOT publish (`nice dotnet publish infra/Enclave.Cli
# -p:PublishProfile=NativeAot` -> infra/Enclave.Cli/bin/aot/Enclave.Cli, the fastest) or the ReadyToRun one (bin/r2r/).
# What the garbage collector did and where memory went, per run: `dotnet build -c Release bench/GcHook`, then
# DOTNET_STARTUP_HOOKS=$PWD/bench/GcHook/bin/Release/net10.0/GcHook.dll GCHOOK_OUT=FILE [GCHOOK_SMAPS=FILE] before the CLI.
# diff compares each export with the same enclave after a change of about 5% (`write export-head`: every 40th resource
# updated, every 100th deleted, 1% new buckets, one NSG rule opened), so the review has real changes to show.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 100000 200000}")
[ $# -eq 0 ] && sizes=(10000 100000 200000)
dir=${SCALE_DIR:-/tmp/enclave-scale}
mkdir -p "$dir"
dotnet build -c Release bench/Enclave.Bench -v q -nologo >/dev/null
dotnet build -c Release infra/Enclave.Cli -v q -nologo >/dev/null
bench=bench/Enclave.Bench/bin/Release/net10.0/Enclave.Bench.dll
cli=${SCALE_CLI:-infra/Enclave.Cli/bin/Release/net10.0/Enclave.Cli}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "size | command | file MB | wall s | cpu s (user+sys) | resources/s per cpu-second | max RSS MB | RSS / file"
for n in "${sizes[@]}"; do
  # v2: exports placed in the prod stack's tenancy (older files hung off a tenancy the stack does not name).
  f="$dir/export-v2-$n.json"
  [ -f "$f" ] || dotnet "$bench" write export "$n" prod "$f" >/dev/null
  h="$dir/export-v2-head-$n.json"
  [ -f "$h" ] || dotnet "$bench" write export-head "$n" prod "$h" >/dev/null
  mb=$(( $(stat -L -c %s "$f") / 1000000 ))
  for cmd in ${SCALE_COMMANDS:-check access diff}; do
    case $cmd in
      check) args=(check --state "$f" --stack prod --format json -o "$dir/check-$n.json") ;;
      access) args=(access prod --state "$f" --format json -o "$dir/access-$n.json") ;;
      diff) args=(diff "$f" "$h" --stack prod --format json -o "$dir/diff-$n.json") ;;
    esac
    /usr/bin/time -f "%e %U %S %M" -o "$dir/time.txt" "$cli" "${args[@]}" >/dev/null 2>&1 || true
    read -r wall user sys rss < <(tail -n 1 "$dir/time.txt")
    cpu=$(echo "$user + $sys" | bc)
    rate=$(echo "$n / $cpu" | bc)
    rssmb=$(( rss / 1000 ))
    echo "$n | $cmd | $mb | $wall | $cpu | $rate | $rssmb | $(echo "scale=2; $rssmb / $mb" | bc)"
  done
done
