using Enclave;
using Pulumi;

// `pulumi up` runs the whole enclave as one stack; everything is declared by EnclaveStack.
try
{
    return await Deployment.RunAsync<EnclaveStack>();
}
catch (InvalidOperationException e) when (Environment.GetEnvironmentVariable("PULUMI_MONITOR") is null)
{
    // Started by hand rather than by the Pulumi CLI: say what to run instead of dumping a stack trace.
    Console.Error.WriteLine($"error: {e.Message.TrimEnd('.')}.");
    Console.Error.WriteLine("This is the enclave's Pulumi program: deploy it with `pulumi preview` / `pulumi up` at the repository root,");
    Console.Error.WriteLine("or plan it offline, without a cloud account: dotnet run --project infra/Enclave.Cli -- plan <stack>");
    return 2;
}
catch (InvalidOperationException e)
{
    // Started by an engine whose environment is incomplete or malformed (e.g. PULUMI_DRY_RUN=maybe): the SDK names
    // the variable and what it expects before anything is registered; print that alone, without a stack trace.
    // (Failures of the program itself never get here: the deployment reports them to the engine and exits 32.)
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
