using Enclave.Cli.Tests.Review;
using Enclave.Policy;
using Enclave.Policy.Graph;
using Enclave.Policy.Review.Diff;
using Enclave.Policy.Review.Plan;

namespace Enclave.Cli.Tests.Diff;

public class DiffEngineTests
{
    private static ReviewDiff Compare(EnclaveGraph before, EnclaveGraph after, bool withPolicy = false)
    {
        var b = before.Build();
        var a = after.Build();
        if (!withPolicy) return DiffEngine.Compare(b, a);
        IReadOnlyList<Policy.Rules.IRule> rules = [new OpenIngressRule()];
        return DiffEngine.Compare(b, a, new DiffOptions("base", "head",
            PolicyVerdicts.Evaluate(b, new PolicyContext(), rules: rules), PolicyVerdicts.Evaluate(a, new PolicyContext(), rules: rules)));
    }

    [Fact]
    public void Identical_graphs_have_no_changes()
    {
        var diff = Compare(EnclaveGraph.Base(), EnclaveGraph.Base());
        Assert.False(diff.HasChanges);
        Assert.Equal(9, diff.Unchanged);
    }

    [Fact]
    public void A_new_resource_is_a_create_listing_its_inputs()
    {
        var head = EnclaveGraph.Base().Add("oci:ObjectStorage/bucket:Bucket", "exports", PropertyValue.Map(
            ("name", PropertyValue.Of("usde-prod-exports")), ("retentionRules", PropertyValue.List(PropertyValue.Map(("displayName", PropertyValue.Of("lock")))))));
        var change = Assert.Single(Compare(EnclaveGraph.Base(), head).Changes);
        Assert.Equal(ChangeOp.Create, change.Op);
        Assert.Equal("exports", change.Name);
        Assert.Equal(["name", "retentionRules[0].displayName"], change.Properties.Select(p => p.Path));
        Assert.All(change.Properties, p => Assert.Null(p.Before));
    }

    [Fact]
    public void An_in_place_change_is_an_update_with_old_and_new_values()
    {
        var head = EnclaveGraph.Base().Set("audit-archive", "accessType", PropertyValue.Of("ObjectRead"));
        var change = Assert.Single(Compare(EnclaveGraph.Base(), head).Changes);
        Assert.Equal(ChangeOp.Update, change.Op);
        var p = Assert.Single(change.Properties);
        Assert.Equal(("accessType", "NoPublicAccess", "ObjectRead", false), (p.Path, p.Before!.AsString(), p.After!.AsString(), p.ForcesReplacement));
    }

    [Theory]
    [InlineData("vcn", "cidrBlock", "cidrBlock")]
    [InlineData("data", "cidrBlock", "cidrBlock")]
    [InlineData("audit-archive", "name", "name")]
    [InlineData("adb", "dbName", "dbName")]
    public void A_change_of_a_replace_on_change_input_is_a_replace(string resource, string key, string path)
    {
        var head = EnclaveGraph.Base().Set(resource, key, PropertyValue.Of("changed"));
        var change = Assert.Single(Compare(EnclaveGraph.Base(), head).Changes);
        Assert.Equal(ChangeOp.Replace, change.Op);
        Assert.True(change.Properties.Single(p => p.Path == path).ForcesReplacement);
    }

    [Fact]
    public void A_nested_change_names_its_path_and_replaces_when_its_top_key_forces_it()
    {
        var head = EnclaveGraph.Base().Set("data-key", "keyShape",
            PropertyValue.Map(("algorithm", PropertyValue.Of("AES")), ("length", PropertyValue.Of(16))));
        var change = Assert.Single(Compare(EnclaveGraph.Base(), head).Changes);
        Assert.Equal(ChangeOp.Replace, change.Op);
        var p = Assert.Single(change.Properties);
        Assert.Equal(("keyShape.length", 32d, 16d), (p.Path, p.Before!.AsNumber(), p.After!.AsNumber()));
    }

    [Fact]
    public void Lists_without_an_identity_are_compared_by_position_and_their_paths_say_so()
    {
        var locked = PropertyValue.List(PropertyValue.Map(("timeAmount", PropertyValue.Of("365"))), PropertyValue.Map(("timeAmount", PropertyValue.Of("30"))));
        var changed = PropertyValue.List(PropertyValue.Map(("timeAmount", PropertyValue.Of("365"))), PropertyValue.Map(("timeAmount", PropertyValue.Of("31"))));
        var before = EnclaveGraph.Base().Set("audit-archive", "retentionRules", locked);
        var after = before.Copy().Set("audit-archive", "retentionRules", changed);
        var p = Assert.Single(Assert.Single(Compare(before, after).Changes).Properties);
        Assert.Equal("retentionRules[1].timeAmount", p.Path);
    }

    [Fact]
    public void Deleting_the_protected_database_is_a_destructive_delete_listed_first()
    {
        var head = EnclaveGraph.Base().Remove("adb").Set("audit-archive", "accessType", PropertyValue.Of("ObjectRead"))
            .Add("oci:Kms/key:Key", "backup-key", PropertyValue.Map(("protectionMode", PropertyValue.Of("HSM"))));
        var diff = Compare(EnclaveGraph.Base(), head);
        var delete = diff.Changes.Single(c => c.Op == ChangeOp.Delete);
        Assert.Equal(("adb", true, true, true), (delete.Name, delete.Protected, delete.DataBearing, delete.IsDestructive));
        Assert.Contains(delete.Properties, p => p.Path == "dbName" && p.Before!.AsString() == "usdeprod" && p.After is null);

        var sections = ReviewLayout.Build(diff);
        Assert.Equal(SectionKind.Destructive, sections[0].Kind);
        Assert.Equal("adb", Assert.Single(sections[0].Items).Change!.Name);
        Assert.Equal(["update", "create"], sections[1].Items.Select(i => i.Change!.Op.ToString().ToLowerInvariant()));
    }

    [Fact]
    public void Opening_an_nsg_to_the_internet_is_flagged_with_its_rule_id_before_other_changes()
    {
        var head = EnclaveGraph.Base()
            .Set("db-ingress", "source", PropertyValue.Of("0.0.0.0/0"))
            .Set("audit-archive", "versioning", PropertyValue.Of("Enabled"))
            .Add("oci:Logging/logGroup:LogGroup", "audit-logs", PropertyValue.Map(("displayName", PropertyValue.Of("audit"))));
        var diff = Compare(EnclaveGraph.Base(), head, withPolicy: true);

        var impact = Assert.Single(diff.Impacts);
        Assert.Equal((ImpactKind.NewlyFailing, OpenIngressRule.Id), (impact.Kind, impact.RuleId));
        var sections = ReviewLayout.Build(diff);
        Assert.Equal(SectionKind.RuleImpact, sections[0].Kind);
        var item = Assert.Single(sections[0].Items);
        Assert.Equal("db-ingress", item.Change!.Name);
        Assert.Equal("source", Assert.Single(item.Change.Properties).Path);
        Assert.Equal(SectionKind.Other, sections[1].Kind);
        Assert.Equal(2, sections[1].Items.Length);
    }

    [Fact]
    public void Closing_it_again_is_newly_passing()
    {
        var open = EnclaveGraph.Base().Set("db-ingress", "source", PropertyValue.Of("0.0.0.0/0"));
        var diff = Compare(open, EnclaveGraph.Base(), withPolicy: true);
        Assert.Equal(ImpactKind.NewlyPassing, Assert.Single(diff.Impacts).Kind);
    }

    [Fact]
    public void A_value_becoming_unknown_or_secret_is_a_change_that_shows_no_value()
    {
        var head = EnclaveGraph.Base().Set("vcn", "dnsLabel", PropertyValue.Unknown).Set("audit-archive", "namespace", PropertyValue.Secret);
        var diff = Compare(EnclaveGraph.Base(), head);
        Assert.True(diff.Changes.Single(c => c.Name == "vcn").Properties.Single().After!.IsUnknown);
        Assert.True(diff.Changes.Single(c => c.Name == "audit-archive").Properties.Single().After!.IsSecret);
    }

    [Fact]
    public void Protect_and_region_changes_are_reported_as_resource_options()
    {
        var head = EnclaveGraph.Base()
            .Edit("adb", r => r with { Protect = false })
            .Edit("audit-archive", r => r with { Region = "us-phoenix-1" });
        var diff = Compare(EnclaveGraph.Base(), head);
        var adb = diff.Changes.Single(c => c.Name == "adb");
        Assert.Equal((ChangeOp.Update, DiffEngine.ProtectPath), (adb.Op, adb.Properties.Single().Path));
        var bucket = diff.Changes.Single(c => c.Name == "audit-archive");
        Assert.Equal((ChangeOp.Replace, DiffEngine.RegionPath), (bucket.Op, bucket.Properties.Single().Path));
    }

    [Fact]
    public void Plans_of_different_stacks_are_matched_by_type_and_name_with_a_note()
    {
        var dev = new ResourceGraph("dev", EnclaveGraph.Project, GraphOrigin.Plan,
            EnclaveGraph.Base().Build().Resources.Select(r => r with { Urn = r.Urn.Replace("urn:pulumi:prod::", "urn:pulumi:dev::") }));
        var diff = DiffEngine.Compare(dev, EnclaveGraph.Base().Build());
        Assert.False(diff.HasChanges);
        Assert.Contains("dev", Assert.Single(diff.Notes));
    }
}
