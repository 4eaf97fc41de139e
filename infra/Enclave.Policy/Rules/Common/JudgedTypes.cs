using System.Collections.Frozen;
using System.Reflection;
using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>
/// The resource types the gate knows how to judge (ENC-GOV-020): every type a rule reads (<see cref="OciTypes"/>
/// and <see cref="IsolationSettings"/>), plus types that by nature hold no data, open no path and grant nothing (tags,
/// budgets, quotas, random values). Any other custom
/// resource, a public IP, a load balancer, an instance, an API gateway, a wallet download, an OAuth app, a resource
/// of another cloud's provider, is a resource no rule looks at, so it is refused rather than passed unseen.
/// A rule that starts judging a new type adds it to <see cref="OciTypes"/> (or here, when it is inert).
/// </summary>
public static class JudgedTypes
{
    /// <summary>OCI types that carry no data, network path or grant: allowed without a rule of their own.</summary>
    private static readonly string[] Inert =
    [
        "oci:Identity/tag:Tag", "oci:Identity/tagNamespace:TagNamespace", "oci:Identity/tagDefault:TagDefault",
        "oci:Budget/budget:Budget", "oci:Budget/rule:Rule", "oci:Limits/quota:Quota",
    ];

    /// <summary>Provider packages whose resources are values computed locally, never cloud resources.</summary>
    private static readonly string[] LocalPackages = ["random"];

    private static readonly FrozenSet<string> Oci = typeof(OciTypes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Concat(IsolationSettings.All.Select(s => s.Type))
        .Concat(Inert)
        .Where(t => OciTypes.IsOci(t) && !t.Contains('*', StringComparison.Ordinal))
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The package of a type token (<c>oci:Core/vcn:Vcn</c> → <c>oci</c>; <c>pulumi:providers:oci</c> → <c>oci</c>).</summary>
    public static string PackageOf(string type) =>
        type.StartsWith("pulumi:providers:", StringComparison.Ordinal) ? type["pulumi:providers:".Length..] : type.Split(':')[0];

    /// <summary>
    /// Must the gate judge this resource's type? Custom resources always; a resource that says it is a component but
    /// has a provider package's type token (an OCI or provider type marked <c>custom: false</c>) too.
    /// </summary>
    public static bool NeedsJudging(ResourceNode node) =>
        node.Custom || OciTypes.IsOci(node.Type) || node.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal);

    /// <summary>Is this a type the gate judges (or knows to be inert)?</summary>
    public static bool IsKnown(string type)
    {
        if (type == OciTypes.Stack) return true;
        if (type.StartsWith("pulumi:providers:", StringComparison.Ordinal))
            return type == OciTypes.Provider || IsLocal(type.AsSpan("pulumi:providers:".Length));
        var colon = type.IndexOf(':');
        if (IsLocal(colon < 0 ? type : type.AsSpan(0, colon))) return true;
        return Oci.Contains(type);
    }

    /// <summary>Is <paramref name="package"/> (as <see cref="PackageOf"/> gives it) a local package? Read in place: asked once per resource.</summary>
    private static bool IsLocal(ReadOnlySpan<char> package)
    {
        foreach (var local in LocalPackages)
            if (package.SequenceEqual(local)) return true;
        return false;
    }
}
