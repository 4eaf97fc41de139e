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
        // Prod declares the domain's URL (groups.identityDomainUrl), which the gate judges the groups by: the very one.
        Assert.Equal(d.Settings.Groups.IdentityDomainUrl, url);
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

    /// <summary>A tenancy whose answer for the configured domain's name lists it <paramref name="copies"/> times, each
    /// with URL <paramref name="url"/> (null: the fake's own).</summary>
    private static Variant Domains(int copies, string? url = null) => new()
    {
        EditAnswer = (token, answer) =>
        {
            if (token != FakeCloud.GetDomains) return answer;
            var edited = new Dictionary<string, object>((IDictionary<string, object>)answer);
            var found = (IList<object>)edited["domains"];
            var domain = new Dictionary<string, object>((IDictionary<string, object>)found.Single());
            if (url is not null) domain["url"] = url;
            edited["domains"] = Enumerable.Repeat<object>(domain, copies).ToList();
            return edited;
        },
    };

    /// <summary>Two domains answering to the same name (or none, or one without a URL) leave it open which domain the
    /// persona groups, and so the gatekeepers' own group, would land in: the run stops with one clear error naming the
    /// key instead of picking one.</summary>
    [Theory]
    [InlineData(0, null)]
    [InlineData(2, null)]
    [InlineData(1, "")]
    public async Task DomainGroups_StopWhenTheDomainIsNotFoundExactlyOnce(int copies, string? url)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => EnclaveRun.RunAsync("prod", Domains(copies, url)));
        Assert.Contains("groups.identityDomain", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A declared domain URL the named domain does not have: the groups would land where the gate does not
    /// look for them (or the gate would judge them by a URL that is not theirs), so the run stops naming the key.</summary>
    [Fact]
    public async Task DomainGroups_StopWhenTheNamedDomainHasAnotherUrlThanDeclared()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            EnclaveRun.RunAsync("prod", Domains(1, "https://idcs-0parentc0d0main.identity.oraclecloud.com:443")));
        Assert.Contains("groups.identityDomainUrl", error.ToString(), StringComparison.Ordinal);
    }
}
