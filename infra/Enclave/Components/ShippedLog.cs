using Pulumi;

namespace Enclave.Components;

/// <summary>A Logging log the Service Connector ships to the archive: its compartment, log group and log.</summary>
public sealed record ShippedLog(Output<string> CompartmentId, Output<string> LogGroupId, Output<string> LogId);
