using System.Collections.Immutable;
using Enclave.Policy.Iam;

namespace Enclave.Policy.Rules.Iam.Reach;

/// <summary>Who a reach row is about: a persona of the stack config, or any dynamic group the stack declares.</summary>
public enum Holder { Gatekeeper, Operator, Auditor, StorageAdmin, DynamicGroup }

/// <summary>Which compartments a row allows, worked out from the resources the stack holds (<see cref="Places"/>).</summary>
public enum Place
{
    /// <summary>Any compartment of the enclave (ENC-IAM-050 keeps dynamic groups inside it).</summary>
    Enclave,
    /// <summary>Compartments that hold a log-archive bucket (a connector's target) and no other bucket.</summary>
    Archive,
    /// <summary>Compartments that hold the user-data buckets (every bucket that is not a log archive) and no archive.</summary>
    UserData,
}

/// <summary>Which variable a row's grants must pin to the stack's own resources (evaluated, <see cref="DataAccess.ConditionProbe"/>).</summary>
public enum Pin
{
    None,
    /// <summary><c>target.key.id</c> is a key of the stack: never any key, never a tenancy-wide key grant.</summary>
    StackKeys,
    /// <summary><c>target.secret.name</c> or <c>target.secret.id</c> is a secret of the stack.</summary>
    StackSecrets,
    /// <summary><c>target.bucket.name</c> is a user-data bucket of the stack (never the archive, never another bucket).</summary>
    UserDataBuckets,
}

/// <summary>Up to <paramref name="Max"/> on <paramref name="Type"/>, only in <paramref name="Where"/>, only when <paramref name="Pin"/> holds.</summary>
public sealed record ReachRow(Holder Holder, string Type, Verb Max, Place Where, Pin Pin);

/// <summary>
/// Where each persona and each dynamic group may reach, declared here and nowhere else (verb x resource type x place x
/// condition), judged by ENC-IAM-080 statement by statement. The persona rows add the place to the persona ceilings
/// of <see cref="DataAccess.PersonaCeilings"/> (verb x type x condition, ENC-IAM-009) on the types whose place is the
/// point: gatekeepers guard the firewall and keep the audit archive, they are not data readers (docs/threat-model.md:
/// a gatekeeper account is the parent company's likeliest target, and reading the users' objects is no part of
/// guarding them); operators and storage admins touch objects only where the user data lives and never the archive.
/// A place is met by the location, or by a condition pinning <c>target.bucket.name</c> to the place's buckets. The
/// dynamic-group rows are the complete list of what the
/// enclave's machines may do: anything not listed fails.
/// </summary>
public static class ReachTable
{
    public static readonly ImmutableArray<ReachRow> Rows =
    [
        new(Holder.Gatekeeper, "objects", Verb.Manage, Place.Archive, Pin.None),
        new(Holder.Gatekeeper, "buckets", Verb.Manage, Place.Archive, Pin.None),
        new(Holder.Auditor, "objects", Verb.Read, Place.Archive, Pin.None),
        new(Holder.Operator, "objects", Verb.Manage, Place.UserData, Pin.None),
        new(Holder.Operator, "buckets", Verb.Manage, Place.UserData, Pin.None),
        new(Holder.StorageAdmin, "objects", Verb.Manage, Place.UserData, Pin.None),
        new(Holder.StorageAdmin, "buckets", Verb.Manage, Place.UserData, Pin.None),

        // The database's resource principal: its vault, its own key, its own secret (landing-zone database-kms).
        new(Holder.DynamicGroup, "vaults", Verb.Use, Place.Enclave, Pin.None),
        new(Holder.DynamicGroup, "keys", Verb.Use, Place.Enclave, Pin.StackKeys),
        new(Holder.DynamicGroup, "key-delegate", Verb.Use, Place.Enclave, Pin.StackKeys),
        new(Holder.DynamicGroup, "secrets", Verb.Inspect, Place.Enclave, Pin.None),  // metadata, to find its own
        new(Holder.DynamicGroup, "secret-bundles", Verb.Read, Place.Enclave, Pin.StackSecrets),
        new(Holder.DynamicGroup, "objects", Verb.Manage, Place.UserData, Pin.UserDataBuckets),
        new(Holder.DynamicGroup, "buckets", Verb.Read, Place.UserData, Pin.UserDataBuckets),
    ];

    /// <summary>
    /// What a persona holds on a restricted type anywhere, without a row: inspect (names) of objects and databases,
    /// read of buckets (their settings, which the auditors review). Types with no persona row are not restricted
    /// by place. Dynamic groups hold nothing without a row.
    /// </summary>
    public static Verb? Free(Holder holder, string type) => holder == Holder.DynamicGroup ? null
        : !Rows.Any(r => r.Holder == holder && r.Type == type) ? Verb.Manage
        : type == "buckets" ? Verb.Read : Verb.Inspect;

    /// <summary>The row of <paramref name="holder"/> on <paramref name="type"/>, if any.</summary>
    public static ReachRow? For(Holder holder, string type) => Rows.FirstOrDefault(r => r.Holder == holder && r.Type == type);
}
