using System.Collections.Immutable;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders.Json;
using Enclave.Policy.Review.Plan;
using Enclave.Policy.Review.Values;
using Enclave.Policy.Rules;

namespace Enclave.Policy.Loaders.Readers;

/// <summary>
/// Streams an <c>enclave-plan</c> document (<see cref="PlanJsonWriter"/> writes it). A plan can be committed and so
/// edited by a pull request: every field is typed strictly (<c>"custom": "true"</c> is refused), each resource's
/// type and name must be those its URN spells, its URNs those of the plan's stack, unique and free of parent
/// cycles, and <c>resourceCount</c> must be the number of resources.
/// </summary>
internal static class PlanReader
{
    private const int FormatVersion = 0, Kind = 1, Stack = 2, Project = 3, ResourceCount = 4, Resources = 5, Policy = 6;
    private static readonly FieldSet RootFields = FieldSet.Exact("formatVersion", "kind", "stack", "project", "resourceCount", "resources", "policy");

    public static PlanDocument Read(ref JsonCursor c)
    {
        c.Next();
        c.IsObject("a plan object", nullable: false);
        var seen = new FieldSet.Seen();
        long? version = null, count = null;
        string? kind = null, stack = null, project = null;
        var graph = new GraphIntegrity("resource", i => $"$.resources[{i}]");
        var policy = PolicySummary.Empty;
        var standIns = new StandIns();
        while (c.NextProperty())
        {
            var field = c.Field(RootFields, ref seen, out var key);
            switch (field)
            {
                case FormatVersion: version = c.Integer("the format version number"); break;
                case Kind: kind = c.OptionalText("the string \"enclave-plan\""); break;
                case Stack: stack = c.OptionalText("the stack name string"); break;
                case Project: project = c.OptionalText("the project name string"); break;
                case ResourceCount: count = c.Integer("the number of resources"); break;
                case Resources:
                    c.IsList("a list of resources", nullable: false);
                    c.Path.Push(0);
                    for (var i = 0; c.NextItem(); i++)
                    {
                        c.Path.SetIndex(i);
                        graph.Add(PlanResourceReader.Read(ref c, standIns), i, ref c);
                    }
                    c.Path.Pop();
                    break;
                case Policy: policy = PlanPolicyReader.Read(ref c); break;
                default: c.Skip(); break;
            }
            c.Path.Pop();
        }

        if (kind != PlanDocument.Kind) throw At(ref c, "kind", $"not an enclave plan document (expected \"kind\": \"{PlanDocument.Kind}\")");
        if (version is null || version < PlanDocument.OldestReadableVersion || version > PlanDocument.FormatVersion)
            throw At(ref c, "formatVersion", $"unsupported plan formatVersion {(version is null ? "(missing)" : version)}; this enclave reads versions " +
                                             $"{PlanDocument.OldestReadableVersion} to {PlanDocument.FormatVersion} (re-run `enclave plan --format json` with this version)");
        if (stack is null || project is null) throw c.Source.Error("a plan names its \"stack\" and \"project\"");
        if (!seen.Has(Resources)) throw c.Source.Error("a plan lists its \"resources\"");
        if (count != graph.Nodes.Count)
            throw At(ref c, "resourceCount", $"resourceCount is {(count is null ? "missing" : count)} but the plan lists {graph.Nodes.Count} resources; " +
                                             "they must agree (was the plan edited by hand?)");
        var (urnStack, urnProject) = graph.Identity;
        if (graph.Nodes.Count > 0 && (urnStack != stack || urnProject != project))
            throw c.Source.Error($"the plan is of {project}/{stack} but its resources' URNs are of {urnProject}/{urnStack}");
        graph.CheckParents(c.Source.Name);
        // Version 1 plans hold the offline run's stand-ins themselves; version 2 plans hold markers read back as stand-ins.
        var fabricated = version == 1 || standIns.Any || graph.Nodes.Any(PlanStandIns.HasComputed)
            ? new FabricatedValues(standIns.Lookups, FabricatedValues.ReferenceClock)
            : null;
        return new PlanDocument(stack, project, [.. graph.Nodes.Select(PlanStandIns.Settle)], policy) { Fabricated = fabricated };
    }

    private static ArtifactLoadException At(ref JsonCursor c, string key, string problem)
    {
        c.Path.Push(key);
        return c.Source.Error(problem);
    }
}
