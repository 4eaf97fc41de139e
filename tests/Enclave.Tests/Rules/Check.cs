namespace Enclave.Tests.Rules;

/// <summary>Collects the violations of one rule; a rule holds when the list stays empty.</summary>
public sealed class Check
{
    private readonly List<string> _violations = [];

    public IReadOnlyList<string> Violations => _violations;

    public Check That(bool holds, string violation)
    {
        if (!holds) _violations.Add(violation);
        return this;
    }

}
