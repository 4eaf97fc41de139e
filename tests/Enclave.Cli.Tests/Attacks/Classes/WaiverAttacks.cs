using System.Text.Json.Nodes;
using Enclave.Cli.Tests.Attacks.Framework;

namespace Enclave.Cli.Tests.Attacks.Classes;

/// <summary>A violation plus a waiver file (or flag) meant to switch the gate off: refused, or the violation still blocks.</summary>
public sealed class WaiverAttacks : AttackClass
{
    private static string Igw(Prod p) => NetworkAttacks.AddGateway(p, "oci:Core/internetGateway:InternetGateway", "network-igw");
    private static string PublicData(Prod p) => p.Resource("storage-user-data").Set("accessType", "ObjectRead").Urn;
    private static string Nat(Prod p) => NetworkAttacks.AddGateway(p, "oci:Core/natGateway:NatGateway", "network-nat");

    private static string Waiver(string rule, string urn, string extra = "", string expires = "2026-12-31") =>
        $"waivers:\n  - {{ rule: \"{rule}\", urn: \"{urn}\", reason: \"accepted\", expires: {expires}{extra} }}\n";

    public override IEnumerable<AttackCase> Cases()
    {
        yield return Refused("a wildcard rule id", "wildcards are not allowed", Igw, Waiver("*", "*", ", matches: many"));
        yield return Refused("a rule-family glob", "wildcards are not allowed", Nat, Waiver("ENC-NET-*", "*::network-nat"));
        yield return Refused("a critical rule waived without saying so", "is critical and mandatory", Igw, Waiver("ENC-NET-002", "*::network-igw"));
        yield return Refused("a critical rule waived without an approver", "is critical and mandatory", PublicData,
            Waiver("ENC-STO-001", "*::storage-user-data", ", critical: true"));
        yield return Refused("a waiver for a year", "a waiver lasts at most 90 days", Nat, Waiver("ENC-NET-004", "*::network-nat", expires: "2027-11-29"));
        yield return Refused("a waiver longer than the lowered limit", "a waiver lasts at most 30 days", Nat,
            Waiver("ENC-NET-004", "*::network-nat", expires: "2027-01-15"), "--waiver-max-days", "30");
        yield return Refused("a raised waiver limit", "--waiver-max-days 365", Nat, null, "--waiver-max-days", "365");
        yield return Refused("the secret-settings rule waived without approval", "is critical and mandatory",
            p => p.Resource("iam-operators").Secret("statements").Urn, Waiver("ENC-GOV-006", "*::iam-operators"));
        yield return Attack("a NAT waiver whose glob matches everything", "ENC-NET-004", Nat) with { Waivers = Waiver("ENC-NET-004", "*") };
        yield return Attack("a NAT waiver whose glob matches every network resource", "ENC-NET-004", Nat) with
        {
            Waivers = Waiver("ENC-NET-004", "urn:pulumi:prod::us-data-enclave::us-data-enclave:network:Network$*"),
        };
        yield return Attack("the too-broad waiver is itself a violation", "ENC-GOV-901", p => { Nat(p); return "*"; }) with { Waivers = Waiver("ENC-NET-004", "*") };
        yield return Attack("an expired waiver", "ENC-NET-004", Nat) with { Waivers = Waiver("ENC-NET-004", "*::network-nat", expires: "2026-11-28") };
        yield return Attack("a waiver for another stack's URN", "ENC-NET-004", Nat) with
        {
            Waivers = Waiver("ENC-NET-004", "urn:pulumi:staging::*::network-nat"),
        };
        yield return Attack("--soft-fail still reports the violation", "ENC-NET-002", Igw) with { Arguments = ["--soft-fail"], ExpectedExit = 0 };
        yield return Attack("--undetermined warn does not waive a plain failure", "ENC-NET-002", Igw) with { Arguments = ["--undetermined", "warn"] };
    }
}
