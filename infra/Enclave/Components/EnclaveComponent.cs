using Pulumi;

namespace Enclave.Components;

/// <summary>
/// Base of the enclave's components: one per concern. Children are always parented to the component, and their
/// logical names are prefixed with the component's name so names stay unique per type across the stack even when a
/// component is declared twice (e.g. the primary and the standby network).
/// </summary>
public abstract class EnclaveComponent : ComponentResource
{
    protected EnclaveComponent(string type, string name, ComponentResourceOptions? options)
        : base(type, name, options)
    {
        ComponentName = name;
    }

    protected string ComponentName { get; }

    /// <summary>Logical name of a child: <c>&lt;component&gt;-&lt;local&gt;</c>.</summary>
    protected string ChildName(string local) => $"{ComponentName}-{local}";

    /// <summary>Options of a child resource. <paramref name="provider"/> null = the stack's default (deployment) region.</summary>
    protected CustomResourceOptions ChildOptions(ProviderResource? provider = null, bool protect = false,
        IEnumerable<Resource>? dependsOn = null)
    {
        var options = new CustomResourceOptions { Parent = this, Provider = provider };
        // Only data-bearing resources set Protect; everything else inherits (unset) so `pulumi destroy` can remove it.
        if (protect) options.Protect = true;
        if (dependsOn is not null)
            foreach (var resource in dependsOn) options.DependsOn.Add(resource);
        return options;
    }

    /// <summary>Options of an invoke made on behalf of this component (same region rules as its children).</summary>
    protected InvokeOptions InvokeOptionsFor(ProviderResource? provider = null) =>
        new() { Parent = this, Provider = provider };
}
