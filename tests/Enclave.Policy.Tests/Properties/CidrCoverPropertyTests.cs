using CsCheck;
using Enclave.Policy.Network;

namespace Enclave.Policy.Tests.Properties;

/// <summary>
/// ENC-NET-030 asks a <see cref="CidrCover"/> (ranges merged once, then a binary search) whether a source lies in the
/// declared networks; it must answer exactly as the sweep over every block (<see cref="Cidr.IsCoveredBy"/>) does, on
/// overlapping, nested, adjacent and duplicate blocks of both families, including the whole address space.
/// </summary>
public class CidrCoverPropertyTests
{
    // Few distinct addresses and wide prefixes, so blocks often nest, touch and repeat.
    private static readonly Gen<Cidr> V4 = Gen.Select(Gen.Int[0, 15], Gen.Int[0, 255], Gen.Int[0, 32],
        (a, b, prefix) => Cidr.Parse($"10.{a * 16}.{b}.0/{prefix}"));

    private static readonly Gen<Cidr> V6 = Gen.Select(Gen.Int[0, 15], Gen.Int[0, 128],
        (a, prefix) => Cidr.Parse($"fd00:{a:x}::/{prefix}"));

    private static readonly Gen<Cidr> Block = Gen.Frequency((6, V4), (2, V6), (1, Gen.OneOfConst(Cidr.AnyV4, Cidr.AnyV6)));

    [Fact]
    public void Cover_answers_as_the_sweep_over_every_block()
    {
        Gen.Select(Block.Array[0, 12], Block.Array[1, 12]).Sample((cover, probes) =>
        {
            var merged = new CidrCover(cover);
            foreach (var probe in probes)
                Assert.Equal(Cidr.IsCoveredBy(probe, cover), merged.Covers(probe));
        }, iter: 3000);
    }

    [Fact]
    public void Adjacent_halves_cover_the_whole_but_a_gap_does_not()
    {
        Assert.True(new CidrCover([Cidr.Parse("10.128.0.0/9"), Cidr.Parse("10.0.0.0/9")]).Covers(Cidr.Parse("10.0.0.0/8")));
        Assert.False(new CidrCover([Cidr.Parse("10.0.0.0/10"), Cidr.Parse("10.128.0.0/9")]).Covers(Cidr.Parse("10.0.0.0/8")));
        Assert.False(new CidrCover([Cidr.AnyV6]).Covers(Cidr.Parse("10.0.0.0/8")));
    }
}
