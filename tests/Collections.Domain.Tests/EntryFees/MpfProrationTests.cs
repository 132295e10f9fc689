using Collections.Domain.EntryFees;

namespace Collections.Domain.Tests.EntryFees;

public class MpfProrationTests
{
    private static long[] Prorate(long mpf, long[] values, EntryFeePolicies? policies = null, long previous = 0)
    {
        var parts = new long[values.Length];
        MpfProration.Prorate(mpf, values, values.Sum(), policies ?? EntryFeePolicies.Legacy, ref previous, parts);
        return parts;
    }

    [Fact]
    public void Prorate_ThreeLines_TruncatedSharesAndRemainderOnLastLine()
    {
        // 33.58 x 100/600.01 = 5.5965... -> 5.59 ; x 200/600.01 = 11.1931... -> 11.19 ; last = 33.58 - 16.78 = 16.80
        Prorate(33_58, [100_00, 200_00, 300_01]).Should().Equal(5_59, 11_19, 16_80);
    }

    [Fact]
    public void Prorate_RemainderOnFirstLinePolicy_MovesTheCents()
    {
        Prorate(33_58, [100_00, 200_00, 300_01], EntryFeePolicies.Legacy with { MpfRemainder = MpfRemainderPlacement.FirstLiableLine })
            .Should().Equal(33_58 - 11_19 - 16_79, 11_19, 16_79);
    }

    [Theory]
    [InlineData(33_58L, new long[] { 1, 2, 3, 4, 5, 6, 7 })]
    [InlineData(651_50L, new long[] { 33_333_333, 33_333_333, 33_333_334 })]
    [InlineData(1L, new long[] { 1_00, 1_00, 1_00 })]
    public void Prorate_AnyLines_PartsAddUpToTheMpf(long mpf, long[] values)
    {
        Prorate(mpf, values).Sum().Should().Be(mpf);
    }

    [Fact]
    public void Prorate_ZeroLiableValue_KeepsPreviousShareLikeGnuCobol()
    {
        long previous = 7_77;
        var parts = new long[3];

        MpfProration.Prorate(33_58, [0, 0, 0], 0, EntryFeePolicies.Legacy, ref previous, parts);

        parts.Should().Equal(7_77, 7_77, 33_58 - 15_54);
        previous.Should().Be(33_58 - 15_54);
    }

    [Fact]
    public void Prorate_ZeroLiableValueWithZeroPolicy_LastLineTakesAll()
    {
        long previous = 7_77;
        var parts = new long[2];

        MpfProration.Prorate(33_58, [0, 0], 0, EntryFeePolicies.Legacy with { ZeroLiableValueShare = ZeroDivisorShare.Zero }, ref previous, parts);

        parts.Should().Equal(0, 33_58);
    }

    [Fact]
    public void Prorate_OneLine_GetsTheWholeMpf()
    {
        Prorate(651_50, [5_000_000_00]).Should().Equal(651_50);
    }
}

public class MpfProrationShareTests
{
    [Fact]
    public void Share_TruncationFastPath_EqualsCobolArithmeticOnRandomValues()
    {
        var rng = new Random(42);
        for (var i = 0; i < 20_000; i++)
        {
            long mpf = rng.NextInt64(-1_000_000_00, 100_000_000_000);
            long value = rng.NextInt64(-10_000_000_00, 10_000_000_000_000);
            long liable = rng.Next(3) switch { 0 => value + rng.NextInt64(0, 1_000_000), 1 => rng.NextInt64(1, 100), _ => rng.NextInt64(-10_000_000_00, 10_000_000_000_000) };
            if (liable == 0) continue;

            MpfProration.Share(mpf, value, liable, EntryFeePolicies.Legacy, 0)
                .Should().Be(MpfProration.ShareByCobolArithmetic(mpf, value, liable, Collections.Cobol.Numerics.CobolRoundingMode.Truncation),
                    $"mpf {mpf} value {value} liable {liable}");
        }
    }
}
