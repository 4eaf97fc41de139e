namespace Enclave.Alerts;

/// <summary>Where an alert must exist: identity, compartment and Cloud Guard events (and IAM audit records) arise in the
/// home region only; network, storage, key and database events in every region the enclave uses.</summary>
public enum AlertRegions { HomeOnly, EveryEnclaveRegion }
