namespace Enclave.Offline.Planning;

/// <summary>
/// URNs as the Pulumi engine assigns them (the mock engine flattens every URN under the stack, so the offline runner
/// computes the real ones): <c>urn:pulumi:STACK::PROJECT::QUALIFIED_TYPE::NAME</c>, where the qualified type is the
/// parent's qualified type, <c>$</c>, and the type — except that the root stack type is never a prefix.
/// </summary>
public static class EngineUrns
{
    public const string StackType = "pulumi:pulumi:Stack";

    public static string Stack(string stack, string project) => Create(stack, project, StackType, $"{project}-{stack}");

    public static string Create(string stack, string project, string qualifiedType, string name) =>
        $"urn:pulumi:{stack}::{project}::{qualifiedType}::{name}";

    /// <summary>The qualified type of a resource of <paramref name="type"/> whose parent has <paramref name="parentQualifiedType"/>.</summary>
    public static string QualifiedType(string? parentQualifiedType, string type) =>
        parentQualifiedType is null or StackType ? type : $"{parentQualifiedType}${type}";
}
