using BenchmarkDotNet.Attributes;

namespace Enclave.Bench;

/// <summary>Adds the <see cref="ResourcesPerSecondColumn"/> to a benchmark class.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ResourcesPerSecondAttribute() : ColumnConfigBaseAttribute(new ResourcesPerSecondColumn());
