namespace Pulumi;

/// <summary>What programs see of a deployment (exposed through <see cref="DeploymentInstance"/>).</summary>
internal interface IDeployment
{
    string StackName { get; }
    string ProjectName { get; }
    string OrganizationName { get; }
    string? RootDirectory { get; }
    bool IsDryRun { get; }

    Task<T> InvokeAsync<T>(string token, InvokeArgs args, InvokeOptions? options);
    Task<T> InvokeSingleAsync<T>(string token, InvokeArgs args, InvokeOptions? options);
    Task InvokeAsync(string token, InvokeArgs args, InvokeOptions? options);
    Output<T> Invoke<T>(string token, InvokeArgs args, InvokeOptions? options);
    Output<T> InvokeSingle<T>(string token, InvokeArgs args, InvokeOptions? options);
}

/// <summary>What the rest of the SDK (resources, outputs, config, log) needs from the current deployment.</summary>
internal interface IDeploymentInternal : IDeployment
{
    Stack? Stack { get; set; }
    DeploymentConfig Config { get; }
    void ReadOrRegisterResource(Resource resource, bool remote, ResourceArgs args, ResourceOptions options);
    void RegisterResourceOutputs(Resource resource, Output<IDictionary<string, object?>> outputs);
    Task LogAsync(Pulumirpc.LogSeverity severity, string message, Resource? resource, int? streamId, bool? ephemeral);
}
