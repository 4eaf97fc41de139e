using Enclave.Cli;

// Entry point of the `enclave` command. Each command lives in Commands/ and registers itself in CliApp.
return await CliApp.RunAsync(args);
