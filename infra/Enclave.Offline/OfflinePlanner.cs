using System.Runtime.CompilerServices;
using System.Collections.Immutable;
using Enclave.Configuration;
using Enclave.Offline.Fakes;
using Enclave.Offline.Planning;
using Enclave.Offline.Stacks;
using Enclave.Policy.Graph;
using Pulumi;
using Pulumi.Testing;

namespace Enclave.Offline;

/// <summary>
/// Runs the enclave program in-process under the SDK's mock engine with a stack's real config and the
/// <see cref="FakeCloud"/> (no account, no network), and returns the neutral resource graph.
/// Runs are serialised in-process (the SDK reads config from process-wide environment variables).
/// </summary>
public static class OfflinePlanner
{
    /// <summary>
    /// The instant the program's clock reads during an offline run. Dates the program derives from "now" (the
    /// archive's retention lock) are computed from it so that a plan is byte-for-byte reproducible across runs,
    /// days and machines; a real `pulumi up` uses the actual date.
    /// </summary>
    public static readonly DateTimeOffset ReferenceTime = FabricatedValues.ReferenceClock;

    /// <param name="repoRoot">Folder holding Pulumi.yaml and stacks/.</param>
    /// <param name="stack">Stack name (a <c>stacks/Pulumi.&lt;stack&gt;.yaml</c> must exist).</param>
    /// <param name="preview">Preview semantics (default): provider-computed outputs stay unknown, as in <c>pulumi preview</c>.</param>
    /// <exception cref="StackConfigException">The project or stack file is unreadable or malformed, or the stack is unknown.</exception>
    /// <exception cref="ConfigurationException">A config value is invalid; the message is the program's (every problem listed).</exception>
    /// <exception cref="OfflineRunException">The program failed while declaring resources.</exception>
    public static async Task<OfflineResult> RunAsync(string repoRoot, string stack, bool preview = true, CancellationToken ct = default)
    {
        // Reading the program's args and outputs needs reflection over generic types that an ahead-of-time compiled
        // build may not hold (Enclave.Cli's NativeAot publish): refuse there, before anything runs, rather than half-read.
        if (!RuntimeFeature.IsDynamicCodeSupported)
            throw new OfflineRunException(stack, "this enclave binary is compiled ahead of time (Native AOT) and cannot run the program; " +
                "use the plain build (dotnet run --project infra/Enclave.Cli -- plan STACK) or give an artifact (--state, --preview-json, --event-log, --plan)");
        var config = StackConfigFile.Load(repoRoot, stack);
        // The program validates the same way first thing; validating here keeps the error's type and problem list.
        var settings = EnclaveConfig.Load(config.Source, stack);
        ct.ThrowIfCancellationRequested();

        var mocks = new FakeCloudMocks(FakeCloud.For(settings), settings.DeploymentRegion);
        var log = new ObservationLog();
        ImmutableArray<Resource> resources;
        using (await ConfigEnvironment.EnterAsync(config, ct).ConfigureAwait(false))
        using (ResourceObserver.Observe(log.Add))
        using (EnclaveClock.Pin(ReferenceTime))
        {
            try
            {
                resources = await Deployment.TestAsync<EnclaveStack>(mocks,
                    new TestOptions { ProjectName = config.Project, StackName = stack, IsPreview = preview }).ConfigureAwait(false);
            }
            catch (RunException e)
            {
                throw new OfflineRunException(stack, e.Message);
            }
            catch (AggregateException e)
            {
                throw new OfflineRunException(stack, string.Join("\n", e.Flatten().InnerExceptions.Select(i => i.Message)));
            }
        }
        ct.ThrowIfCancellationRequested();

        var observed = log.Snapshot();
        if (observed.Count == 0 && mocks.Resources.Count > 0)
            throw new InvalidOperationException(
                "the program declared resources but none was observed: EnclaveStack must install ResourceObserver.Transformation " +
                "in its StackOptions.ResourceTransformations, and the Pulumi SDK must run stack transformations");
        var nodes = await new GraphBuilder(stack, config.Project, mocks)
            .BuildAsync(observed, resources.OfType<Stack>().FirstOrDefault()).ConfigureAwait(false);
        return new OfflineResult
        {
            Graph = new ResourceGraph(stack, config.Project, GraphOrigin.Program, nodes, config.StackFile)
            {
                // Ids, computed outputs, lookup answers and clock dates are stand-ins: reports must say so.
                Fabricated = new FabricatedValues(mocks.Lookups, ReferenceTime),
            },
            Policy = StackContext.ToPolicy(settings),
            Settings = settings,
        };
    }
}
