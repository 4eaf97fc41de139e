// Offline runs of the program read process-wide environment variables, and each pack is a process of its own: the
// tests run one at a time (the machine has two cores).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
