namespace Enclave.Policy;

/// <summary>The IPv4 range of each subnet role the program creates (in every region's VCN alike).</summary>
public sealed record SubnetPlan(string Data, string App, string Admin);
