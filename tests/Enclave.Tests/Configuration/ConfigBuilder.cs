using System.Text.Json.Nodes;
using Enclave.Configuration;

namespace Enclave.Tests.Configuration;

/// <summary>A valid stack config (the engine's flat <c>ns:key → string</c> form) that each test breaks in one place.</summary>
internal sealed class ConfigBuilder
{
    private const string Ns = "us-data-enclave:";
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal)
    {
        ["oci:region"] = "us-ashburn-1",
        ["oci:tenancyOcid"] = "ocid1.tenancy.oc1..aaaaaaaaexampledevtenancy00000000000000000000000000000000000",
        [Ns + "homeRegion"] = "us-ashburn-1",
        [Ns + "namePrefix"] = "usde-dev",
        [Ns + "allowedRegions"] = """["us-ashburn-1","us-phoenix-1"]""",
        [Ns + "gatekeeperCidrs"] = """["198.51.100.0/28"]""",
        [Ns + "auditorCidrs"] = """["198.51.100.160/28"]""",
        [Ns + "notificationEmails"] = """["gatekeepers@usdata.example"]""",
        [Ns + "network"] = """
            {"vcnCidr":"10.10.0.0/16","dataSubnetCidr":"10.10.1.0/24","appSubnetCidr":"10.10.2.0/24",
             "adminSubnetCidr":"10.10.3.0/24","serviceGateway":"object-storage","onPremCidrs":["172.16.0.0/20"]}
            """,
        [Ns + "groups"] = """
            {"gatekeeper":"usde-gatekeepers","operator":"usde-db-operators","auditor":"usde-auditors",
             "storageAdmin":"usde-storage-admins"}
            """,
        [Ns + "parentExclusions"] = """
            {"tenancyOcids":["ocid1.tenancy.oc1..aaaaaaaaexampleparentcotenancy000000000000000000000000000000"],
             "identityDomains":["ParentCo"],
             "groups":["ParentCo/Administrators","ParentCo-GlobalAdmins"],
             "identityProviders":["ParentCoOkta"],
             "emailDomains":["parentco.example"],
             "cidrs":["203.0.113.0/24","10.128.0.0/12"]}
            """,
        [Ns + "database"] = """
            {"dbName":"usdedev","workload":"OLTP","computeCount":2,"storageTbs":1,"backupRetentionDays":7,
             "localDataGuard":true,"standbyRegion":"us-phoenix-1"}
            """,
        [Ns + "logging"] = """{"logRetentionDays":90,"archiveRetentionDays":365}""",
        [Ns + "vault"] = """{"type":"VIRTUAL_PRIVATE","keyRotationDays":90}""",
    };

    public const string ParentTenancy = "ocid1.tenancy.oc1..aaaaaaaaexampleparentcotenancy000000000000000000000000000000";

    /// <summary>Sets a top-level key to its raw engine string (JSON text for lists and objects).</summary>
    public ConfigBuilder Set(string key, string raw)
    {
        _values[FullKey(key)] = raw;
        return this;
    }

    public ConfigBuilder Remove(string key)
    {
        _values.Remove(FullKey(key));
        return this;
    }

    /// <summary>Sets <c>key.field</c> of an object key to a JSON value (e.g. <c>"\"10.0.0.0/8\""</c>, <c>5</c>), or removes it when null.</summary>
    public ConfigBuilder Field(string key, string field, string? json)
    {
        var full = FullKey(key);
        var obj = JsonNode.Parse(_values[full])!.AsObject();
        if (json is null) obj.Remove(field);
        else obj[field] = JsonNode.Parse(json);
        _values[full] = obj.ToJsonString();
        return this;
    }

    public IReadOnlyDictionary<string, string> Values => _values;

    public ConfigResult Parse(string stack = "dev") => EnclaveConfig.Parse(new DictionaryConfigSource(_values), stack);

    private static string FullKey(string key) => key.Contains(':') ? key : Ns + key;
}
