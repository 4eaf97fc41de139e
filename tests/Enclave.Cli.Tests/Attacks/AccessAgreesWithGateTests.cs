using System.Text.Json;
using Enclave.Cli.Common;
using Enclave.Cli.Tests.Attacks.Framework;
using Enclave.Cli.Tests.Plan;

namespace Enclave.Cli.Tests.Attacks;

/// <summary>
/// `enclave access` tells the gate's truth row by row: a data grant the gate fails for where it reaches (ENC-IAM-080) or
/// for whom its condition admits (ENC-IAM-090) is a violation in the table too, not "allowed" because the persona's
/// ceiling (ENC-IAM-008/009) lets the verb through; the operators' own grant stays allowed.
/// </summary>
[Collection(ProgramRunCollection.Name)]
public class AccessAgreesWithGateTests
{
    private const string Guard = "where all {request.networkSource.name = 'usde-prod-gatekeeper-networks', request.user.mfaTotpVerified = 'true'}";
    private const string Operators = "group 'UsdsEnclave'/'usde-prod-db-operators'";

    private static async Task<List<(string Type, string Verdict, string Access)>> RowsOf(Func<Prod, string> statement)
    {
        var prod = new Prod(await ProdBaseline.GetAsync());
        var text = statement(prod);
        if (!prod.Resource("iam-operators").Inputs["statements"]!.AsArray().Any(s => s!.GetValue<string>() == text))
            prod.Resource("iam-operators").Append("statements", text);
        var dir = Directory.CreateTempSubdirectory("enclave-access-").FullName;
        try
        {
            var file = Path.Combine(dir, "prod-export.json");
            await File.WriteAllTextAsync(file, Artifacts.Write(prod, Form.Export));
            var stdout = new StringWriter();
            var code = await CliApp.RunAsync(["access", ProdBaseline.Stack, "--state", file, "--format", "json", "--repo", ProdBaseline.RepoRoot],
                new CliServices(new OfflineStackSource(), () => AttackRunner.Today), stdout, new StringWriter());
            Assert.Equal(0, code);
            using var doc = JsonDocument.Parse(stdout.ToString());
            return doc.RootElement.GetProperty("rows").EnumerateArray()
                .Where(r => r.GetProperty("statementText").GetString() == text && r.GetProperty("effect").GetString() == "allow")
                .Select(r => (r.GetProperty("iamType").GetString()!, r.GetProperty("verdict").GetString()!, r.GetProperty("access").GetString()!)).ToList();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Id(Prod p, string name) => p.Resource(name).Json["id"]!.GetValue<string>();

    public static TheoryData<string> BeyondReach => new()
    {
        "the operators read objects in the enclave's top compartment (the log archive's included)",
        "the operators read objects tenancy-wide by permission",
        "any resource placed in the database compartment reads every bucket's objects",
        "the operators' object grant placed by the tenancy's OCID as a compartment id",
        "the security compartment's connectors read the user-data bucket",
    };

    private static string Statement(string name, Prod p) => name switch
    {
        "the operators read objects in the enclave's top compartment (the log archive's included)" =>
            $"allow {Operators} to read objects in compartment id {Id(p, "tenancy-top")} {Guard}",
        "the operators read objects tenancy-wide by permission" => $"allow {Operators} to {{OBJECT_READ}} in tenancy {Guard}",
        "the operators' object grant placed by the tenancy's OCID as a compartment id" =>
            $"allow {Operators} to read objects in compartment id {p.Resource("iam-gatekeeper-networks").Inputs["compartmentId"]!.GetValue<string>()} {Guard}",
        "the security compartment's connectors read the user-data bucket" =>
            $"allow any-user to read objects in compartment id {Id(p, "tenancy-app")} where all {{request.principal.type = 'serviceconnector', " +
            $"request.principal.compartment.id = '{Id(p, "tenancy-security")}', target.bucket.name = 'usde-prod-user-data'}}",
        _ => $"allow any-user to read objects in tenancy where request.principal.compartment.id = '{Id(p, "tenancy-database")}'",
    };

    [Theory]
    [MemberData(nameof(BeyondReach))]
    public async Task A_grant_the_gate_fails_for_its_reach_is_no_allowed_row(string name)
    {
        var rows = await RowsOf(p => Statement(name, p));
        Assert.Contains(rows, r => r.Type == "objects");
        Assert.All(rows.Where(r => r.Type == "objects"), r => Assert.Equal("violation", r.Verdict));
    }

    [Fact]
    public async Task The_operators_own_object_grant_stays_allowed()
    {
        var rows = await RowsOf(p => p.Resource("iam-operators").Inputs["statements"]!.AsArray()
            .Select(s => s!.GetValue<string>()).Single(s => s.Contains("object-family", StringComparison.Ordinal)));
        Assert.Contains(rows, r => r.Type == "objects");
        Assert.All(rows, r => Assert.Equal("allowed", r.Verdict));
    }

    /// <summary>
    /// The gate places each permission of a list on the type it acts on (DataPermissions) and passes a list that lands on
    /// no data; the table showed {DOMAIN_UPDATE} as the gatekeepers managing the database, the keys and every bucket (88
    /// "allowed" rows of noise), and {OBJECT_READ} as managing objects.
    /// </summary>
    [Fact]
    public async Task A_permission_list_is_a_row_only_where_its_permissions_act()
    {
        var domain = await RowsOf(_ => $"allow group 'UsdsEnclave'/'usde-prod-gatekeepers' to {{DOMAIN_UPDATE}} in tenancy {Guard}");
        Assert.Empty(domain);
        var read = await RowsOf(p => $"allow {Operators} to {{OBJECT_READ}} in compartment id {Id(p, "tenancy-app")} {Guard}");
        Assert.Contains(read, r => r.Type == "objects" && r.Access == "read");
        Assert.All(read, r => Assert.True(r.Type == "objects" && r.Access == "read", $"{r.Type} at {r.Access}"));
    }
}
