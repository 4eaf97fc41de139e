#:project ../Pulumi/Pulumi.csproj
#:project ../Pulumi.Oci/Pulumi.Oci.csproj
#:project ../Pulumi.Random/Pulumi.Random.csproj
#:property Nullable=enable
// Smoke check of the generated providers under mocks (not a test project): wire names of a few resources and
// invokes as the mock monitor sees them, and which outputs are secret.
//   dotnet run sdk/tools/ProviderSmoke.cs
using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using Oci = Pulumi.Oci;
using Random = Pulumi.Random;

var mocks = new Mocks();
Output<string> pwResult = null!, adbPw = null!, adbPwState = null!, svcName = null!, ns = null!, provKey = null!;
Output<ImmutableArray<string>> vcnCidrs = null!;
Output<string> vcnDefaultRt = null!;
var resources = await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false }, () =>
{
    var home = new Oci.Provider("home", new Oci.ProviderArgs { Region = "us-ashburn-1", PrivateKey = "-----BEGIN KEY-----", DisableAutoRetries = true });
    var vcn = new Oci.Core.Vcn("vcn", new()
    {
        CompartmentId = "ocid1.compartment.oc1..x",
        CidrBlocks = { "10.0.0.0/16" },
        DisplayName = "enclave",
        DnsLabel = "enclave",
        IsIpv6enabled = false,
        FreeformTags = { { "owner", "data" } },
    }, new CustomResourceOptions { Provider = home });
    vcnCidrs = vcn.CidrBlocks;
    vcnDefaultRt = vcn.DefaultRouteTableId;
    new Oci.Core.SecurityList("sl", new()
    {
        CompartmentId = "c", VcnId = vcn.Id,
        IngressSecurityRules = { new Oci.Core.Inputs.SecurityListIngressSecurityRuleArgs { Protocol = "6", Source = "10.0.0.0/16", TcpOptions = new Oci.Core.Inputs.SecurityListIngressSecurityRuleTcpOptionsArgs { Min = 443, Max = 443 } } },
    });
    var pw = new Random.RandomPassword("pw", new() { Length = 24, Special = true, MinNumeric = 2 });
    pwResult = pw.Result;
    var adb = new Oci.Database.AutonomousDatabase("adb", new() { CompartmentId = "c", DbName = "enclave", AdminPassword = "plain-text-given" });
    adbPw = adb.AdminPassword;
    var got = Oci.Database.AutonomousDatabase.Get("adb-existing", "ocid1.adb", new Oci.Database.AutonomousDatabaseState { AdminPassword = "x" });
    adbPwState = got.AdminPassword;
    var svcs = Oci.Core.GetServices.Invoke(new() { Filters = { new Oci.Core.Inputs.GetServicesFilterInputArgs { Name = "name", Values = { "All .* Services In Oracle Services Network" }, Regex = true } } });
    svcName = svcs.Apply(s => s.Services[0].CidrBlock);
    ns = Output.Create(Oci.ObjectStorage.GetNamespace.InvokeAsync(new() { CompartmentId = "t" })).Apply(r => r.Namespace);
    provKey = home.PrivateKey;
    return Task.CompletedTask;
});

string Show(object? o) => o switch
{
    null => "null",
    string s => $"\"{s}\"",
    System.Collections.IDictionary d => "{" + string.Join(", ", d.Keys.Cast<object>().OrderBy(k => k.ToString()).Select(k => $"{k}: {Show(d[k])}")) + "}",
    System.Collections.IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Show)) + "]",
    _ => o.ToString() ?? "",
};
foreach (var r in mocks.Registered) Console.WriteLine($"{r.Type} {r.Name} provider={(r.Provider is null ? "-" : "set")} inputs={Show(r.Inputs)}");
foreach (var c in mocks.Calls) Console.WriteLine($"invoke {c.Token} args={Show(c.Args)}");
async Task<string> S<T>(Output<T> o) { var v = await Pulumi.Utilities.OutputUtilities.GetValueAsync(o); return $"{Show(v)} secret={await Output.IsSecretAsync(o)}"; }
Console.WriteLine("vcn.cidrBlocks " + await S(vcnCidrs));
Console.WriteLine("vcn.defaultRouteTableId " + await S(vcnDefaultRt));
Console.WriteLine("pw.result " + await S(pwResult));
Console.WriteLine("adb.adminPassword " + await S(adbPw));
Console.WriteLine("adb(get).adminPassword " + await S(adbPwState));
Console.WriteLine("services[0].cidrBlock " + await S(svcName));
Console.WriteLine("namespace " + await S(ns));
Console.WriteLine("provider.privateKey " + await S(provKey));
Console.WriteLine($"resources: {resources.Length}");

// Expectations: official wire names, and the schema-secret values secret however they were given.
var failures = new List<string>();
void Check(bool ok, string what) { if (!ok) failures.Add(what); }
var vcnInputs = mocks.Registered.Single(r => r.Type == "oci:Core/vcn:Vcn").Inputs;
Check(vcnInputs.Keys.OrderBy(k => k, StringComparer.Ordinal).SequenceEqual(["cidrBlocks", "compartmentId", "displayName", "dnsLabel", "freeformTags", "isIpv6enabled"]), "Vcn input wire names");
Check(mocks.Registered.Single(r => r.Type == "pulumi:providers:oci").Inputs["disableAutoRetries"] is "true", "ProviderArgs json input");
Check(await Output.IsSecretAsync(pwResult), "RandomPassword.result secret");
Check(await Output.IsSecretAsync(adbPw) && await Output.IsSecretAsync(adbPwState), "AutonomousDatabase.adminPassword secret");
Check(await Output.IsSecretAsync(provKey), "Provider.privateKey secret");
Check(!await Output.IsSecretAsync(vcnCidrs), "Vcn.cidrBlocks not secret");
Check(await Pulumi.Utilities.OutputUtilities.GetValueAsync(svcName) == "all-iad-services-in-oracle-services-network", "GetServices result");
foreach (var f in failures) Console.Error.WriteLine("FAILED: " + f);
Console.WriteLine(failures.Count == 0 ? "smoke: ok" : $"smoke: {failures.Count} failed");
return failures.Count == 0 ? 0 : 1;

class Mocks : IMocks
{
    public List<MockResourceArgs> Registered { get; } = new();
    public List<MockCallArgs> Calls { get; } = new();
    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        lock (Registered) Registered.Add(args);
        var state = args.Inputs;
        if (args.Type == "random:index/randomPassword:RandomPassword") state = state.Add("result", "generated-pw");
        if (args.Type == "oci:Core/vcn:Vcn") state = state.Add("defaultRouteTableId", "ocid1.rt");
        return Task.FromResult<(string?, object)>((args.Id ?? args.Name + "-id", state));
    }
    public Task<object> CallAsync(MockCallArgs args)
    {
        lock (Calls) Calls.Add(args);
        object result = args.Token switch
        {
            "oci:Core/getServices:getServices" => ImmutableDictionary<string, object>.Empty.Add("id", "svc").Add("services",
                ImmutableArray.Create<object>(ImmutableDictionary<string, object>.Empty.Add("cidrBlock", "all-iad-services-in-oracle-services-network").Add("id", "ocid1.svc").Add("name", "All"))),
            "oci:ObjectStorage/getNamespace:getNamespace" => ImmutableDictionary<string, object>.Empty.Add("id", "ns").Add("namespace", "axyz"),
            _ => ImmutableDictionary<string, object>.Empty,
        };
        return Task.FromResult(result);
    }
}
