using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using CsCheck;

namespace Enclave.Fuzz.Tests;

/// <summary>
/// Runs one fuzz target. In CI (the default) a fixed budget of deterministic samples: sample <c>i</c> is generated
/// from seed <c>i</c> of a stream named after the target, so a failure reproduces on every machine. Locally:
/// <list type="bullet">
/// <item><c>ENCLAVE_FUZZ_SECONDS=600</c>: each target runs that long on random seeds (after its CI budget).</item>
/// <item><c>ENCLAVE_FUZZ_SEED=&lt;n&gt;</c>: replays sample <c>n</c> of each target (a failure message names it).</item>
/// </list>
/// A sample fails when the code under test throws anything but the exceptions the target documents, or runs longer
/// than <see cref="HangLimit"/> (a hang guard, far above any real parse, not a speed target).
/// </summary>
public static class Fuzz
{
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    public static void Run<T>(Gen<T> gen, int budget, Action<T> check, Func<T, string>? print = null, [CallerMemberName] string target = "")
    {
        var stream = Stream(target);
        if (Environment.GetEnvironmentVariable("ENCLAVE_FUZZ_SEED") is { Length: > 0 } replay)
        {
            Sample(gen, check, print, target, stream, ulong.Parse(replay, CultureInfo.InvariantCulture));
            return;
        }
        for (ulong seed = 0; seed < (ulong)budget; seed++) Sample(gen, check, print, target, stream, seed);
        if (Environment.GetEnvironmentVariable("ENCLAVE_FUZZ_SECONDS") is { Length: > 0 } seconds)
        {
            var until = Stopwatch.StartNew();
            var limit = TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture));
            while (until.Elapsed < limit) Sample(gen, check, print, target, stream, (ulong)Random.Shared.NextInt64());
        }
    }

    /// <summary>Runs <paramref name="action"/>; exceptions of the documented types are expected outcomes.</summary>
    public static void Expect<TDocumented>(Action action) where TDocumented : Exception
    {
        try { action(); }
        catch (TDocumented) { }
    }

    /// <summary>As <see cref="Expect{TDocumented}"/> with two documented types.</summary>
    public static void Expect<TFirst, TSecond>(Action action) where TFirst : Exception where TSecond : Exception
    {
        try { action(); }
        catch (TFirst) { }
        catch (TSecond) { }
    }

    private static void Sample<T>(Gen<T> gen, Action<T> check, Func<T, string>? print, string target, uint stream, ulong seed)
    {
        var value = gen.Generate(new PCG(stream, seed), null, out _);
        var clock = Stopwatch.StartNew();
        try { check(value); }
        catch (Exception e)
        {
            throw new FuzzFailure($"{target}: sample {seed} threw {e.GetType().Name}: {e.Message} " +
                                  $"(replay: ENCLAVE_FUZZ_SEED={seed}) input: {Show(value, print)}", e);
        }
        if (clock.Elapsed > HangLimit)
            throw new FuzzFailure($"{target}: sample {seed} took {clock.Elapsed.TotalSeconds:0.0} s (hang guard {HangLimit.TotalSeconds} s; " +
                                  $"replay: ENCLAVE_FUZZ_SEED={seed}) input: {Show(value, print)}");
    }

    private static string Show<T>(T value, Func<T, string>? print)
    {
        var text = print?.Invoke(value) ?? value?.ToString() ?? "null";
        return Enclave.Escaping.SafeText.Escape(text, 600);
    }

    /// <summary>A stable stream per target (FNV-1a of its name), so targets do not share samples.</summary>
    private static uint Stream(string target)
    {
        var hash = 2166136261u;
        foreach (var c in target) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}

public sealed class FuzzFailure(string message, Exception? inner = null) : Exception(message, inner);
