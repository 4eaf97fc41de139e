using Enclave.Policy.Iam;

namespace Enclave.Policy.Tests.Iam;

/// <summary>The Landing Zone statements of reference §2.3 all parse, and print back to themselves.</summary>
public sealed class LandingZoneParseTests
{
    public static TheoryData<string> Statements => new(LandingZone.All);

    [Theory]
    [MemberData(nameof(Statements))]
    public void Parses_and_round_trips(string text)
    {
        var result = PolicyParser.Parse(text);
        Assert.True(result.IsSuccess, result.Error?.Message);
        var printed = PolicyPrinter.Print(result.Value);
        Assert.Equal(result.Value, PolicyParser.Parse(printed).Value);
    }

    [Fact]
    public void The_auditor_ons_statement_keeps_its_patterns()
    {
        var s = PolicyParser.Parse(LandingZone.SecurityAndAuditRoot[^1]).Value!;
        var any = Assert.IsType<ConditionGroup>(s.Condition);
        Assert.False(any.IsAll);
        Assert.All(any.Items, c => Assert.Equal(ConditionValueKind.Pattern, ((ConditionClause)c).Values[0].Kind));
    }

    [Fact]
    public void The_service_list_statement_names_five_services()
    {
        var s = (GrantStatement)PolicyParser.Parse(LandingZone.Services[7]).Value!;
        Assert.Equal(new ServiceSubject(["blockstorage", "oke", "streaming", "FssOc1Prod", "objectstorage-us-ashburn-1"]), s.Subject);
    }

    [Fact]
    public void Canonical_print_of_a_landing_zone_statement()
    {
        var s = PolicyParser.Parse(LandingZone.AnyUserScoped[0]).Value!;
        Assert.Equal(
            "allow any-user to manage objects in compartment id ocid1.compartment.oc1..appdev where all {request.principal.type = 'serviceconnector', target.bucket.name = 'lz-audit-bucket', request.principal.compartment.id = 'ocid1.compartment.oc1..security'}",
            s.ToString());
    }
}
