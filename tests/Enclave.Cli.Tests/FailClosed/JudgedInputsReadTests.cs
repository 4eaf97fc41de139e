using System.Collections.Immutable;
using Enclave.Cli.Tests.Plan;
using Enclave.Policy.Graph;
using Enclave.Policy.Rules;
using Enclave.Policy.Rules.Common;

namespace Enclave.Cli.Tests.FailClosed;

/// <summary>
/// The closed-input tables (<see cref="ClosedInputTables"/>, ENC-GOV-090) let an input through at any value when they
/// say a rule judges it: one listed in <see cref="IsolationSettings"/> or a <see cref="JudgedBy"/> entry. Round 8
/// found fields listed as judged that no rule read, so a change setting them passed unseen. This holds every such
/// claim to an experiment on prod: on each prod resource of its type the input is set once to null and once to a secret
/// (list items and objects on the way created alike in both where prod has none), and some rule's verdict must differ. The rules that judge secrecy, computed values and the closed
/// tables themselves (ENC-GOV-006, ENC-GOV-007, ENC-IAM-117, ENC-GOV-090) do not count: they flag any input, read or not.
/// </summary>
[Collection(ProgramRunCollection.Name)]
public class JudgedInputsReadTests
{
    private static readonly string[] Detectors = ["ENC-GOV-006", "ENC-GOV-007", "ENC-IAM-117", "ENC-GOV-090", "ENC-GOV-092"];

    [Fact]
    public async Task Every_input_a_table_says_is_judged_changes_a_verdict_on_prod()
    {
        var run = await ProdExperiment.RunAsync(preview: false);
        IReadOnlyList<IRule> rules = RuleCatalogue.All.Where(r => !Detectors.Contains(r.Info.Id)).ToList();

        var original = ProdExperiment.Verdicts(run.Graph, run.Policy, rules);
        // Inputs held at one value are read by ENC-GOV-090 itself (their Fixed entry): only the judged claims are tried.
        var pinned = ClosedInputTables.Declared.SelectMany(d => d.Fixed.Select(f => (d.Type, f.Pin.Key))).ToHashSet();
        var claims = IsolationSettings.All.Where(s => s.Type != IsolationSettings.AnyOciType && !pinned.Contains(s))
            .Concat(ClosedInputTables.Declared.SelectMany(d => d.Judged.SelectMany(j => j.Keys.Select(k => (d.Type, k)))))
            .Distinct().ToList();
        var unread = new List<string>();
        var tried = 0;
        foreach (var (type, path) in claims)
        {
            var at = Enumerable.Range(0, run.Graph.Resources.Length).Where(i => run.Graph.Resources[i].Type == type).ToList();
            if (at.Count == 0) continue;  // a type prod does not create: its rule cases and attacks hold it (RuleCases, Attacks)
            tried++;
            // Against prod as it is when prod sets the input, else against the input created unset (so that a list item
            // or object made on the way changes nothing by itself); the first value that changes a verdict ends the trial.
            // A claim read only in a context prod lacks is tried in that context, made first on every resource of the type.
            var start = Additions.TryGetValue((type, path), out var add) ? ProdExperiment.With(run.Graph, run.Graph.Resources.Add(add(run.Graph))) : run.Graph;
            var graph = Contexts.TryGetValue((type, path), out var context) ? InContext(start, at, context) : start;
            var present = at.Any(i => Has(graph.Resources[i].Inputs, path.Split('.'), 0));
            var baseline = present ? (ReferenceEquals(graph, run.Graph) ? original : ProdExperiment.Verdicts(graph, run.Policy, rules))
                : ProdExperiment.Verdicts(With(graph, at, path, PropertyValue.Null), run.Policy, rules);
            var read = Trials(present).Any(value =>
            {
                var after = ProdExperiment.Verdicts(With(graph, at, path, value), run.Policy, rules);
                return after.Any(kv => baseline.GetValueOrDefault(kv.Key) != kv.Value) || baseline.Keys.Any(k => !after.ContainsKey(k));
            });
            if (!read) unread.Add($"{type} {path}");
        }
        Assert.True(tried > 150, $"only {tried} judged inputs were tried on prod");
        var unproven = NotYetProven.Select(c => $"{c.Type} {c.Path}").ToHashSet(StringComparer.Ordinal);
        var fresh = unread.Where(u => !unproven.Contains(u)).ToList();
        Assert.True(fresh.Count == 0, "inputs the tables say a rule judges, but no value of which changes a verdict on prod:\n" + string.Join("\n", fresh));
        // The ratchet: a listed claim that the experiment now proves comes off the list.
        var proven = unproven.Where(u => !unread.Contains(u)).ToList();
        Assert.True(proven.Count == 0, "claims now proven read, to remove from NotYetProven:\n" + string.Join("\n", proven));
    }

    /// <summary>
    /// Round 9's first run of this experiment: claims no tried value turned into a verdict change on prod. Most are read
    /// only in a context prod does not have (a port range of a rule whose source is internal, the obsolete
    /// <c>actions.actions</c> beside <c>actions.action</c>, a recipe override list prod leaves empty, where an item made
    /// with one field fails for its missing others whatever that field holds); each still needs a proof (a rule case
    /// in that context) or the field's removal from its table. New claims must be proven; the list only shrinks.
    /// </summary>
    private static readonly (string Type, string Path)[] NotYetProven =
    [
        ("oci:Core/defaultSecurityList:DefaultSecurityList", "egressSecurityRules.icmpOptions.code"),
        ("oci:Core/defaultSecurityList:DefaultSecurityList", "egressSecurityRules.icmpOptions.type"),
        ("oci:Core/defaultSecurityList:DefaultSecurityList", "egressSecurityRules.tcpOptions.max"),
        ("oci:Core/defaultSecurityList:DefaultSecurityList", "egressSecurityRules.tcpOptions.min"),
        ("oci:Core/defaultSecurityList:DefaultSecurityList", "egressSecurityRules.udpOptions.max"),
        ("oci:Core/defaultSecurityList:DefaultSecurityList", "egressSecurityRules.udpOptions.min"),
        ("oci:Core/defaultSecurityList:DefaultSecurityList", "ingressSecurityRules.icmpOptions.code"),
        ("oci:Core/defaultSecurityList:DefaultSecurityList", "ingressSecurityRules.icmpOptions.type"),
        ("oci:Core/defaultSecurityList:DefaultSecurityList", "ingressSecurityRules.tcpOptions.max"),
        ("oci:Core/defaultSecurityList:DefaultSecurityList", "ingressSecurityRules.tcpOptions.min"),
        ("oci:Core/defaultSecurityList:DefaultSecurityList", "ingressSecurityRules.udpOptions.max"),
        ("oci:Core/defaultSecurityList:DefaultSecurityList", "ingressSecurityRules.udpOptions.min"),
        ("oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule", "icmpOptions"),
        ("oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule", "icmpOptions.code"),
        ("oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule", "icmpOptions.type"),
        ("oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule", "protocol"),
        ("oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule", "tcpOptions"),
        ("oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule", "tcpOptions.destinationPortRange.max"),
        ("oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule", "tcpOptions.destinationPortRange.min"),
        ("oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule", "udpOptions"),
        ("oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule", "udpOptions.destinationPortRange.max"),
        ("oci:Core/networkSecurityGroupSecurityRule:NetworkSecurityGroupSecurityRule", "udpOptions.destinationPortRange.min"),
        ("oci:Identity/domainsGroup:DomainsGroup", "members.ocid"),
    ];

    /// <summary>
    /// The contexts in which claims prod cannot exercise are read (round 10): a recipe or target override list given one
    /// item (prod overrides nothing; the experiment alone would make the list a map, which no rule reads as overrides), an
    /// event rule's actions under the obsolete wire name <c>actions</c>, a default security list with one rule each way
    /// that ENC-NET-006 admits, key material restored from a bucket of the stack, a secret replicated to and rotated by the stack's own
    /// vault and database, a route rule in the deprecated cidrBlock form (round 11). Each is a legitimate configuration: the trials
    /// must turn some verdict from it.
    /// </summary>
    private static readonly Dictionary<(string Type, string Path), Func<ResourceGraph, MapValue, MapValue>> Contexts = BuildContexts();

    private static Dictionary<(string, string), Func<ResourceGraph, MapValue, MapValue>> BuildContexts()
    {
        var contexts = new Dictionary<(string, string), Func<ResourceGraph, MapValue, MapValue>>();
        void For(string type, Func<ResourceGraph, MapValue, MapValue> context, params string[] paths)
        {
            foreach (var p in paths) contexts[(type, p)] = context;
        }
        Func<ResourceGraph, MapValue, MapValue> Seed(string path, PropertyValue value) => (_, m) => (MapValue)WithValue(m, path.Split('.'), 0, value);
        var oneItem = PropertyValue.List(PropertyValue.Map());

        For(OciTypes.DetectorRecipe, Seed("detectorRules", oneItem), "detectorRules.details.condition", "detectorRules.details.isEnabled", "detectorRules.state");
        For(OciTypes.ResponderRecipe, Seed("responderRules", oneItem), "responderRules.details.condition", "responderRules.details.isEnabled", "responderRules.state");
        For(OciTypes.CloudGuardTarget, Seed("targetDetectorRecipes.detectorRules", oneItem),
            "targetDetectorRecipes.detectorRules.details.isEnabled", "targetDetectorRecipes.detectorRules.state");
        For(OciTypes.CloudGuardTarget, Seed("targetDetectorRecipes.detectorRules", oneItem), "targetDetectorRecipes.detectorRules.details.conditionGroups");
        For(OciTypes.CloudGuardTarget, Seed("targetResponderRecipes.responderRules", oneItem),
            "targetResponderRecipes.responderRules.details.condition", "targetResponderRecipes.responderRules.details.isEnabled",
            "targetResponderRecipes.responderRules.state");

        // The obsolete wire name: the program's actions moved from `action` to `actions`.
        For(OciTypes.EventRule, (_, m) => m["actions"] is MapValue actions
                ? m with { Fields = m.Fields.SetItem("actions", PropertyValue.Map(("actions", actions["action"]))) }
                : m,
            "actions.actions.actionType", "actions.actions.isEnabled", "actions.actions.topicId", "actions.actions.streamId", "actions.actions.functionId");

        // A route rule in the deprecated form, its destination given as cidrBlock (ENC-NET-003 reads it when destination is unset).
        For(OciTypes.RouteTable, (_, m) => m["routeRules"] is ListValue rules
                ? m with { Fields = m.Fields.SetItem("routeRules", new ListValue(rules.Items.Select(r => r is MapValue rm && !rm["destination"].IsNull
                    ? rm with { Fields = rm.Fields.Remove("destination").SetItem("cidrBlock", rm["destination"]) } : r).ToImmutableArray())) }
                : m,
            "routeRules.cidrBlock");

        var inVcn = PropertyValue.Map(("protocol", PropertyValue.Of("1")), ("source", PropertyValue.Of("10.30.0.0/16")), ("sourceType", PropertyValue.Of("CIDR_BLOCK")));
        var icmpOut = PropertyValue.Map(("protocol", PropertyValue.Of("1")), ("destination", PropertyValue.Of("0.0.0.0/0")), ("destinationType", PropertyValue.Of("CIDR_BLOCK")));
        For(OciTypes.DefaultSecurityList, Seed("ingressSecurityRules", PropertyValue.List(inVcn)), "ingressSecurityRules.protocol");
        For(OciTypes.DefaultSecurityList, Seed("egressSecurityRules", PropertyValue.List(icmpOut)), "egressSecurityRules.protocol");

        // Key material restored from the stack's own bucket, in its namespace.
        Func<ResourceGraph, MapValue, MapValue> restored = (g, m) =>
        {
            var bucket = g.Resources.First(r => r.Type == OciTypes.Bucket);
            return (MapValue)WithValue(m, ["restoreFromObjectStore"], 0, PropertyValue.Map(("destination", PropertyValue.Of("BUCKET")),
                ("namespace", bucket.Inputs["namespace"]), ("bucket", bucket.Inputs["name"]), ("object", PropertyValue.Of("key-backup"))));
        };
        For(OciTypes.Key, restored, "restoreFromObjectStore.bucket");
        For(OciTypes.Vault, restored, "restoreFromObjectStore.bucket");

        // A secret copied to the stack's vault and key, and rotated by the stack's database.
        For(OciTypes.VaultSecret, (g, m) =>
        {
            var db = g.Resources.First(r => r.Type == OciTypes.AutonomousDatabase);
            return (MapValue)WithValue(m, ["replicationConfig"], 0, PropertyValue.Map(("replicationTargets", PropertyValue.List(PropertyValue.Map(
                ("targetRegion", PropertyValue.Of("us-phoenix-1")), ("targetVaultId", db.Inputs["vaultId"]), ("targetKeyId", db.Inputs["kmsKeyId"]))))));
        }, "replicationConfig.replicationTargets.targetKeyId", "replicationConfig.replicationTargets.targetRegion", "replicationConfig.replicationTargets.targetVaultId");
        For(OciTypes.VaultSecret, (g, m) =>
        {
            var db = g.Resources.First(r => r.Type == OciTypes.AutonomousDatabase);
            return (MapValue)WithValue(m, ["rotationConfig"], 0, PropertyValue.Map(("targetSystemDetails", PropertyValue.Map(
                ("targetSystemType", PropertyValue.Of("ADB")), ("adbId", new ResourceRefValue(db.Urn, db.Id.AsString()))))));
        }, "rotationConfig.targetSystemDetails.adbId", "rotationConfig.targetSystemDetails.functionId", "rotationConfig.targetSystemDetails.targetSystemType");

        // A network source for the enclave VCN's own hosts (round 11): one VCN entry naming the stack's VCN, a narrow range.
        For(OciTypes.NetworkSource, (g, m) =>
        {
            var vcn = g.Resources.First(r => r.Type == OciTypes.Vcn);
            return (MapValue)WithValue(m, ["virtualSourceLists"], 0, PropertyValue.List(PropertyValue.Map(
                ("vcnId", vcn.Id), ("ipRanges", PropertyValue.List(PropertyValue.Of("10.0.1.0/24"))))));
        }, "virtualSourceLists.vcnId", "virtualSourceLists.ipRanges");

        // The break-glass user (prod's breakGlass entry, as an identity-domain user of the stack; see Additions) made a
        // member of every persona group: the gatekeepers' membership is the one its config entry allows.
        For(OciTypes.DomainsGroup, (g, m) =>
        {
            var user = g.Resources.Last(r => r.Type == OciTypes.DomainsUser);
            return (MapValue)WithValue(m, ["members"], 0, PropertyValue.List(PropertyValue.Map(("type", PropertyValue.Of("User")), ("value", user.Id))));
        }, "members.type", "members.value");
        return contexts;
    }

    /// <summary>
    /// Resources a context needs that prod does not create, appended to prod before the context is made (round 11):
    /// the break-glass user of prod's config as an identity-domain user in the personas' domain.
    /// </summary>
    private static readonly Dictionary<(string Type, string Path), Func<ResourceGraph, ResourceNode>> Additions = BuildAdditions();

    private static Dictionary<(string, string), Func<ResourceGraph, ResourceNode>> BuildAdditions()
    {
        static ResourceNode BreakGlass(ResourceGraph g)
        {
            var group = g.Resources.First(r => r.Type == OciTypes.DomainsGroup);
            return group with
            {
                Urn = group.Urn.Replace(OciTypes.DomainsGroup, OciTypes.DomainsUser, StringComparison.Ordinal)[..^group.Name.Length] + "iam-breakglass",
                Type = OciTypes.DomainsUser, Name = "iam-breakglass", Id = PropertyValue.Of("ocid1.user.oc1..aaaaaaaabreakglassprod"),
                Dependencies = [], PropertyDependencies = ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty, Protect = false,
                Inputs = PropertyValue.Map(("idcsEndpoint", group.Inputs["idcsEndpoint"]),
                    ("schemas", PropertyValue.List(PropertyValue.Of("urn:ietf:params:scim:schemas:core:2.0:User"))),
                    ("userName", PropertyValue.Of("usde-prod-breakglass")),
                    ("emails", PropertyValue.List(PropertyValue.Map(("value", PropertyValue.Of("breakglass@usdata.example")), ("primary", PropertyValue.Of(true)))))),
                Outputs = PropertyValue.Map(),
            };
        }
        return new()
        {
            [(OciTypes.DomainsGroup, "members.type")] = BreakGlass,
            [(OciTypes.DomainsGroup, "members.value")] = BreakGlass,
        };
    }

    private static ResourceGraph InContext(ResourceGraph g, List<int> at, Func<ResourceGraph, MapValue, MapValue> context)
    {
        var resources = g.Resources;
        foreach (var i in at) resources = resources.SetItem(i, resources[i] with { Inputs = context(g, resources[i].Inputs) });
        return ProdExperiment.With(g, resources);
    }

    /// <summary>
    /// The values tried, a secret first (a rule that reads the input cannot judge it): then unset, and values a change
    /// would use to widen access (the internet, every protocol or port, another region or tenancy, a flag flipped).
    /// </summary>
    private static IEnumerable<PropertyValue> Trials(bool present)
    {
        yield return PropertyValue.Secret;
        if (present) yield return PropertyValue.Null;
        foreach (var v in new[] { "0.0.0.0/0", "all", "ALL", "eu-frankfurt-1", "ocid1.key.oc1.iad.aaaaaaaaparent", "INTERNET_GATEWAY", "SERVICE_CIDR_BLOCK", "DISABLED", "INACTIVE" })
            yield return PropertyValue.Of(v);
        yield return PropertyValue.Of(false);
        yield return PropertyValue.Of(true);
        yield return PropertyValue.Of(0d);
        yield return PropertyValue.Of(1d);
        yield return PropertyValue.Of(65535d);
    }

    private static bool Has(PropertyValue value, string[] path, int at) => at == path.Length ? !value.IsNull : value switch
    {
        ListValue l => l.Items.Any(i => Has(i, path, at)),
        MapValue m => m.Fields.TryGetValue(path[at], out var v) && Has(v, path, at + 1),
        _ => false,
    };

    private static ResourceGraph With(ResourceGraph g, List<int> at, string path, PropertyValue leaf)
    {
        var resources = g.Resources;
        foreach (var i in at)
            resources = resources.SetItem(i, resources[i] with { Inputs = (MapValue)WithValue(resources[i].Inputs, path.Split('.'), 0, leaf) });
        return ProdExperiment.With(g, resources);
    }

    /// <summary>The value with the field at <paramref name="path"/> set to <paramref name="leaf"/>: in every item of a list on the way, created where unset.</summary>
    private static PropertyValue WithValue(PropertyValue value, string[] path, int at, PropertyValue leaf)
    {
        if (at == path.Length) return leaf;
        return value switch
        {
            ListValue { Items.Length: 0 } => new ListValue([WithValue(PropertyValue.Map(), path, at, leaf)]),
            ListValue l => new ListValue(l.Items.Select(item => WithValue(item, path, at, leaf)).ToImmutableArray()),
            MapValue m => m with { Fields = m.Fields.SetItem(path[at], WithValue(m.Fields.GetValueOrDefault(path[at]) ?? PropertyValue.Null, path, at + 1, leaf)) },
            _ => WithValue(PropertyValue.Map(), path, at, leaf),
        };
    }
}
