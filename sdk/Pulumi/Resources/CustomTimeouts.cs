namespace Pulumi;

/// <summary>Overrides of the provider's default create/update/delete timeouts.</summary>
public sealed class CustomTimeouts
{
    public TimeSpan? Create { get; set; }
    public TimeSpan? Update { get; set; }
    public TimeSpan? Delete { get; set; }

    internal CustomTimeouts Clone() => new() { Create = Create, Update = Update, Delete = Delete };

    /// <summary>The engine expects Go duration strings: nanoseconds as "&lt;n&gt;ns", "" when unset.</summary>
    internal static string ToGoDuration(TimeSpan? timeSpan)
        => timeSpan is { } t ? $"{t.Ticks}00ns" : "";

    /// <summary>The request's message; only sent when the program set custom timeouts (as the official SDK).</summary>
    internal Pulumirpc.RegisterResourceRequest.Types.CustomTimeouts Serialize() => new()
    {
        Create = ToGoDuration(Create),
        Update = ToGoDuration(Update),
        Delete = ToGoDuration(Delete),
    };
}
