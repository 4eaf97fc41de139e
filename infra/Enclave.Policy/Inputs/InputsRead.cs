using System.Collections.Concurrent;

namespace Enclave.Policy.Inputs;

/// <summary>
/// The files one command has opened through <see cref="InputFile"/> (artifacts, waivers, stack configs,
/// Pulumi.yaml), so that its report never replaces one of them: <c>check --state s.json -o s.json</c> once overwrote
/// the export it judged, and <c>-o stacks/Pulumi.prod.yaml</c> a stack config. Scoped to an async flow (one CLI
/// invocation, also when tests run several in one process); outside a <see cref="Track"/> nothing is recorded.
/// </summary>
public static class InputsRead
{
    private static readonly AsyncLocal<ConcurrentDictionary<string, string>?> Current = new();

    /// <summary>Starts recording for the current async flow; dispose to stop.</summary>
    public static IDisposable Track()
    {
        var previous = Current.Value;
        Current.Value = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        return new Restore(() => Current.Value = previous);
    }

    /// <summary>Records that <paramref name="path"/> (named <paramref name="display"/> in errors) is an input.</summary>
    internal static void Add(string path, string display)
    {
        if (Current.Value is not { } read || FileKinds.Identity(path) is not { } id) return;
        read.TryAdd(id, display);
    }

    /// <summary>How the input at <paramref name="path"/> was named, when this command read that file; else null.</summary>
    public static string? Which(string path) =>
        Current.Value is { } read && FileKinds.Identity(path) is { } id && read.TryGetValue(id, out var display) ? display : null;

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
