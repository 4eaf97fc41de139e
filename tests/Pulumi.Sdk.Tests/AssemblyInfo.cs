// Deployments read process-global environment (PULUMI_CONFIG) and TestAsync must run serially:
// no test in this assembly runs in parallel with another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
