using System.Collections.Immutable;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders.Json;

namespace Enclave.Policy.Loaders.Readers;

/// <summary>
/// The steps of one preview (from <c>preview --json</c> or an event log) as they are read, with the rules that
/// make them one coherent plan: one resource gets one operation (at most one of same, create, update, delete,
/// replace, read, refresh, import, discard), to which only the parts of a replacement may be added
/// (<c>create-replacement</c>, <c>delete-replaced</c>…), each at most once; the steps that leave a resource in place
/// agree on its new state (else which one would the rules judge?); all URNs are of one stack; and no resource is
/// its own ancestor.
/// </summary>
internal sealed class StepSet(string what, Func<int, string> pathOf)
{
    private readonly Dictionary<string, Entry> _byUrn = new(StringComparer.Ordinal);
    private readonly List<PreviewStep> _steps = [];
    private readonly GraphIntegrity _stack = new(what, pathOf);

    public (string Stack, string Project) Identity => _stack.Identity;

    public void Add(PreviewStep step, int item, ref JsonCursor c)
    {
        _stack.CheckStack(step.Urn, ref c);
        var bit = 1 << (int)step.Op;
        if (_byUrn.TryGetValue(step.Urn, out var entry))
        {
            if ((entry.Ops & bit) != 0)
                throw c.Source.Error($"two \"{step.OpName}\" {what}s for \"{step.Urn}\" (the first at {pathOf(entry.FirstItem)}); " +
                                     "a preview gives each resource one operation");
            if (IsMain(step.Op) && (entry.Ops & MainOps) != 0)
                throw c.Source.Error($"\"{step.Urn}\" has two operations (\"{entry.MainName}\" at {pathOf(entry.FirstItem)}, and \"{step.OpName}\"); " +
                                     "a preview gives each resource one operation, plus the parts of a replacement");
            if (step.ExistsAfter && step.New is not null && entry.After?.New is { } other && !SameState(other, step.New))
                throw c.Source.Error($"the {what}s for \"{step.Urn}\" disagree on its new state (\"{entry.After.OpName}\" and \"{step.OpName}\"); " +
                                     "refused rather than judge one of them");
        }
        else entry = new Entry { FirstItem = item };
        entry.Ops |= bit;
        if (IsMain(step.Op)) entry.MainName = step.OpName;
        if (step.ExistsAfter && (entry.After?.New is null)) entry.After = step;
        _byUrn[step.Urn] = entry;
        _steps.Add(step);
    }

    /// <summary>The steps sorted by URN (the CLI's order is not deterministic), then by operation; parent chains checked.</summary>
    public ImmutableArray<PreviewStep> Complete(string source)
    {
        var after = new GraphIntegrity(what, pathOf);
        foreach (var (_, entry) in _byUrn)
            if ((entry.After?.New ?? entry.After?.Old) is { } node) after.AddChecked(node, entry.FirstItem);
        after.CheckParents(source);
        var sorted = _steps.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Urn, b.Urn) is var c and not 0 ? c : a.Op.CompareTo(b.Op));
        return ImmutableArray.Create(sorted);
    }

    private const int MainOps = 1 << (int)StepOp.Same | 1 << (int)StepOp.Create | 1 << (int)StepOp.Update | 1 << (int)StepOp.Delete |
        1 << (int)StepOp.Replace | 1 << (int)StepOp.Read | 1 << (int)StepOp.Refresh | 1 << (int)StepOp.Import | 1 << (int)StepOp.Discard;

    private static bool IsMain(StepOp op) => (MainOps & (1 << (int)op)) != 0;

    private static bool SameState(ResourceNode a, ResourceNode b) =>
        a.Type == b.Type && a.Custom == b.Custom && a.Protect == b.Protect && a.Parent == b.Parent && a.Provider == b.Provider &&
        a.Id.Equals(b.Id) && a.Inputs.Equals(b.Inputs) && a.Outputs.Equals(b.Outputs);

    private struct Entry
    {
        public int Ops;
        public int FirstItem;
        public string? MainName;
        public PreviewStep? After;
    }
}
