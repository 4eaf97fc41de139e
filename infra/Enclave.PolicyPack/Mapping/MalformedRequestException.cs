namespace Enclave.PolicyPack.Mapping;

/// <summary>
/// A request the pack cannot judge (a resource without a URN, a URN of another stack, a resource reference without a
/// URN…). The message is one line naming the field and what is valid; it becomes gRPC <c>InvalidArgument</c>.
/// </summary>
internal sealed class MalformedRequestException(string message) : Exception(message);
