using System.Text;

namespace Enclave.Policy.Tests.Inputs;

/// <summary>YAML documents built to hurt a parser: deep nesting, alias bombs, cycles.</summary>
public static class HostileYaml
{
    /// <summary>"Billion laughs": each level is a list of ten aliases to the level before (10^levels leaves).</summary>
    public static string BillionLaughs(int levels = 9, string prefix = "")
    {
        var sb = new StringBuilder(prefix);
        sb.Append("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= levels; i++)
            sb.Append($"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n");
        return sb.ToString();
    }

    /// <summary>Flow sequences nested <paramref name="depth"/> deep on one line (~2 bytes a level).</summary>
    public static string DeepFlow(int depth) => new string('[', depth) + new string(']', depth);

    /// <summary>Block sequences nested <paramref name="depth"/> deep ("- - - - x"), the form a waiver list takes.</summary>
    public static string DeepBlock(int depth) => string.Concat(Enumerable.Repeat("- ", depth)) + "x\n";

    /// <summary>Mappings nested <paramref name="depth"/> deep as a value of <paramref name="key"/>.</summary>
    public static string DeepMapping(string key, int depth)
    {
        var sb = new StringBuilder(key).Append(": ");
        for (var i = 0; i < depth; i++) sb.Append("{a: ");
        sb.Append('1').Append('}', depth).Append('\n');
        return sb.ToString();
    }
}
