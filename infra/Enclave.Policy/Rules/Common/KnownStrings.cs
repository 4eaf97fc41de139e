using Enclave.Policy.Graph;

namespace Enclave.Policy.Rules.Common;

/// <summary>
/// A set of the stack's own names or ids (case-insensitive) that remembers whether some value was not known yet:
/// a miss is then only "may be" (<see cref="Truth.Unknown"/>), never a confident "not ours".
/// </summary>
internal sealed class KnownStrings
{
    private readonly HashSet<string> _values = new(StringComparer.OrdinalIgnoreCase);
    private bool _someUnknown;

    /// <summary>Adds a value; <c>null</c> stands for one not known until deploy.</summary>
    public void Add(string? value)
    {
        if (value is null) _someUnknown = true;
        else _values.Add(value);
    }

    public Truth Contains(string value) => _values.Contains(value) ? Truth.True : _someUnknown ? Truth.Unknown : Truth.False;
}
