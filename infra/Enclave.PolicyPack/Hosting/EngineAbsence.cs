namespace Enclave.PolicyPack.Hosting;

/// <summary>What one check of the engine's address saw.</summary>
internal enum EngineProbe
{
    /// <summary>The engine accepted a connection: it is there.</summary>
    Accepted,

    /// <summary>The connection was refused or reset: nothing listens at the address any more.</summary>
    Refused,

    /// <summary>No answer within the probe timeout: the machine may only be busy.</summary>
    Unanswered,
}

/// <summary>
/// Decides from the engine checks in a row when the engine is gone. A pack that stops while its engine still runs
/// fails the user's preview, so only evidence counts: refusals (what a closed loopback port answers at once) end the
/// pack after <see cref="RefusedBeforeExit"/> in a row; checks that get no answer, which a starved machine produces
/// without any engine having left, end it only after <see cref="UnansweredBeforeExit"/> in a row (an engine on an
/// address that silently drops connections is gone too, just slower to tell). An accepted connection starts over.
/// </summary>
internal sealed class EngineAbsence
{
    public const int RefusedBeforeExit = 3;
    public const int UnansweredBeforeExit = 12;

    private int _refused;
    private int _unanswered;

    /// <summary>Why <see cref="Record"/> last said the engine is gone.</summary>
    public string Reason { get; private set; } = "";

    /// <summary>Records one check; true when the engine counts as gone.</summary>
    public bool Record(EngineProbe probe)
    {
        switch (probe)
        {
            case EngineProbe.Accepted:
                _refused = _unanswered = 0;
                return false;
            case EngineProbe.Refused:
                // A busy spell between refusals does not make the engine come back.
                _refused++;
                break;
            default:
                _unanswered++;
                break;
        }
        if (_refused >= RefusedBeforeExit) Reason = $"{_refused} connections refused";
        else if (_unanswered + _refused >= UnansweredBeforeExit) Reason = $"no answer to {_unanswered + _refused} checks in a row";
        else return false;
        return true;
    }
}
