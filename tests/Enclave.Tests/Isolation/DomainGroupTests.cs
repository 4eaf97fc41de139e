using System.Collections.Immutable;
using Enclave.Offline.Fakes;
using Enclave.Tests.Support;

namespace Enclave.Tests.Isolation;

/// <summary>
/// Prod's persona groups live in a named identity domain and are declared as code there. They must land in that very
/// domain (the URL OCI gives for it, asked of the tenancy's root compartment) and leave membership to the gatekeepers:
/// a program that reset members on each `pulumi up` would silently undo who the gatekeepers let in or threw out.
/// </summary>
public sealed class DomainGroupTests
{
    [Fact]
    public async Task DomainGroups_LandInTheConfiguredDomainAndLeaveMembershipAlone()
    {
        var d = await EnclaveRun.Of("prod");
        var domain = d.Settings.Groups.IdentityDomain!;
        // The URL the (fake) tenancy answers for that domain's name in its root compartment.
        var answer = d.Cloud.Invoke(FakeCloud.GetDomains, ImmutableDictionary<string, object>.Empty
            .Add("compartmentId", d.Settings.TenancyOcid).Add("displayName", domain), d.Settings.HomeRegion);
        var url = Assert.IsType<string>(Values.At(answer, "domains[0].url"));
        Assert.Empty(d.OfType(Oci.Group)); // no Default-domain twins of the persona groups
        var groups = d.Observations.Where(o => o.Type == Oci.DomainsGroup).ToList();
        Assert.Equal(4, groups.Count);
        foreach (var group in groups)
        {
            Assert.Contains("members", group.Options.IgnoreChanges);
            var registered = d.Resources.Single(r => r.Type == Oci.DomainsGroup && r.Name == group.Name);
            Assert.Equal(url, registered.Str("idcsEndpoint"));
        }
    }
}
