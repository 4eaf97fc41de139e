namespace Enclave.Cli.Tests.Attacks.Framework;

/// <summary>Which artifacts an attack or change is judged in.</summary>
[Flags]
public enum Forms
{
    Export = 1,
    Preview = 2,
    Both = Export | Preview,
}

/// <summary>
/// One single change to the deployed prod stack. An attack (<see cref="Rule"/> set) must make `enclave check` exit 1
/// with a violation of <see cref="Rule"/> naming the URN its edit returns; a legitimate change (<see cref="Rule"/>
/// null) must still exit 0. <see cref="Waivers"/>, when set, is passed as the waiver file of the run.
/// </summary>
/// <param name="Edit">Changes a copy of prod and returns the URN the violation must name.</param>
public sealed record AttackCase(string Class, string Name, string? Rule, Func<Prod, string> Edit, Forms Forms = Forms.Both)
{
    public string? Waivers { get; init; }
    /// <summary>Extra check arguments (e.g. `--soft-fail`, `--undetermined warn`).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
    /// <summary>
    /// For attacks on the gate's own inputs (a hostile waiver file, a bad flag): the run must refuse them with exit 2
    /// and a stderr line containing this text, instead of reporting a violation.
    /// </summary>
    public string? RejectedWith { get; init; }
    /// <summary>Expected exit code (1 for attacks, 0 for legitimate changes unless said otherwise).</summary>
    public int ExpectedExit { get; init; } = 1;

    public bool IsAttack => Rule is not null || RejectedWith is not null;
    public string Key => $"{Class}: {Name}";
}

/// <summary>
/// A class of attacks or legitimate changes, one per file (so workstreams add theirs without conflicts). The suite
/// finds every non-abstract subclass in this assembly.
/// </summary>
public abstract class AttackClass
{
    /// <summary>The class's name in test names (defaults to the type name without "Attacks").</summary>
    public virtual string Name => GetType().Name.Replace("Attacks", "", StringComparison.Ordinal);

    public abstract IEnumerable<AttackCase> Cases();

    /// <summary>A change that must block with a violation of <paramref name="rule"/> on the URN <paramref name="edit"/> returns.</summary>
    protected AttackCase Attack(string name, string rule, Func<Prod, string> edit, Forms forms = Forms.Both) =>
        new(Name, name, rule, edit, forms);

    /// <summary>The same, with the target given as the edited resource.</summary>
    protected AttackCase Attack(string name, string rule, Func<Prod, ResourceEdit> edit, Forms forms = Forms.Both) =>
        new(Name, name, rule, p => edit(p).Urn, forms);

    /// <summary>A change (with a hostile waiver file or flag) that the gate must refuse as input: exit 2 naming the problem.</summary>
    protected AttackCase Refused(string name, string rejectedWith, Func<Prod, string> edit, string? waivers = null, params string[] arguments) =>
        new(Name, name, null, edit, Forms.Both) { RejectedWith = rejectedWith, Waivers = waivers, Arguments = arguments, ExpectedExit = 2 };

    /// <summary>A hardening (or neutral) change that must still pass the gate.</summary>
    protected AttackCase Legitimate(string name, Action<Prod> edit, Forms forms = Forms.Both) =>
        new(Name, name, null, p => { edit(p); return p.StackUrn; }, forms) { ExpectedExit = 0 };
}

/// <summary>Every case of every <see cref="AttackClass"/>, by key.</summary>
public static class AttackCatalogue
{
    private static readonly Lazy<IReadOnlyDictionary<string, AttackCase>> Cases = new(() =>
    {
        var cases = typeof(AttackClass).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(AttackClass).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(t => ((AttackClass)Activator.CreateInstance(t)!).Cases())
            .ToList();
        var duplicate = cases.GroupBy(c => c.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"two cases are named {duplicate.Key}");
        return cases.ToDictionary(c => c.Key, StringComparer.Ordinal);
    });

    public static IReadOnlyDictionary<string, AttackCase> All => Cases.Value;

    public static AttackCase Get(string key) => All[key];

    /// <summary>Theory rows (case key, form) of the cases matching <paramref name="filter"/>, for each form it is judged in.</summary>
    public static TheoryData<string, Form> Rows(Func<AttackCase, bool> filter)
    {
        var rows = new TheoryData<string, Form>();
        foreach (var c in All.Values.Where(filter))
            foreach (var form in new[] { Form.Export, Form.Preview })
                if (c.Forms.HasFlag(form == Form.Export ? Forms.Export : Forms.Preview)) rows.Add(c.Key, form);
        return rows;
    }
}
