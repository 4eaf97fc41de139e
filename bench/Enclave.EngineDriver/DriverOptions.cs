using System.Collections.Immutable;
using Enclave.Offline.Stacks;

namespace Enclave.EngineDriver;

/// <summary>A usage or run problem, reported as one line.</summary>
public sealed class DriverException(string message) : Exception(message);

public sealed record DriverOptions(string Repo, string Program, int Runs, ImmutableArray<string> Stacks, string? RecordDirectory = null)
{
    public static DriverOptions Parse(string[] args)
    {
        string? repo = null, program = null, stacks = null, record = null;
        var runs = 5;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new DriverException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--repo": repo = Next(); break;
                case "--program": program = Path.GetFullPath(Next()); break;
                case "--stacks": stacks = Next(); break;
                case "--record": record = Path.GetFullPath(Next()); break;
                case "--runs":
                    if (!int.TryParse(Next(), out runs) || runs < 1) throw new DriverException("--runs must be a whole number of at least 1");
                    break;
                default: throw new DriverException($"unknown argument '{args[i]}' (--program PATH, --runs N, --stacks a,b, --repo DIR, --record DIR)");
            }
        }
        repo ??= FindRepo(Directory.GetCurrentDirectory());
        program ??= Path.Combine(repo, "infra/Enclave/bin/Release/net10.0/Enclave.dll");
        if (!File.Exists(program)) throw new DriverException($"{program} does not exist (build or publish infra/Enclave first)");
        var names = stacks?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray()
                    ?? StackConfigFile.ListStacks(repo);
        if (record is not null) Directory.CreateDirectory(record);
        return new DriverOptions(repo, program, runs, names, record);
    }

    private static string FindRepo(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Infrastructure.sln"))) return dir.FullName;
        }
        throw new DriverException("run inside the repository or give --repo DIR");
    }
}
