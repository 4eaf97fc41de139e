namespace Enclave.Policy.Review.Plan;

/// <summary>
/// Reads an <c>enclave-plan</c> JSON document back, through the loaders' streaming reader (strict types, URN
/// checks, <c>resourceCount</c>: see <c>Loaders.Readers.PlanReader</c>). Every problem is a
/// <see cref="ReviewInputException"/> naming the file and the spot (JSON line/column or property path) and what
/// was expected there.
/// </summary>
public static class PlanJsonReader
{
    /// <summary>Reads a plan file through the loaders' hardened path (size limit, BOM/UTF-16, binary, truncation).</summary>
    public static PlanDocument ReadFile(string path)
    {
        try { return Loaders.ArtifactLoader.LoadArtifact(path, Loaders.ArtifactKind.Plan).Plan!; }
        catch (Loaders.ArtifactLoadException e) { throw new ReviewInputException(e.Message, e); }
    }

    public static PlanDocument Read(string json, string source)
    {
        try { return Loaders.ArtifactLoader.Parse(System.Text.Encoding.UTF8.GetBytes(json), source, Loaders.ArtifactKind.Plan).Plan!; }
        catch (Loaders.ArtifactLoadException e) { throw new ReviewInputException(e.Message, e); }
    }
}
