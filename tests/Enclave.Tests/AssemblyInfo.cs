// Deployment.TestAsync reads the stack config from the process-wide PULUMI_CONFIG variable, so runs must be serial.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
