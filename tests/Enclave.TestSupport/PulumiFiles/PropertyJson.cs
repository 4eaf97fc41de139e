using System.Text.Json;
using Enclave.Policy.Graph;
using Enclave.Policy.Loaders;

namespace Enclave.TestSupport.PulumiFiles;

/// <summary>A property value as the engine serialises it: unknowns as the sentinel, secrets and references as signed objects.</summary>
public static class PropertyJson
{
    public static void Write(Utf8JsonWriter w, PropertyValue value, SecretForm secrets)
    {
        switch (value)
        {
            case NullValue: w.WriteNullValue(); break;
            case UnknownValue: w.WriteStringValue(PulumiValues.UnknownSentinel); break;
            case SecretValue when secrets == SecretForm.Marker: w.WriteStringValue(PulumiValues.PreviewSecretMarker); break;
            case SecretValue:
                w.WriteStartObject();
                w.WriteString(PulumiValues.SignatureKey, PulumiValues.SecretSignature);
                if (secrets.PlaintextText is { } plaintext) w.WriteString("plaintext", JsonSerializer.Serialize(plaintext));
                else w.WriteString("ciphertext", secrets.CiphertextText);
                w.WriteEndObject();
                break;
            case BoolValue b: w.WriteBooleanValue(b.Value); break;
            case NumberValue n: w.WriteNumberValue(n.Value); break;
            case StringValue s: w.WriteStringValue(s.Value); break;
            case ResourceRefValue r:
                // The engine leaves the id out while it is unknown (and the package version while it is empty).
                w.WriteStartObject();
                w.WriteString(PulumiValues.SignatureKey, PulumiValues.ResourceReferenceSignature);
                w.WriteString("urn", r.Urn);
                if (r.Id is not null) w.WriteString("id", r.Id);
                w.WriteEndObject();
                break;
            case ListValue l:
                w.WriteStartArray();
                foreach (var item in l.Items) Write(w, item, secrets);
                w.WriteEndArray();
                break;
            case MapValue m:
                w.WriteStartObject();
                foreach (var (k, v) in m.Entries)
                {
                    w.WritePropertyName(k);
                    Write(w, v, secrets);
                }
                w.WriteEndObject();
                break;
            default: throw new ArgumentException($"no Pulumi JSON form for {value.GetType().Name}", nameof(value));
        }
    }
}
