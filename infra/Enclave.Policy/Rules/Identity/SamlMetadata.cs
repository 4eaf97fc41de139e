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
}
