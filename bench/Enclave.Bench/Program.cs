using BenchmarkDotNet.Running;

// Runs the benchmark classes of this assembly; pass BenchmarkDotNet arguments such as --filter '*'.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
