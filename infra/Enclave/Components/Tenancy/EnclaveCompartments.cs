using Pulumi;

namespace Enclave.Components.Tenancy;

/// <summary>OCIDs of the enclave's compartment tree (landing-zone layout: one compartment per function).</summary>
public sealed record EnclaveCompartments(
    Output<string> Top,
    Output<string> Network,
    Output<string> Security,
    Output<string> Database,
    Output<string> App);
