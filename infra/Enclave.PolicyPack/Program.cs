using Enclave.PolicyPack.Hosting;

// The policy pack's entry point: serve pulumirpc.Analyzer and announce the port (see PackHost, LaunchArguments).
return await PackHost.RunAsync(LaunchArguments.Parse(args), Console.Out);
