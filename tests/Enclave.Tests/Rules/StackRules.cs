using System.Reflection;
using Enclave.Tests.Support;
using Pulumi;
using Pulumi.Oci.Database;
using Pulumi.Utilities;

namespace Enclave.Tests.Rules;

/// <summary>Rules across the whole program: protection, parenting, secrets, stack outputs.</summary>
public static class StackRules
{
    /// <summary>Resources whose loss loses data or evidence (logs are audit evidence, like their groups).</summary>
    public static readonly string[] DataBearingTypes =
        [Oci.AutonomousDatabase, Oci.Vault, Oci.Key, Oci.Bucket, Oci.LogGroup, Oci.Log, Oci.Compartment];

    public static IReadOnlyList<string> DataBearingResourcesAreProtected(IEnumerable<Observed> observations)
    {
        var check = new Check();
        var list = observations.ToList();
        foreach (var type in DataBearingTypes)
            check.That(list.Any(o => o.Type == type), $"no {type} observed");
        foreach (var o in list.Where(o => DataBearingTypes.Contains(o.Type)))
            check.That(o.Options.Protect == true, $"{o} is not protected");
        return check.Violations;
    }

    public static IReadOnlyList<string> EveryResourceHasComponentParent(Deployed d, IEnumerable<Observed> observations)
    {
        var check = new Check();
        // The stack's own transformations also see the stack resource, which the mock engine never registers.
        var list = observations.Where(o => o.Resource is not Stack).ToList();
        check.That(list.Count == d.Resources.Length, $"{list.Count} resources observed, {d.Resources.Length} registered");
        foreach (var o in list)
        {
            var parent = o.Options.Parent;
            if (o.Resource is CustomResource)
                check.That(parent is ComponentResource and not Stack, $"{o} is not parented to a component (parent: {parent?.GetResourceName() ?? "none"})");
            else
                check.That(parent is null or Stack or ComponentResource, $"{o} has parent {parent}");
        }
        return check.Violations;
    }

    /// <summary>
    /// The database admin password is a secret Output that comes from the generated RandomPassword. (The provider
    /// SDK also marks <c>adminPassword</c> secret on assignment, so secrecy is guaranteed once it goes there; what
    /// the program controls is that the value is the generated one, never a literal or a config value.)
    /// </summary>
    public static async Task<IReadOnlyList<string>> AdminPasswordIsGeneratedSecret(IEnumerable<Observed> observed)
    {
        var check = new Check();
        var list = observed.ToList();
        var generators = list.Where(o => o.Type == Oci.RandomPassword).Select(o => o.Resource).ToHashSet();
        var databases = list.Where(o => o.Type == Oci.AutonomousDatabase).Select(o => (AutonomousDatabaseArgs)o.Args).ToList();
        check.That(databases.Any(a => a.Source is null), "no primary Autonomous Database declared");
        foreach (var db in databases)
            check.That(db.AdminPassword is null, "the database is handed the admin password itself, not its vault secret");
        var secrets = list.Where(o => o.Type == Oci.Secret).Select(o => (Pulumi.Oci.Vault.SecretArgs)o.Args).ToList();
        check.That(secrets.Count == 1, $"{secrets.Count} vault secrets declared");
        foreach (var secret in secrets)
        {
            if (secret.SecretContent is null)
            {
                check.That(false, "the vault secret has no content");
                continue;
            }
            // The whole content block must be secret: a plan or diff shows top-level inputs.
            Output<Pulumi.Oci.Vault.Inputs.SecretSecretContentArgs> content = secret.SecretContent;
            check.That(await Output.IsSecretAsync(content), "the admin password is stored in plain text");
            var sources = await OutputUtilities.GetDependenciesAsync(content);
            check.That(sources.Any(generators.Contains), "the admin password does not come from the generated RandomPassword");
        }
        return check.Violations;
    }

    /// <summary>The generated password's plain text appears in no input except the database's admin password.</summary>
    public static IReadOnlyList<string> PlaintextPasswordAppearsNowhereElse(Deployed d)
    {
        var check = new Check();
        var secrets = d.GeneratedSecrets;
        check.That(secrets.Count > 0, "no generated password");
        foreach (var r in d.Resources)
        {
            var inputs = r.Type == Oci.AutonomousDatabase ? r.Inputs.Remove("adminPassword") : r.Inputs;
            foreach (var text in Values.AllStrings(inputs))
                check.That(!secrets.Any(s => text.Contains(s, StringComparison.Ordinal)), $"{r.Where()} contains the admin password");
        }
        return check.Violations;
    }

    /// <summary>Stack outputs as (value, secret) by output name.</summary>
    public static async Task<Dictionary<string, (object? Value, bool Secret)>> OutputsOf(EnclaveStack stack)
    {
        var outputs = new Dictionary<string, (object?, bool)>();
        foreach (var property in typeof(EnclaveStack).GetProperties())
        {
            if (property.GetCustomAttribute<OutputAttribute>() is not { } attribute) continue;
            var output = property.GetValue(stack)!;
            var valueType = output.GetType().GetGenericArguments()[0];
            var value = await Await(typeof(OutputUtilities).GetMethod(nameof(OutputUtilities.GetValueAsync))!, valueType, output);
            var secret = (bool)(await Await(typeof(Output).GetMethod(nameof(Output.IsSecretAsync))!, valueType, output))!;
            outputs[attribute.Name ?? property.Name] = (value, secret);
        }
        return outputs;

        static async Task<object?> Await(MethodInfo method, Type type, object output)
        {
            var task = (Task)method.MakeGenericMethod(type).Invoke(null, [output])!;
            await task;
            return task.GetType().GetProperty("Result")!.GetValue(task);
        }
    }

    public static IReadOnlyList<string> StackOutputsExposeReviewerIdsWithoutSecrets(Deployed d,
        IReadOnlyDictionary<string, (object? Value, bool Secret)> outputs)
    {
        var check = new Check();
        var homeTopic = d.OfType(Oci.Topic).FirstOrDefault(t => d.RegionOf(t) == d.Settings.HomeRegion);
        var expected = new Dictionary<string, string?>
        {
            ["topCompartmentId"] = d.CompartmentId("top"),
            ["vaultId"] = d.OfType(Oci.Vault).FirstOrDefault(v => d.RegionOf(v) == d.Settings.DeploymentRegion)?.Id,
            ["vcnId"] = d.OfType(Oci.Vcn).FirstOrDefault(v => d.RegionOf(v) == d.Settings.DeploymentRegion)?.Id,
            ["databaseId"] = d.PrimaryDatabase()?.Id,
            ["databasePrivateEndpointLabel"] = d.PrimaryDatabase()?.Str("privateEndpointLabel"),
            ["archiveBucketName"] = d.ArchiveBucket()?.Str("name"),
            // The archive connector, not the audit-alert one: registration order between the two is not fixed.
            ["serviceConnectorId"] = d.Archives().Select(a => a.Connector).FirstOrDefault(c => d.RegionOf(c) == d.Settings.DeploymentRegion)?.Id,
            ["notificationTopicId"] = homeTopic?.Id,
        };
        foreach (var (name, value) in expected)
            check.That(value is not null && outputs.TryGetValue(name, out var o) && Equals(o.Value, value),
                $"output {name} is '{(outputs.TryGetValue(name, out var actual) ? actual.Value : "missing")}', expected '{value}'");
        // Every region's archive, so reviewers find the IAM events of a home region and the standby's flow logs too.
        var archives = d.Archives().Where(a => a.Bucket is not null)
            .ToDictionary(a => d.RegionOf(a.Connector), a => a.Bucket!.Str("name"));
        var published = outputs.TryGetValue("archiveBucketNames", out var map) && map.Value is IReadOnlyDictionary<string, string> names
            ? names : new Dictionary<string, string>();
        check.That(archives.Count > 0 && archives.Count == published.Count &&
                   archives.All(a => published.TryGetValue(a.Key, out var n) && n == a.Value),
            $"output archiveBucketNames is {{{string.Join(", ", published.Select(p => $"{p.Key}: {p.Value}"))}}}, " +
            $"expected {{{string.Join(", ", archives.Select(a => $"{a.Key}: {a.Value}"))}}}");
        var secrets = d.GeneratedSecrets;
        foreach (var (name, (value, secret)) in outputs)
        {
            check.That(!secret, $"output {name} is a secret: reviewers cannot read it and it should not be an output");
            check.That(!Values.AllStrings(value).Any(t => secrets.Any(p => t.Contains(p, StringComparison.Ordinal))),
                $"output {name} contains the admin password");
        }
        return check.Violations;
    }
}
