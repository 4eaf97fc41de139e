#!/usr/bin/env bash
# Regenerates sdk/Pulumi.Oci/Generated and sdk/Pulumi.Random/Generated from the official API listings.
#   SHARED_DIR=/work/shared bash sdk/tools/regen-providers.sh [extra ProviderGen options]
set -euo pipefail
cd "$(dirname "$0")/../.."
ref="${SHARED_DIR:-../shared}/reference/official-api"
gen=sdk/tools/ProviderGen.cs
# sdk/Pulumi has no Deployment.Instance.Call<T>/CallArgs yet, so Provider.TerraformConfig() is left out (it is optional).
set -- --no-terraform-config "$@"
dotnet run "$gen" -- --listing "$ref/Pulumi.Oci-4.20.0-partial.txt" --nullable-listing "$ref/Pulumi.Oci-4.20.0-partial.nullable.txt" --root Pulumi.Oci --out sdk/Pulumi.Oci/Generated "$@"
dotnet run "$gen" -- --listing "$ref/Pulumi.Random-4.21.1.txt" --nullable-listing "$ref/Pulumi.Random-4.21.1.nullable.txt" --root Pulumi.Random --out sdk/Pulumi.Random/Generated "$@"
