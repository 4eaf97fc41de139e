using Enclave.Alerts;
using Enclave.Tests.Configuration;
using Enclave.Tests.Rules;
using Enclave.Tests.Support;

namespace Enclave.Tests.Isolation;

/// <summary>
/// Every event type the program routes and the gate requires is one of Oracle's, as transcribed with its friendly name
/// in Reference/oracle-event-types.txt: a misspelt type is accepted by OCI and then simply never fires, so a typo
/// would silently blind a notification.
/// </summary>
public sealed class EventTypeTests
{
    private static readonly HashSet<string> Oracle = File.ReadAllLines(Path.Combine(RepoRoot.Path, "tests", "Enclave.Tests", "Reference", "oracle-event-types.txt"))
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split('|')[0].Trim())
        .ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> Aliases = CisEventAlerts.All.SelectMany(a => a.CheckerAliases).ToHashSet(StringComparer.Ordinal);

    [Theory, MemberData(nameof(Verdict.Stacks), MemberType = typeof(Verdict))]
    public async Task ProgramRoutesOnlyOraclesEventTypes(string stack)
    {
        var d = await EnclaveRun.Of(stack);
        var declared = d.OfType(Oci.EventRule).SelectMany(EventRules.EventTypes).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(declared);
        Assert.Equal([], declared.Where(t => !Oracle.Contains(t) && !Aliases.Contains(t)).ToArray());
    }

    [Fact]
    public void GateRequiresOnlyOraclesEventTypes()
    {
        var required = Enclave.Policy.Rules.Logging.CisEventTypes.All.SelectMany(c => c.EventTypes)
            .Concat(Enclave.Policy.Rules.Logging.ThreatEventTypes.All.SelectMany(t => t.EventTypes)).ToList();
        Assert.Equal([], required.Where(t => !Oracle.Contains(t)).ToArray());
    }

    /// <summary>The reference lists only what is used, and the checker aliases are not passed off as Oracle's.</summary>
    [Fact]
    public void ReferenceListsOnlyTheTypesInUse()
    {
        var used = CisEventAlerts.All.Concat(ThreatEventAlerts.All).SelectMany(a => a.EventTypes).ToHashSet(StringComparer.Ordinal);
        Assert.Equal([], Oracle.Where(t => !used.Contains(t)).ToArray());
        Assert.Equal([], Aliases.Where(Oracle.Contains).ToArray());
        Assert.Equal(2, Aliases.Count);
    }

    /// <summary>What the audit alerts watch are API operations without an event: none of them is an event type.</summary>
    [Fact]
    public void AuditAlertsWatchOperationsWithoutEvents()
    {
        var operations = AuditAlerts.All.SelectMany(a => a.Operations).ToList();
        Assert.Equal(operations.Count, operations.Distinct(StringComparer.Ordinal).Count());
        var normalised = Oracle.Select(EventTypes.Operation).ToHashSet(StringComparer.Ordinal);
        Assert.Equal([], operations.Where(o => normalised.Any(t => t.EndsWith("." + o.ToLowerInvariant(), StringComparison.Ordinal))).ToArray());
    }
}
