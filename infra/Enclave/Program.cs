using Enclave;
using Pulumi;

// `pulumi up` runs the whole enclave as one stack; everything is declared by EnclaveStack.
return await Deployment.RunAsync<EnclaveStack>();
