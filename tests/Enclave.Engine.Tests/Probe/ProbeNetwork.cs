using Pulumi;
using Pulumi.Oci.Core;
using Pulumi.Oci.Identity;

namespace Enclave.Engine.Probe;

/// <summary>A component whose children use the provider it was given, and that registers outputs.</summary>
public sealed class ProbeNetwork : ComponentResource
{
    public Output<string> CompartmentId { get; }

    /// <summary>Unknown in a preview (the VCN's computed output), for a list input holding one unknown element.</summary>
    public Output<string> DefaultSecurityListId { get; }

    public ProbeNetwork(string name, string tenancy, ComponentResourceOptions options)
        : base("probe:index:Network", name, options)
    {
        var compartment = new Compartment($"{name}-compartment", new CompartmentArgs
        {
            CompartmentId = tenancy,
            Name = "probe",
            Description = "probe compartment",
        }, new CustomResourceOptions { Parent = this });

        var vcn = new Vcn($"{name}-vcn", new VcnArgs
        {
            CompartmentId = compartment.Id,
            CidrBlocks = { "10.0.0.0/16" },
            DisplayName = "probe-vcn",
        }, new CustomResourceOptions { Parent = this });

        CompartmentId = compartment.Id;
        DefaultSecurityListId = vcn.DefaultSecurityListId;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["compartmentId"] = compartment.Id,
            ["vcnId"] = vcn.Id,
        });
    }
}
