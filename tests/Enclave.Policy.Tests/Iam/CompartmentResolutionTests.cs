using Enclave.Policy.Iam;
using static Enclave.Policy.Tests.Iam.LandingZoneModel;

namespace Enclave.Policy.Tests.Iam;

/// <summary>Inheritance, paths relative to the attachment compartment, and unknown compartments.</summary>
public sealed class CompartmentResolutionTests
{
    private const string VaultSub = "urn:cmp:vault-sub";

    private static IamModel WithChild(IamModel model) => model with
    {
        Compartments = [.. model.Compartments, new CompartmentInfo(VaultSub, "ocid1.compartment.oc1..vaultsub", "vault-sub", Security)],
    };

    private static Principal SecAdmin => Member("lz-security-admin-group");

    [Fact]
    public void A_grant_applies_to_the_compartment_and_every_descendant_but_not_siblings_or_ancestors()
    {
        var lz = new AccessEvaluator(WithChild(Build()));
        Assert.True(lz.MayAllow(SecAdmin, Verb.Manage, "vaults", Security).Definite);
        Assert.True(lz.MayAllow(SecAdmin, Verb.Manage, "vaults", VaultSub).Definite);
        Assert.True(lz.MayAllow(SecAdmin, Verb.Manage, "vaults", "ocid1.compartment.oc1..vaultsub").Definite);
        Assert.False(lz.MayAllow(SecAdmin, Verb.Manage, "vaults", LandingZoneModel.Network).MayAllow);
        Assert.False(lz.MayAllow(SecAdmin, Verb.Manage, "vaults", Top).MayAllow);
        Assert.False(lz.MayAllow(SecAdmin, Verb.Manage, "vaults", Root).MayAllow);
    }

    [Fact]
    public void In_tenancy_covers_everything()
    {
        var lz = new AccessEvaluator(WithChild(Build()));
        Assert.True(lz.MayAllow(Member("lz-auditor-group"), Verb.Read, "vaults", VaultSub).Definite);
        Assert.True(lz.MayAllow(Member("lz-auditor-group"), Verb.Read, "vaults", "not-in-the-model").Definite);
    }

    [Fact]
    public void Paths_resolve_from_the_attachment_compartment()
    {
        // Attached to the root, 'lz-security-cmp' is not a child: the path is unresolved and may be anything below.
        var lz = Evaluator(RootPolicy("allow group g to manage keys in compartment lz-security-cmp",
            "allow group h to manage keys in compartment lz-top-cmp:lz-security-cmp"));
        var wrong = lz.MayAllow(Member("g"), Verb.Manage, "keys", Security);
        Assert.True(wrong.MayAllow);
        Assert.False(wrong.Definite);
        Assert.Contains(Assert.Single(wrong.Grants).Notes, n => n.Contains("could not be resolved below 'enclave'"));
        Assert.Contains(lz.Diagnostics, d => d.StartsWith("extra-root-policy[0]: 'compartment lz-security-cmp' could not be resolved"));
        Assert.True(lz.MayAllow(Member("h"), Verb.Manage, "keys", Security).Definite);
        Assert.False(lz.MayAllow(Member("h"), Verb.Manage, "keys", Database).MayAllow);
    }

    [Fact]
    public void Path_names_are_case_insensitive()
    {
        var lz = Evaluator(RootPolicy("allow group h to manage keys in compartment LZ-TOP-CMP:Lz-Security-Cmp"));
        Assert.True(lz.MayAllow(Member("h"), Verb.Manage, "keys", Security).Definite);
    }

    [Fact]
    public void Compartment_id_locations_match_by_ocid()
    {
        var lz = Evaluator(RootPolicy($"allow group h to manage keys in compartment id {LandingZone.SecurityId}",
            "allow group k to manage keys in compartment id ocid1.compartment.oc1..elsewhere"));
        Assert.True(lz.MayAllow(Member("h"), Verb.Manage, "keys", Security).Definite);
        Assert.False(lz.MayAllow(Member("h"), Verb.Manage, "keys", LandingZoneModel.Network).MayAllow);
        Assert.False(lz.MayAllow(Member("k"), Verb.Manage, "keys", Security).MayAllow);
    }

    [Fact]
    public void An_unknown_compartment_name_makes_the_path_any_descendant_of_the_resolved_part()
    {
        var model = Build();
        model = model with
        {
            Compartments = [.. model.Compartments.Select(c => c.Key == Security ? c with { Name = null } : c)],
        };
        var lz = new AccessEvaluator(model);
        var security = lz.MayAllow(SecAdmin, Verb.Manage, "vaults", Security);
        Assert.True(security.MayAllow);
        Assert.False(security.Definite);
        Assert.Contains(security.Grants[0].Notes, n => n.Contains("a compartment name there is unknown"));
        Assert.True(lz.MayAllow(SecAdmin, Verb.Manage, "vaults", LandingZoneModel.Network).MayAllow);
        Assert.False(lz.MayAllow(SecAdmin, Verb.Manage, "vaults", Top).MayAllow);
        Assert.False(lz.MayAllow(SecAdmin, Verb.Manage, "vaults", Root).MayAllow);
    }

    [Fact]
    public void Unknown_compartment_ids_make_id_locations_undecided()
    {
        var model = Build(RootPolicy($"allow group h to manage keys in compartment id {LandingZone.SecurityId}"));
        model = model with { Compartments = [.. model.Compartments.Select(c => c with { Id = null })] };
        var lz = new AccessEvaluator(model);
        var d = lz.MayAllow(Member("h"), Verb.Manage, "keys", Database);
        Assert.True(d.MayAllow);
        Assert.False(d.Definite);
    }

    [Fact]
    public void An_unknown_attachment_compartment_makes_paths_undecided_and_is_a_diagnostic()
    {
        var lz = Evaluator(new IamPolicy("floating", null, ["allow group h to manage keys in compartment lz-security-cmp"]));
        Assert.Contains(lz.Diagnostics, d => d.Contains("'floating' is attached to an unknown compartment"));
        var d = lz.MayAllow(Member("h"), Verb.Manage, "keys", LandingZoneModel.Network);
        Assert.True(d.MayAllow);
        Assert.False(d.Definite);
        Assert.Contains(d.Grants[0].Notes, n => n.Contains("could be anywhere"));
    }

    [Fact]
    public void A_target_compartment_not_in_the_model_is_covered_only_by_tenancy_grants_for_sure()
    {
        var lz = Evaluator();
        var d = lz.MayAllow(SecAdmin, Verb.Manage, "vaults", "urn:cmp:unknown");
        Assert.True(d.MayAllow);
        Assert.False(d.Definite);
        Assert.True(lz.MayAllow(SecAdmin, Verb.Manage, "cloud-guard-targets", null).Definite);
    }

    [Fact]
    public void A_detached_compartment_is_a_diagnostic_and_only_tenancy_grants_certainly_cover_it()
    {
        var model = Build();
        model = model with { Compartments = [.. model.Compartments, new CompartmentInfo("urn:cmp:orphan", null, "orphan", "urn:cmp:missing")] };
        var lz = new AccessEvaluator(model);
        Assert.Contains(lz.Diagnostics, d => d.Contains("'orphan' has no known parent"));
        Assert.False(lz.MayAllow(SecAdmin, Verb.Manage, "vaults", "urn:cmp:orphan").Definite);
        Assert.True(lz.MayAllow(SecAdmin, Verb.Manage, "vaults", "urn:cmp:orphan").MayAllow);
        Assert.True(lz.MayAllow(Member("lz-auditor-group"), Verb.Read, "vaults", "urn:cmp:orphan").Definite);
    }

    [Fact]
    public void In_tenancy_from_a_non_root_policy_is_noted()
    {
        var lz = Evaluator(new IamPolicy("top-policy", Top, ["allow group h to read buckets in tenancy"]));
        var d = lz.MayAllow(Member("h"), Verb.Read, "buckets", AppDev);
        Assert.Contains(d.Grants[0].Notes, n => n.Contains("not attached to the root"));
    }
}
