using Enclave.Engine.Tests.FakeEngine;
using Enclave.Engine.Tests.Running;
using Pulumirpc;

namespace Enclave.Engine.Tests.Conformance;

/// <summary>
/// What every successful run of every program must show on the wire, whatever the program declares. Each check
/// fails with the run's output, the engine errors and the protocol violations, so a failure explains itself.
/// </summary>
public static class ConformanceChecks
{
    /// <summary>Versions of the provider packages the sdk/ subset mirrors: the engine loads exactly these plugins.</summary>
    public static readonly IReadOnlyDictionary<string, string> ProviderVersions = new Dictionary<string, string>
    {
        ["oci"] = "4.20.0",
        ["random"] = "4.21.1",
    };

    public static void Succeeded(EngineRun run)
    {
        Assert.False(run.Exit.TimedOut, run.Describe());
        Assert.True(run.Exit.ExitCode == 0, run.Describe());
        Assert.True(run.Recording.Errors.Count() == 0, run.Describe());
        // The SDK warns when a response value does not fit the output's type: a deserialization problem.
        var warnings = run.Recording.Logs.Where(l => l.Severity == LogSeverity.Warning).Select(l => l.Message).ToList();
        Assert.True(warnings.Count == 0, "warnings:\n" + string.Join("\n", warnings));
        Assert.True(run.Recording.Violations.IsEmpty, run.Describe());
        Assert.True(run.Recording.ShutdownSignals == 1, $"SignalAndWaitForShutdown was called {run.Recording.ShutdownSignals} times\n{run.Describe()}");
    }

    public static void StackFirstAndEverythingParented(EngineRun run)
    {
        var registrations = run.Recording.Registrations;
        Assert.NotEmpty(registrations);
        var stack = registrations[0];
        Assert.Equal(Urns.RootStackType, stack.Type);
        Assert.Equal($"{run.Options.Project}-{run.Options.Stack}", stack.Name);
        Assert.Equal("", stack.Request.Parent);
        Assert.False(stack.Request.Custom);
        Assert.Equal(run.StackUrn, stack.Urn);

        var seen = new HashSet<string> { stack.Urn };
        foreach (var registration in registrations.Skip(1))
        {
            Assert.True(seen.Contains(registration.Request.Parent),
                $"{registration.Type} '{registration.Name}' has parent '{registration.Request.Parent}', which was not registered before it");
            seen.Add(registration.Urn);
        }
        Assert.Single(registrations, r => r.Type == Urns.RootStackType);
    }

    /// <summary>Custom resources: 3-part tokens of the mirrored packages, each with its package's plugin version.</summary>
    public static void TypeTokensAndProviderVersions(EngineRun run)
    {
        foreach (var registration in run.Recording.Registrations.Where(r => r.Request.Custom))
        {
            var package = registration.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal)
                ? registration.Type["pulumi:providers:".Length..]
                : registration.Type.Split(':')[0];
            Assert.True(ProviderVersions.TryGetValue(package, out var version),
                $"{registration.Type} '{registration.Name}' belongs to package '{package}', which the sdk/ subset does not mirror");
            Assert.Equal(3, registration.Type.Split(':').Length);
            Assert.True(version == registration.Request.Version,
                $"{registration.Type} '{registration.Name}' asks for plugin version '{registration.Request.Version}', expected {version}");
        }
        foreach (var invoke in run.Recording.Invokes)
        {
            Assert.True(ProviderVersions[invoke.Tok.Split(':')[0]] == invoke.Version, $"invoke {invoke.Tok} asks for version '{invoke.Version}'");
        }
    }

    /// <summary>
    /// Every registration asks for secrets and result reporting, so outputs keep their secrecy and failures are
    /// reported, not thrown; and, like the official SDK 3.112.1, none claims to support partial values (the engine then
    /// leaves outputs that contain unknowns out of its preview answers).
    /// </summary>
    public static void ProtocolFlags(EngineRun run)
    {
        foreach (var registration in run.Recording.Registrations)
        {
            Assert.True(registration.Request.AcceptSecrets, $"{registration.Name}: acceptSecrets");
            Assert.True(registration.Request.SupportsResultReporting, $"{registration.Name}: supportsResultReporting");
            Assert.False(registration.Request.SupportsPartialValues, $"{registration.Name}: supportsPartialValues is set");
        }
    }

    /// <summary>A preview may send the unknown sentinel; an update never does (everything is known by then).</summary>
    public static void UnknownsOnlyInPreview(EngineRun run)
    {
        if (run.DryRun)
        {
            return;
        }
        foreach (var registration in run.Recording.Registrations)
        {
            Assert.False(Wire.ContainsUnknown(registration.Request.Object), $"{registration.Type} '{registration.Name}' sent an unknown value in an update");
            Assert.DoesNotContain(Wire.Unknown, registration.Request.Provider);
        }
        foreach (var outputs in run.Recording.Outputs)
        {
            Assert.False(Wire.ContainsUnknown(outputs.Outputs), $"outputs of {outputs.Urn} contain an unknown value in an update");
        }
    }

    /// <summary>The stack's outputs are registered exactly once, after everything else was registered.</summary>
    public static RegisterResourceOutputsRequest StackOutputs(EngineRun run)
    {
        var stackOutputs = Assert.Single(run.Recording.Outputs, o => o.Urn == run.StackUrn);
        return stackOutputs;
    }

    /// <summary>The plain text of <paramref name="secret"/> appears nowhere but inside secret wrappers, logs and console included.</summary>
    public static void SecretNeverInPlainText(EngineRun run, string secret)
    {
        foreach (var registration in run.Recording.Registrations)
        {
            Assert.DoesNotContain(secret, Wire.PlainStrings(registration.Request.Object));
        }
        foreach (var outputs in run.Recording.Outputs)
        {
            Assert.DoesNotContain(secret, Wire.PlainStrings(outputs.Outputs));
        }
        Assert.DoesNotContain(run.Recording.Logs, l => l.Message.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(secret, run.Exit.Stdout + run.Exit.Stderr);
    }
}
