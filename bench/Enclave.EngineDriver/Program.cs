using Enclave.EngineDriver;

// Usage: Enclave.EngineDriver [--program PATH] [--runs N] [--stacks dev,staging,prod] [--repo DIR] [--record DIR]
//   PATH: the program's .dll (run as `dotnet PATH`, the language host's default) or an executable (a ReadyToRun
//   publish's apphost, Pulumi.yaml runtime.options.binary). Default: infra/Enclave/bin/Release/net10.0/Enclave.dll.
// Prints one Markdown table row per stack and mode: median wall and CPU (user+sys) seconds and peak RSS over N runs.
//   DIR: writes what each run sent the engine, one file per stack and mode (RequestDump), to diff two builds' wire.
try
{
    var options = DriverOptions.Parse(args);
    Console.WriteLine($"program: {options.Program} ({options.Runs} runs each, median)");
    Console.WriteLine("| stack | mode | wall s | CPU s (user+sys) | peak RSS MB | resources |");
    Console.WriteLine("|---|---|---|---|---|---|");
    foreach (var stack in options.Stacks)
    {
        foreach (var dryRun in new[] { true, false })
        {
            var runs = new List<TimedRun>();
            for (var i = 0; i < options.Runs; i++)
            {
                runs.Add(await TimedRun.RunAsync(options, stack, dryRun));
            }
            Console.WriteLine(TimedRun.Row(stack, dryRun, runs));
        }
    }
    return 0;
}
catch (DriverException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
