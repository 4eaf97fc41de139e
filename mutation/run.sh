#!/usr/bin/env bash
# Mutation run of one target (see docs/testing.md). Usage:
#   mutation/run.sh isolation|rules|rules-off [dotnet-stryker options...]
# e.g. mutation/run.sh isolation -m '**/Components/Iam/*.cs'   (one folder while writing tests)
# Reports land in mutation/out/<target>/<timestamp>/reports (json + html); not part of .ci/run (hours, not minutes).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${1:-}
case "$target" in
  isolation) tests=tests/Enclave.Tests ;;
  rules|rules-off) tests=tests/Enclave.Policy.Tests ;;
  *) echo "usage: mutation/run.sh isolation|rules|rules-off [dotnet-stryker options...]" >&2; exit 2 ;;
esac
shift
cd "$root"
# The manifest also lists the enclave tool, installed from the package `dotnet pack` puts in .config/tool-feed;
# pack it only when the restore cannot find it (a pack is a full Release build: minutes on this machine).
dotnet tool restore >/dev/null 2>&1 || { dotnet pack infra/Enclave.Cli -nologo -v q >/dev/null && dotnet tool restore >/dev/null; }
cd "$root/$tests"
# nice -n 19 by default: the machine is shared (MUTATION_NICE=0 when the team gives this run the machine's priority);
# Stryker's own concurrency is set with -c (default 1 here, see the config).
exec nice -n "${MUTATION_NICE:-19}" dotnet tool run dotnet-stryker --config-file "$root/mutation/$target.json" \
  --output "$root/mutation/out/$target/$(date -u +%Y%m%dT%H%M%SZ)" "$@"
