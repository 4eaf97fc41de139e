#!/usr/bin/env bash
# -p:UseOfficialPulumiSdk=true must switch the whole solution to the official Pulumi packages. The packages cannot be
# restored here, so this checks what the switch does to the project graph by evaluating every project of the
# solution without restoring (dotnet msbuild -getProperty/-getItem), and by running the sdk/ projects' Build target:
#   - every project that uses the Pulumi API references the official Pulumi, Pulumi.Oci and Pulumi.Random packages
#     at the versions the subset mirrors, and no project references sdk/;
#   - the sdk/ projects are not built;
#   - NU1603 is not an error under the switch (and is one without it); warnings stay errors;
#   - no SubsetOnly/ test file is compiled under the switch (and all are compiled without it).
set -uo pipefail
cd "$(dirname "$0")/.."
command -v jq >/dev/null || { echo "official-sdk-switch: jq is required" >&2; exit 2; }
rc=0
fail() { echo "official-sdk-switch: $*" >&2; rc=1; }

eval_project() { # project, extra msbuild args...
  local project="$1"; shift
  dotnet msbuild "$project" -nologo "$@" \
    -getProperty:UsesPulumi -getProperty:IsPulumiSubset -getProperty:IsTestProject \
    -getProperty:TreatWarningsAsErrors -getProperty:WarningsNotAsErrors \
    -getItem:PackageReference -getItem:PackageVersion -getItem:ProjectReference -getItem:Compile
}

projects=$(dotnet sln Infrastructure.sln list | grep '\.csproj$' | tr '\\' '/')
[ -n "$projects" ] || { echo "official-sdk-switch: no projects in Infrastructure.sln" >&2; exit 2; }
for project in $projects; do
  on=$(eval_project "$project" -p:UseOfficialPulumiSdk=true) || { fail "$project does not evaluate under the switch"; continue; }
  off=$(eval_project "$project") || { fail "$project does not evaluate without the switch"; continue; }
  prop() { jq -r ".Properties.$2" <<<"$1"; }
  items() { jq -r ".Items.$2[]?.Identity" <<<"$1"; }

  [ "$(prop "$on" TreatWarningsAsErrors)" = true ] || fail "$project: warnings are not errors under the switch"
  grep -qx NU1603 < <(prop "$on" WarningsNotAsErrors | tr ';' '\n') || fail "$project: NU1603 fails restore under the switch"
  grep -qx NU1603 < <(prop "$off" WarningsNotAsErrors | tr ';' '\n') && fail "$project: NU1603 is not an error without the switch"

  if grep -q '^sdk/' <<<"$project"; then
    [ "$(prop "$on" IsPulumiSubset)" = true ] || fail "$project: an sdk/ project without IsPulumiSubset (it would be built under the switch)"
    dotnet msbuild "$project" -nologo -v:m -t:Build -p:UseOfficialPulumiSdk=true | grep -q "not built" \
      || fail "$project: built under the switch"
    continue
  fi
  items "$on" ProjectReference | grep -q '/sdk/' && fail "$project: references sdk/ under the switch"
  if [ "$(prop "$on" UsesPulumi)" = true ]; then
    for package in Pulumi:3.112.1 Pulumi.Oci:4.20.0 Pulumi.Random:4.21.1; do
      name=${package%%:*}; version=${package#*:}
      items "$on" PackageReference | grep -qx "$name" || fail "$project: no PackageReference to $name under the switch"
      jq -e --arg n "$name" --arg v "$version" '.Items.PackageVersion[] | select(.Identity == $n and .Version == $v)' <<<"$on" >/dev/null \
        || fail "$project: $name is not pinned to $version"
    done
    items "$off" PackageReference | grep -qx 'Pulumi\(\.Oci\|\.Random\)\?' && fail "$project: references an official package without the switch"
  fi
  if [ "$(prop "$on" IsTestProject)" = true ]; then
    items "$on" Compile | grep -q '^SubsetOnly/' && fail "$project: compiles SubsetOnly/ tests under the switch"
    dir=$(dirname "$project")
    expected=$(cd "$dir" && find SubsetOnly -name '*.cs' 2>/dev/null | wc -l)
    actual=$(items "$off" Compile | grep -c '^SubsetOnly/')
    [ "$expected" -eq "$actual" ] || fail "$project: compiles $actual of $expected SubsetOnly/ files without the switch"
  fi
done
[ $rc -eq 0 ] && echo "official-sdk-switch: $(wc -w <<<"$projects") projects switch to the official packages as intended"
exit $rc
