using Enclave.Engine.Probe;
using Pulumi;

return await Deployment.RunAsync<ProbeStack>();
