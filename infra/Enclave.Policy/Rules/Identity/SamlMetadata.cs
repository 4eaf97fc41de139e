using System.Xml;

namespace Enclave.Policy.Rules.Identity;

/// <summary>
/// The entity id a SAML metadata document declares (<c>EntityDescriptor/@entityID</c>). Read with a hardened reader
/// (no DTDs, no external entities, bounded size): metadata comes from the artifact, and the artifact may be hostile.
/// A document that declares several entities (<c>EntitiesDescriptor</c>) or none pins nothing.
/// </summary>
public static class SamlMetadata
{
    private const long MaxCharacters = 1_000_000;

    /// <summary>
    /// The one way identity rules read metadata (its entity id, its signing certificates): no DTD, no external
    /// entities, comments and processing instructions skipped, at most <see cref="MaxCharacters"/> characters.
    /// </summary>
    internal static XmlReader HardenedReader(string xml) => XmlReader.Create(new StringReader(xml), new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    });

    /// <summary>The entity id, or null with the reason it cannot be read.</summary>
    public static string? EntityId(string xml, out string? problem)
    {
        problem = null;
        try
        {
            using var reader = HardenedReader(xml);
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                problem = "the metadata is not an XML document";
                return null;
            }
            if (reader.LocalName != "EntityDescriptor")
            {
                problem = $"the metadata's root is {reader.LocalName}, not one EntityDescriptor (several entities pin nothing)";
                return null;
            }
            var id = reader.GetAttribute("entityID");
            if (string.IsNullOrWhiteSpace(id)) problem = "the metadata declares no entityID";
            return string.IsNullOrWhiteSpace(id) ? null : id.Trim();
        }
        catch (XmlException)
        {
            problem = "the metadata is not well-formed XML";
            return null;
        }
    }

    /// <summary>More sign-on endpoints than any provider lists (one per binding): beyond this none are returned.</summary>
    private const int MaxLocations = 32;

    /// <summary>
    /// The <c>Location</c> of every <c>SingleSignOnService</c> the metadata lists (where the provider's sign-in page
    /// is), or null when the document cannot be read (its entity id and certificates fail then); with
    /// <paramref name="tooMany"/> set when it lists more than anyone needs (those past the limit would go unjudged).
    /// </summary>
    public static IReadOnlyList<string>? SingleSignOnLocations(string xml, out bool tooMany)
    {
        tooMany = false;
        const string MetadataNs = "urn:oasis:names:tc:SAML:2.0:metadata";
        var found = new List<string>();
        try
        {
            using var reader = HardenedReader(xml);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "SingleSignOnService" || reader.NamespaceURI != MetadataNs) continue;
                // A service without a location sends nowhere; an empty one is judged (and fails) as the text it is.
                found.Add(reader.GetAttribute("Location") ?? "");
                if (found.Count > MaxLocations)
                {
                    tooMany = true;
                    return found;
                }
            }
        }
        catch (XmlException)
        {
            return null;
        }
        return found;
    }
}
