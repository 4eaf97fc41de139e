using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Enclave.Policy.Loaders.Json;

/// <summary>
/// The bytes of one JSON input, streamed from a <see cref="Stream"/> (the shared opener's, which caps its size as
/// it arrives) through a small pooled buffer for <see cref="JsonCursor"/>: a document of any size is read without
/// holding it whole. It refuses, before the first token, what is not UTF-8 JSON (empty, binary, other text) and
/// turns UTF-16 (PowerShell's <c>&gt;</c>) into UTF-8. It also carries what every reader of the input shares: the
/// JSON path being read (for errors), the string cache and scratch space.
/// </summary>
internal sealed class JsonSource : IDisposable
{
    private const int InitialBuffer = 64 * 1024;
    private Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private long _bytesRead;
    private long _values;
    private long _kept;

    private JsonSource(Stream stream, string name, LoadLimits limits, bool sequence)
    {
        _stream = stream;
        Name = name;
        Limits = limits;
        Options = new JsonReaderOptions
        {
            MaxDepth = limits.MaxDepth,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            AllowMultipleValues = sequence,
        };
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        Values = new ValuePool(this);
    }

    /// <summary>File or label named in every error.</summary>
    public string Name { get; }
    public LoadLimits Limits { get; }
    public JsonReaderOptions Options { get; private set; }
    /// <summary>Where the reader is, for errors that concern the shape of well-formed JSON.</summary>
    public JsonPath Path { get; } = new();
    public StringCache Strings { get; } = new();
    /// <summary>Maps, lists and numbers of the input that repeat exactly, one instance each.</summary>
    public ValuePool Values { get; }
    /// <summary>A graph loaded before this input (a diff's base) whose values a state's resources reuse (<see cref="PriorValues"/>).</summary>
    public Graph.ResourceGraph? Prior { get; set; }
    /// <summary>Scratch space for the fields of the maps being read.</summary>
    public ScratchStack<KeyValuePair<string, Graph.PropertyValue>> Fields { get; } = new();
    /// <summary>Scratch space for the items of the lists being read.</summary>
    public ScratchStack<Graph.PropertyValue> Items { get; } = new();

    /// <summary>Scratch for lists of strings (dependencies, property dependencies): two per resource of a state.</summary>
    public ScratchStack<string> Texts { get; } = new();

    /// <summary>Scratch for the property dependencies of the resource being read.</summary>
    public ScratchStack<KeyValuePair<string, System.Collections.Immutable.ImmutableArray<string>>> Dependencies { get; } = new();

    /// <summary>The unconsumed bytes.</summary>
    public ReadOnlySpan<byte> Span => _buffer.AsSpan(_start, _end - _start);
    /// <summary>True once the stream has no more bytes: the buffer holds the rest of the input.</summary>
    public bool IsFinal => _eof;

    /// <summary>
    /// Opens <paramref name="stream"/> (which the source then owns) and checks its beginning. <paramref name="sequence"/>
    /// reads several top-level values one after another (an NDJSON event log).
    /// </summary>
    /// <param name="expecting">What the caller reads (named when the file is not JSON at all), e.g. "an enclave plan".</param>
    public static JsonSource Open(Stream stream, string name, LoadLimits limits, bool sequence = false, string? expecting = null)
    {
        var source = new JsonSource(stream, name, limits, sequence);
        try
        {
            source.Start(expecting ?? "a JSON document");
            return source;
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>Drops the first <paramref name="consumed"/> unconsumed bytes and reads more from the stream.</summary>
    public void Advance(int consumed)
    {
        _start += consumed;
        Fill();
    }

    /// <summary>Reads the input as a sequence of top-level values (an NDJSON event log) from here on.</summary>
    public void ReadAsSequence() => Options = Options with { AllowMultipleValues = true };

    /// <summary>Reads more of the input without consuming any (a look at its beginning); false at the end.</summary>
    public bool ReadMore()
    {
        if (_eof) return false;
        Fill();
        return true;
    }

    /// <summary>
    /// Counts one property value read; past <see cref="LoadLimits.DenseValuesFrom"/> values the input must spend at
    /// least <see cref="LoadLimits.MinBytesPerValue"/> bytes on each, on average (no allocation: a hot path).
    /// </summary>
    public void CountValue()
    {
        if (++_values > Limits.DenseValuesFrom && _values * Limits.MinBytesPerValue > _bytesRead)
            throw Error($"more than {Limits.DenseValuesFrom:N0} values written at under {Limits.MinBytesPerValue} bytes each on average " +
                        $"({_values:N0} in the first {Inputs.InputLimits.Describe(_bytesRead)}); real Pulumi artifacts spend 28 or more, " +
                        "and read into memory such a file would take many times its size");
    }

    /// <summary>
    /// Charges <paramref name="bytes"/> of memory the loaded graph will keep (an estimate of the objects just made for
    /// a value, see <see cref="KeptBytes"/>). Past <see cref="LoadLimits.KeptFrom"/> the graph may keep at most
    /// <see cref="LoadLimits.MaxKeptPerByte"/> times the bytes read: short unique strings (each a string and a value
    /// object, some 80 bytes for 15 in the file) or many tiny resources would otherwise hold five times the file.
    /// </summary>
    public void Keep(long bytes)
    {
        _kept += bytes;
        if (_kept > Limits.KeptFrom && _kept > Limits.MaxKeptPerByte * _bytesRead)
            throw Error($"the values read so far would take about {Inputs.InputLimits.Describe(_kept)} of memory for " +
                        $"{Inputs.InputLimits.Describe(_bytesRead)} of file, more than {Limits.MaxKeptPerByte:0.#} times its size " +
                        "(many distinct strings, long names or tiny objects); real Pulumi artifacts take well under its size");
    }

    /// <summary>An error about the input's content at the current path.</summary>
    public ArtifactLoadException Error(string problem) => new(Name, problem, jsonPath: Path.ToString());

    /// <summary>
    /// A key given twice in one object. Go's decoder keeps the last; the gate refuses the file instead, so no hostile
    /// duplicate can make it read another value than Pulumi would.
    /// </summary>
    public ArtifactLoadException DuplicateKey(string key) =>
        Error($"the key \"{key}\" is given twice in one object; Pulumi would read only the last one, so the file is refused");

    private void Start(string expecting)
    {
        FillAtLeast(4);
        var span = Span;
        if (span.Length >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF) _start += 3;
        else if (span.Length >= 2 && ((span[0] == 0xFF && span[1] == 0xFE) || (span[0] == 0xFE && span[1] == 0xFF)))
            Transcode(bigEndian: span[0] == 0xFE);
        FillAtLeast(8192);
        var probe = Span;
        if (probe.Trim(" \t\r\n"u8).IsEmpty && _eof)
            throw new ArtifactLoadException(Name, "file is empty; expected a JSON document (did the pulumi command fail?)");
        if (probe.IndexOf((byte)0) >= 0)
            throw new ArtifactLoadException(Name, "binary content (NUL bytes); expected a UTF-8 JSON document");
        var first = probe.TrimStart(" \t\r\n"u8);
        if (first.Length > 0 && first[0] != (byte)'{' && first[0] != (byte)'[')
            throw new ArtifactLoadException(Name, NotJson.Problem(first, expecting), 1, 1);
    }

    /// <summary>
    /// UTF-16 input (rare: a PowerShell redirect) is read through <see cref="Utf16Stream"/>, which re-encodes it as
    /// UTF-8 block by block (strictly) as the reader asks for more: memory stays that of a UTF-8 file.
    /// </summary>
    private void Transcode(bool bigEndian)
    {
        var pending = _buffer.AsSpan(_start + 2, _end - _start - 2);
        _stream = new Utf16Stream(_stream, pending, bigEndian, Name, offset: 2);
        _start = _end = 0;
        _bytesRead = 0; // counted again as UTF-8, the form the density budget is about
        _eof = false;
    }

    private void FillAtLeast(int bytes)
    {
        while (!_eof && _end - _start < bytes) Fill();
    }

    /// <summary>Moves the unconsumed bytes to the front (growing the buffer when they fill it) and reads once.</summary>
    private void Fill()
    {
        if (_eof) return;
        var pending = _end - _start;
        if (pending == _buffer.Length)
        {
            // One token longer than the buffer (a long string): grow, within the size limit and the token limit (a
            // 300 MB string once took 1.5 GB: the buffer doubling, then the string decoded as UTF-16).
            if (pending >= Limits.MaxTokenBytes)
                throw Error($"a single JSON string or number is longer than {Inputs.InputLimits.Describe(Limits.MaxTokenBytes)}; " +
                            "no value of a Pulumi artifact the gate reads is that large");
            var bigger = ArrayPool<byte>.Shared.Rent(checked(_buffer.Length * 2));
            Buffer.BlockCopy(_buffer, _start, bigger, 0, pending);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        else if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
        }
        _start = 0;
        _end = pending;
        int n;
        try { n = _stream.Read(_buffer, _end, _buffer.Length - _end); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ArtifactLoadException(Name, $"cannot read the file ({e.GetType().Name.Replace("Exception", "")}: {e.Message})");
        }
        if (n == 0) { _eof = true; return; }
        _end += n;
        _bytesRead += n;
    }

    public void Dispose()
    {
        _stream.Dispose();
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
