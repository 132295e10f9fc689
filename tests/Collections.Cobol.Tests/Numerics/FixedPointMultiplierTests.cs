using System.Numerics;
using Collections.Cobol.Numerics;

namespace Collections.Cobol.Tests.Numerics;

/// <summary>
/// <see cref="FixedPointMultiplier"/> against <see cref="CobolArithmetic.Store(CobolDecimal, NumericPic, CobolRoundingMode, bool)"/>
/// of the exact product: every daily interest multiplier <c>1 + rate / 100 / 365</c> the legacy can compute (rates
/// 00.000 to 99.999 in steps, and random ones) on receivers of every size, multipliers of other scales and integer
/// parts, and the products whose fraction lies just above an integer (where the 128-bit approximation is one short
/// and the exact fallback must take over).
/// </summary>
public sealed class FixedPointMultiplierTests
{
    private static readonly NumericPic Factor = new(13, 10, false);   // CLV400 WS-INT-FACTOR PIC 9(03)V9(10)

    private static CobolDecimal Daily(int rateThousandths, int days = 365) =>
        CobolDecimal.One + CobolArithmetic.Divide(CobolArithmetic.Divide(CobolDecimal.FromUnscaled(rateThousandths, 3), 100), days);

    private static ulong Expected(ulong x, CobolDecimal m, NumericPic pic) =>
        (ulong)CobolArithmetic.Store(CobolDecimal.FromUnscaled((long)x, pic.Scale) * m, pic).Value.ToUnscaledInt64(pic.Scale);

    private static void Check(CobolDecimal m, NumericPic pic, IEnumerable<ulong> xs)
    {
        var f = FixedPointMultiplier.Create(m, pic);
        foreach (var x in xs)
        {
            var got = f.Apply(x);
            var want = Expected(x, m, pic);
            if (got != want) got.Should().Be(want, "{0} * {1} into {2}", x, m, pic);
        }
    }

    private static IEnumerable<ulong> Values(Random rng, NumericPic pic, int count)
    {
        var limit = (ulong)Math.Pow(10, pic.Digits);
        yield return 0;
        yield return 1;
        yield return limit - 1;
        yield return limit / 2;
        yield return (ulong)Math.Pow(10, pic.Scale);   // 1.0
        for (var i = 0; i < count; i++) yield return (ulong)rng.NextInt64(0, (long)Math.Min(limit, long.MaxValue));
    }

    [Fact]
    public void Apply_DailyInterestMultipliers_EqualsStore()
    {
        var rng = new Random(8500);
        var rates = Enumerable.Range(0, 1000).Select(i => i * 100).Concat([99_999, 1, 7_000, 8_000, 6_000, 12_345]).Concat(Enumerable.Range(0, 300).Select(_ => rng.Next(0, 100_000)));
        foreach (var rate in rates)
        {
            // the factor's first day (1.0), a realistic factor, and the whole range up to 999.9999999999
            Check(Daily(rate), Factor, [10_000_000_000, 10_001_917_808, 10_833_333_333, 9_999_999_999_999, .. Values(rng, Factor, 12)]);
        }
    }

    [Fact]
    public void Apply_OtherDaysPerYearAndReceivers_EqualsStore()
    {
        var rng = new Random(365);
        foreach (var days in new[] { 360, 366, 1, 7, 100_000 })
            foreach (var digits in new[] { 1, 5, 13, 18 })
                for (var scale = 0; scale <= Math.Min(digits, 12); scale += 4)
                    Check(Daily(rng.Next(0, 100_000), days), new NumericPic(digits, scale, false), Values(rng, new NumericPic(digits, scale, false), 40));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("0.5")]
    [InlineData("3.14159265358979323846264338327950288419716939937510")]
    [InlineData("12345.6789")]
    [InlineData("4294967295.999999999999999999999999999999")]
    [InlineData("0.0000000000000000000000000000000000000000000000001")]
    public void Apply_OtherMultipliers_EqualsStore(string multiplier)
    {
        var rng = new Random(multiplier.Length);
        var m = CobolDecimal.Parse(multiplier);
        foreach (var pic in new[] { Factor, new NumericPic(18, 0, false), new NumericPic(18, 17, false), new NumericPic(3, 1, false) })
            Check(m, pic, Values(rng, pic, 200));
    }

    [Fact]
    public void Apply_NegativeScaleMultiplier_EqualsStore()
    {
        var m = CobolDecimal.FromUnscaled(7, -2);   // 700 (P scaling)
        Check(m, new NumericPic(18, 2, false), Values(new Random(7), new NumericPic(18, 2, false), 100));
    }

    [Fact]
    public void Apply_FractionJustAboveAnInteger_UsesTheExactProduct()
    {
        // c = 0.333...334 (45 digits): 3 * c = 1 + 2e-45, far below 3 / 2^128, so floor(3 * C / 2^128) is 0, one short
        var m = CobolDecimal.FromUnscaled(BigInteger.Parse("1" + new string('3', 44) + "4", System.Globalization.CultureInfo.InvariantCulture), 45);
        var f = FixedPointMultiplier.Create(m, Factor);
        f.Apply(3).Should().Be(4).And.Be(Expected(3, m, Factor));
        // and every multiple of 3 (k * c = k/3 + 2k/3e-45): the fraction above an integer is tiny for each
        Check(m, Factor, Enumerable.Range(1, 3000).Select(k => (ulong)k * 3));
        Check(m, Factor, Enumerable.Range(1, 3000).Select(k => 9_999_999_999_999UL - ((ulong)k * 3)));
    }

    [Fact]
    public void TryCreate_FormsItDoesNotCover_False()
    {
        FixedPointMultiplier.TryCreate(CobolDecimal.FromUnscaled(-1, 0), Factor, out _).Should().BeFalse();
        FixedPointMultiplier.TryCreate(CobolDecimal.One, new NumericPic(13, 10, true), out _).Should().BeFalse();
        FixedPointMultiplier.TryCreate(CobolDecimal.One, new NumericPic(19, 0, false), out _).Should().BeFalse();
        FixedPointMultiplier.TryCreate(CobolDecimal.FromUnscaled(1L << 32, 0), Factor, out _).Should().BeFalse();
        FixedPointMultiplier.TryCreate(CobolDecimal.FromUnscaled(uint.MaxValue, 0), Factor, out _).Should().BeTrue();
        var create = () => FixedPointMultiplier.Create(CobolDecimal.FromUnscaled(-1, 0), Factor);
        create.Should().Throw<ArgumentException>();
    }
}
