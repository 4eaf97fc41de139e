using Pulumi;

namespace Enclave.Components.Oversight;

/// <summary>A region the enclave uses and the provider that reaches it (null: the deployment region's default provider).
/// Event rules can only notify a topic of their own region, so each region gets its own topic.</summary>
public sealed record AlertRegion(string Region, ProviderResource? Provider, bool IsHome);
