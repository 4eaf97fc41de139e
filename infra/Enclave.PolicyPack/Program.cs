using System.Globalization;
using Enclave.PolicyPack.Hosting;

// The policy pack's entry point: serve pulumirpc.Analyzer and announce the port (see PackHost, LaunchArguments).
// Verdicts and messages must not depend on the machine's locale (a th-TH host printed dates in the Thai calendar):
// every thread of the pack, the gRPC server's included, runs in the invariant culture.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
return await PackHost.RunAsync(LaunchArguments.Parse(args), Console.Out);
