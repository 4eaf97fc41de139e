namespace Pulumi;

/// <summary>
/// The current deployment as programs and generated SDKs see it (<c>Deployment.Instance</c>): names, preview
/// flag and provider functions.
/// </summary>
public sealed class DeploymentInstance : IDeployment
{
    internal Deployment Internal { get; }

    internal DeploymentInstance(Deployment deployment)
    {
        Internal = deployment;
    }

    public string StackName => Internal.StackName;

    public string ProjectName => Internal.ProjectName;

    public string OrganizationName => Internal.OrganizationName;

    /// <summary>The directory holding Pulumi.yaml; throws when the engine (or TestOptions) did not provide it.</summary>
    public string RootDirectory => Internal.RootDirectory
        ?? throw new InvalidOperationException("The root directory is not available: the engine did not provide it (set TestOptions.RootDirectory in tests).");

    string? IDeployment.RootDirectory => Internal.RootDirectory;

    /// <summary>True during preview (and by default in tests).</summary>
    public bool IsDryRun => Internal.IsDryRun;

    /// <summary>Calls a provider function; the result is an output that is unknown if any argument is.</summary>
    public Output<T> Invoke<T>(string token, InvokeArgs args, InvokeOptions? options = null)
        => Internal.Invoke<T>(token, args, options);

    public Output<T> Invoke<T>(string token, InvokeArgs args, InvokeOptions? options, RegisterPackageRequest? registerPackageRequest)
        => Internal.Invoke<T>(token, args, options);

    public Output<T> Invoke<T>(string token, InvokeArgs args, InvokeOutputOptions options)
        => Internal.Invoke<T>(token, args, options);

    public Output<T> Invoke<T>(string token, InvokeArgs args, InvokeOutputOptions options, RegisterPackageRequest? registerPackageRequest)
        => Internal.Invoke<T>(token, args, options);

    /// <summary>Like <see cref="Invoke{T}(string, InvokeArgs, InvokeOptions?)"/> for functions returning a single value.</summary>
    public Output<T> InvokeSingle<T>(string token, InvokeArgs args, InvokeOptions? options = null)
        => Internal.InvokeSingle<T>(token, args, options);

    public Output<T> InvokeSingle<T>(string token, InvokeArgs args, InvokeOptions? options, RegisterPackageRequest? registerPackageRequest)
        => Internal.InvokeSingle<T>(token, args, options);

    public Output<T> InvokeSingle<T>(string token, InvokeArgs args, InvokeOutputOptions options)
        => Internal.InvokeSingle<T>(token, args, options);

    public Output<T> InvokeSingle<T>(string token, InvokeArgs args, InvokeOutputOptions options, RegisterPackageRequest? registerPackageRequest)
        => Internal.InvokeSingle<T>(token, args, options);

    /// <summary>Calls a provider function with plain (awaited) arguments.</summary>
    public Task<T> InvokeAsync<T>(string token, InvokeArgs args, InvokeOptions? options = null)
        => Internal.InvokeAsync<T>(token, args, options);

    public Task<T> InvokeAsync<T>(string token, InvokeArgs args, InvokeOptions? options, RegisterPackageRequest? registerPackageRequest)
        => Internal.InvokeAsync<T>(token, args, options);

    public Task<T> InvokeSingleAsync<T>(string token, InvokeArgs args, InvokeOptions? options = null)
        => Internal.InvokeSingleAsync<T>(token, args, options);

    public Task<T> InvokeSingleAsync<T>(string token, InvokeArgs args, InvokeOptions? options, RegisterPackageRequest? registerPackageRequest)
        => Internal.InvokeSingleAsync<T>(token, args, options);

    public Task InvokeAsync(string token, InvokeArgs args, InvokeOptions? options = null)
        => Internal.InvokeAsync(token, args, options);

    public Task InvokeAsync(string token, InvokeArgs args, InvokeOptions? options, RegisterPackageRequest? registerPackageRequest)
        => Internal.InvokeAsync(token, args, options);

    /// <summary>Calls a method of <paramref name="self"/> (or a provider function with resource semantics).</summary>
    public Output<T> Call<T>(string token, CallArgs args, Resource? self = null, CallOptions? options = null)
        => Internal.Call<T>(token, args, self, options);

    public Output<T> Call<T>(string token, CallArgs args, Resource? self, CallOptions? options, RegisterPackageRequest? registerPackageRequest)
        => Internal.Call<T>(token, args, self, options);

    public void Call(string token, CallArgs args, Resource? self = null, CallOptions? options = null)
        => Internal.Call(token, args, self, options);

    public void Call(string token, CallArgs args, Resource? self, CallOptions? options, RegisterPackageRequest? registerPackageRequest)
        => Internal.Call(token, args, self, options);
}
