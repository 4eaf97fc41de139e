namespace Enclave.Policy.Iam;

/// <summary>
/// Kleene three-valued truth. Anything the evaluator cannot decide from the model and the query (a value known
/// only after deploy, a condition on the request) is <see cref="Unknown"/>, so that an isolation check can ask
/// "may this be true?" (not <see cref="False"/>) and a required-access check "is this certainly true?".
/// </summary>
public enum Truth
{
    /// <summary>Certainly false.</summary>
    False = 0,

    /// <summary>Could be either.</summary>
    Unknown = 1,

    /// <summary>Certainly true.</summary>
    True = 2,
}

/// <summary>Kleene AND/OR/NOT over <see cref="Truth"/>.</summary>
public static class TruthLogic
{
    /// <summary>AND: false wins, then unknown.</summary>
    public static Truth And(this Truth a, Truth b) => (Truth)Math.Min((int)a, (int)b);

    /// <summary>OR: true wins, then unknown.</summary>
    public static Truth Or(this Truth a, Truth b) => (Truth)Math.Max((int)a, (int)b);

    /// <summary>NOT: unknown stays unknown.</summary>
    public static Truth Not(this Truth a) => (Truth)(2 - (int)a);

    /// <summary>True or unknown: "may be true".</summary>
    public static bool Possible(this Truth a) => a != Truth.False;

    /// <summary>A decided boolean.</summary>
    public static Truth From(bool value) => value ? Truth.True : Truth.False;
}
