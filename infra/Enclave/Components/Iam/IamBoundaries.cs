using Enclave.Configuration;
using Enclave.Components.Data;
using Enclave.Components.Keys;
using Enclave.Components.Tenancy;
using Pulumi;
using Pulumi.Oci.Identity;

namespace Enclave.Components.Iam;

/// <summary>
/// IAM boundaries (item 6): the persona groups, the database's dynamic group, the network source of gatekeeper CIDRs
/// and the policies. Root policies hold only what OCI accepts nowhere else; everything else is attached to the
/// enclave's top compartment and scoped to one child compartment. No admit/endorse/define statement exists, and no
/// statement, group or rule names an excluded parent-company identity. IAM lives in the home region.
/// </summary>
public sealed class IamBoundaries : EnclaveComponent
{
    public const string Type = "us-data-enclave:iam:Boundaries";

    public Output<string> NetworkSourceId { get; }

    /// <summary>What must exist before the database can use its vault key: its dynamic group and that group's grant.</summary>
    public IReadOnlyList<Resource> DatabaseKeyGrant { get; }

    /// <summary>What must exist before Object Storage can encrypt the application buckets with the buckets key.</summary>
    public IReadOnlyList<Resource> BucketsKeyGrant { get; }

    public IamBoundaries(string name, EnclaveSettings settings, ProviderResource home, EnclaveCompartments compartments,
        VaultAndKeys keys, ComponentResourceOptions? options = null)
        : base(Type, name, options)
    {
        var groups = settings.Groups;
        var personas = Personas.Of(settings);
        var prerequisites = new List<Resource>();

        // The persona groups, as code: in the Default domain as IAM groups, in a named identity domain as domain groups
        // (membership stays the gatekeepers' to manage in the domain, so the program never resets it).
        var domainUrl = groups.IdentityDomain is { } domain
            ? IdentityHygiene.DomainUrl(settings.TenancyOcid, domain, groups.IdentityDomainUrl, InvokeOptionsFor(home))
            : null;
        // Stryker disable String : from here to "restore", every string literal is a resource name or description (docs/testing.md)
        prerequisites.Add(NewGroup("gatekeepers", groups.Gatekeeper, "US data-security team: sole IAM administrators."));
        prerequisites.Add(NewGroup("operators", groups.Operator, "Database operators of the US data enclave."));
        prerequisites.Add(NewGroup("auditors", groups.Auditor, "US oversight: read-only auditors of the enclave."));
        prerequisites.Add(NewGroup("storage-admins", groups.StorageAdmin, "The only group that may delete buckets and objects."));

        var databaseGroup = new DynamicGroup(ChildName("adb-dynamic-group"), new DynamicGroupArgs
        {
            CompartmentId = settings.TenancyOcid,
            Name = personas.DatabaseDynamicGroup,
            Description = "Autonomous Databases of the enclave (resource principal for the vault key).",
            MatchingRule = compartments.Database.Apply(EnclaveStatements.DatabaseMatchingRule),
        }, ChildOptions(home));
        prerequisites.Add(databaseGroup);

        var networkSource = new NetworkSource(ChildName("gatekeeper-networks"), new NetworkSourceArgs
        {
            CompartmentId = settings.TenancyOcid,
            Name = personas.NetworkSource,
            Description = "Gatekeeper networks: console and API access to the enclave only from here.",
            PublicSourceLists = settings.GatekeeperCidrs,
        }, ChildOptions(home));
        prerequisites.Add(networkSource);
        NetworkSourceId = networkSource.Id;
        var auditorNetworks = new NetworkSource(ChildName("auditor-networks"), new NetworkSourceArgs
        {
            CompartmentId = settings.TenancyOcid,
            Name = personas.AuditorNetworkSource,
            Description = "US oversight networks: auditors' console and API access to the enclave only from here.",
            PublicSourceLists = settings.AuditorCidrs,
        }, ChildOptions(home));
        prerequisites.Add(auditorNetworks);
        new AuthenticationPolicy(ChildName("password-policy"),
            IdentityHygiene.PasswordPolicy(settings.TenancyOcid, networkSource.Id, auditorNetworks.Id), ChildOptions(home));

        var scope = ResolveScope(compartments, keys, AdminSecret.NameFor(settings));
        Policy Root(string local, string description, IReadOnlyList<string> statements) =>
            NewPolicy(local, settings.TenancyOcid, description, Output.Create(statements), prerequisites);
        Policy Enclave(string local, string description, Func<IamScope, IReadOnlyList<string>> statements) =>
            NewPolicy(local, compartments.Top, description, scope.Apply(statements), prerequisites);

        Root("gatekeepers-root", "Gatekeepers: sole administrators of IAM objects (tenancy scope).",
            TenancyStatements.Gatekeeper(personas));
        Root("auditors-root", "Auditors: read-only view of tenancy-level IAM, audit and Cloud Guard.",
            TenancyStatements.Auditor(personas));
        Root("services-root", "Cloud Guard service access (tenancy scope).", TenancyStatements.Services());
        Enclave("gatekeepers", "Gatekeepers: enclave security, network and key administration.",
            s => EnclaveStatements.Gatekeeper(personas, s));
        Enclave("operators", "Database operators: run the database, no deletes.",
            s => EnclaveStatements.Operator(personas, s));
        Enclave("storage-admins", "Storage admins: the only bucket and object deletes.",
            s => EnclaveStatements.StorageAdmin(personas, s));
        Enclave("auditors", "Auditors: read-only oversight of the enclave.",
            s => EnclaveStatements.Auditor(personas, s));
        var databaseKey = Enclave("adb-kms", "The database's resource principal uses its vault key.",
            s => EnclaveStatements.DatabaseResourcePrincipal(personas, s));
        DatabaseKeyGrant = [databaseGroup, databaseKey];
        BucketsKeyGrant = [Enclave("services", "Object Storage encrypts the application buckets with the buckets key.",
            s => EnclaveStatements.Services(settings.DeploymentRegion, s))];
        // Stryker restore String
        RegisterOutputs();

        CustomResource NewGroup(string local, string groupName, string description)
        {
            if (domainUrl is null)
                return new Group(ChildName(local), new GroupArgs
                {
                    CompartmentId = settings.TenancyOcid,
                    Name = groupName,
                    Description = description,
                }, ChildOptions(home));
            var options = ChildOptions(home);
            options.IgnoreChanges.Add("members");
            return new DomainsGroup(ChildName(local), IdentityHygiene.Group(domainUrl, groupName, description), options);
        }

        Policy NewPolicy(string local, Input<string> attachedTo, string description,
            Output<IReadOnlyList<string>> statements, IEnumerable<Resource> dependsOn) =>
            new(ChildName(local), new PolicyArgs
            {
                CompartmentId = attachedTo,
                Name = Naming.Display(settings.NamePrefix, $"{local}-policy"),
                Description = description,
                Statements = statements.Apply(list => list.ToList()),
            }, ChildOptions(home, dependsOn: dependsOn));
    }

    private static Output<IamScope> ResolveScope(EnclaveCompartments c, VaultAndKeys k, string adminSecretName) =>
        Output.All(c.Top, c.Network, c.Security, c.Database, c.App, k.DatabaseKeyId, k.BucketsKeyId)
            .Apply(ids => new IamScope(ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6], adminSecretName));
}
