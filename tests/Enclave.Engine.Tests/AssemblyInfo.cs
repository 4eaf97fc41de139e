// Every test starts a program process (dotnet start-up, JIT): on a small shared machine, running them one at a
// time is as fast as running them together and keeps each run well inside its hang timeout.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
