using Collections.Cobol.Numerics;

namespace Collections.Cobol.Tests.Numerics;

/// <summary>The integer fast paths give exactly what <see cref="CobolArithmetic.Store(CobolDecimal, NumericPic, CobolRoundingMode, bool)"/> (GnuCOBOL semantics) gives.</summary>
public class CobolArithmeticInt64Tests
{
    private static readonly NumericPic Amount = new(13, 2, true), Whole = new(11, 0, true), RawMpf = new(14, 5, true);

    private static IEnumerable<long> Values(Random rnd, long max)
    {
        foreach (var v in new long[] { 0, 1, 49, 50, 51, 99, 100, 149, 150, max, -1, -50, -max }) yield return v;
        for (int i = 0; i < 3000; i++) yield return rnd.NextInt64(-max, max + 1) / (i % 3 == 0 ? 1 : rnd.NextInt64(1, 1_000_000));
    }

    [Theory]
    [InlineData(CobolRoundingMode.Truncation)]
    [InlineData(CobolRoundingMode.NearestAwayFromZero)]
    [InlineData(CobolRoundingMode.NearestEven)]
    public void TryStoreProduct_RandomOperands_SameAsCobolArithmetic(CobolRoundingMode mode)
    {
        var rnd = new Random(1234);
        foreach (var a in Values(rnd, 99_999_999_999_99))
        foreach (var pic in new[] { Amount, RawMpf })
        {
            long rate = rnd.NextInt64(0, 10_000_000_000);
            var expected = CobolArithmetic.Store(CobolDecimal.FromUnscaled(a, 2) * CobolDecimal.FromUnscaled(rate, 6), pic, mode, onSizeError: true);
            var ok = CobolArithmetic.TryStoreProduct(a, 2, rate, 6, pic, mode, out var got);
            ok.Should().Be(!expected.SizeError, $"{a} x {rate}");
            if (ok) got.Should().Be(expected.Value.ToUnscaledInt64(pic.Scale), $"{a} x {rate}");
        }
    }

    [Theory]
    [InlineData(CobolRoundingMode.Truncation)]
    [InlineData(CobolRoundingMode.NearestAwayFromZero)]
    public void TryStoreQuotient_RandomOperands_SameAsCobolArithmetic(CobolRoundingMode mode)
    {
        var rnd = new Random(99);
        foreach (var a in Values(rnd, 99_999_999_999_99))
        {
            long rate = rnd.Next(4) switch { 0 => 1_000_000, 1 => rnd.NextInt64(1, 1000), 2 => 2_000_000, _ => rnd.NextInt64(1, 1_000_000_000_000) };
            var expected = CobolArithmetic.Store(CobolArithmetic.Divide(CobolDecimal.FromUnscaled(a, 2), CobolDecimal.FromUnscaled(rate, 6)), Whole, mode, onSizeError: true);
            var ok = CobolArithmetic.TryStoreQuotient(a, 2, rate, 6, Whole, mode, out var got);
            ok.Should().Be(!expected.SizeError, $"{a} / {rate}");
            if (ok) got.Should().Be(expected.Value.ToUnscaledInt64(0), $"{a} / {rate}");
        }
    }
}


/// <summary><see cref="CobolArithmetic.StoreRescaled"/>, <see cref="CobolArithmetic.TruncateHighOrder"/> and <see cref="CobolArithmetic.Add(long, long, NumericPic)"/> against the decimal path.</summary>
public class CobolArithmeticInt64StoreTests
{
    public static TheoryData<CobolRoundingMode> Modes()
    {
        var data = new TheoryData<CobolRoundingMode>();
        foreach (var m in Enum.GetValues<CobolRoundingMode>()) data.Add(m);
        return data;
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void StoreRescaled_EveryMode_SameAsStore(CobolRoundingMode mode)
    {
        var rnd = new Random(17);
        var receivers = new[] { new NumericPic(11, 2, true), new NumericPic(3, 2, true), new NumericPic(11, 2, false), new NumericPic(18, 0, true), new NumericPic(19, 2, true), new NumericPic(5, 5, true) };
        for (var i = 0; i < 1500; i++)
        {
            Int128 value = (Int128)rnd.NextInt64(-long.MaxValue, long.MaxValue) * (i % 4 == 0 ? rnd.Next(1, 1_000_000) : 1) / (i % 3 == 0 ? 1 : rnd.NextInt64(1, 1_000_000_000));
            if (i % 50 == 0) value = (i / 50 % 3) switch { 0 => 5, 1 => -15, _ => 0 };
            foreach (var fromScale in new[] { 2, 3, 5, 8, 21 })
            foreach (var pic in receivers)
            {
                var expected = CobolArithmetic.Store(CobolDecimal.FromUnscaled(value, fromScale), pic, mode);
                if (pic.Digits > 18 && expected.Value.TryGetUnscaled(out Int128 u) && Int128.Abs(u) > long.MaxValue) continue;
                CobolArithmetic.StoreRescaled(value, fromScale, pic, mode).Should().Be(expected.Value.ToUnscaledInt64(pic.Scale), $"{value} at scale {fromScale} into {pic} {mode}");
            }
        }
    }

    [Fact]
    public void TruncateHighOrder_RandomValuesEveryDigitCount_SameAsMove()
    {
        var rnd = new Random(3);
        for (var i = 0; i < 3000; i++)
        {
            var v = i switch { 0 => long.MaxValue, 1 => -long.MaxValue, 2 => 0, 3 => 999, 4 => -1000, _ => rnd.NextInt64(-long.MaxValue, long.MaxValue) / (long)Math.Pow(10, rnd.Next(0, 18)) };
            for (var digits = 1; digits <= 19; digits++)
            foreach (var signed in new[] { true, false })
            {
                // ADD without ON SIZE ERROR stores what MOVE stores: high-order truncation, the sign dropped for an unsigned receiver
                var expected = CobolArithmetic.Move(CobolDecimal.FromUnscaled(v, 0), new NumericPic(digits, 0, signed)).ToUnscaledInt64(0);
                CobolArithmetic.TruncateHighOrder(v, digits, signed).Should().Be(expected, $"{v} to {digits} digits, signed {signed}");
            }
        }
    }

    [Fact]
    public void Add_WithoutSizeError_TruncatesHighOrderKeepingTheSign()
    {
        var pic = new NumericPic(5, 2, true);
        CobolArithmetic.Add(999_00, 2_50, pic).Should().Be(1_50);
        CobolArithmetic.Add(-999_00, -2_50, pic).Should().Be(-1_50);
        CobolArithmetic.Add(999_00, -2_50, pic).Should().Be(996_50);
        CobolArithmetic.Add(99_999, 1, pic).Should().Be(0);
        CobolArithmetic.Add(-5, 3, new NumericPic(5, 2, false)).Should().Be(2, "an unsigned receiver drops the sign");
        var act = () => CobolArithmetic.TruncateHighOrder(1, 0);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void TryStoreQuotient_ZeroDivisor_Throws()
    {
        var act = () => CobolArithmetic.TryStoreQuotient(1, 2, 0, 6, new NumericPic(11, 0, true), CobolRoundingMode.Truncation, out _);
        act.Should().Throw<DivideByZeroException>();
    }
}

/// <summary>The long fast paths hand over to Int128 exactly where a long would overflow.</summary>
public class CobolArithmeticInt64BoundaryTests
{
    private static readonly NumericPic Amount = new(13, 2, true), Whole = new(11, 0, true), Wide = new(18, 2, true);

    [Theory]
    [InlineData(CobolRoundingMode.Truncation)]
    [InlineData(CobolRoundingMode.NearestAwayFromZero)]
    public void TryStoreProduct_ProductsAroundLongOverflow_SameAsCobolArithmetic(CobolRoundingMode mode)
    {
        foreach (var rate in new long[] { 9_999_999, 9_999_999_999, 3, 1_000_000 })
        {
            var edge = long.MaxValue / rate;
            foreach (var a in new[] { edge - 1, edge, edge + 1, -edge, -edge - 1, 99_999_999_999_99, -99_999_999_999_99 })
            foreach (var pic in new[] { Amount, Wide })
            {
                var expected = CobolArithmetic.Store(CobolDecimal.FromUnscaled(a, 2) * CobolDecimal.FromUnscaled(rate, 6), pic, mode, onSizeError: true);
                CobolArithmetic.TryStoreProduct(a, 2, rate, 6, pic, mode, out var got).Should().Be(!expected.SizeError, $"{a} x {rate}");
                if (!expected.SizeError) got.Should().Be(expected.Value.ToUnscaledInt64(pic.Scale), $"{a} x {rate}");
            }
        }
    }

    [Theory]
    [InlineData(CobolRoundingMode.Truncation)]
    [InlineData(CobolRoundingMode.NearestAwayFromZero)]
    public void TryStoreQuotient_DividendsAroundLongOverflow_SameAsCobolArithmetic(CobolRoundingMode mode)
    {
        var edge = long.MaxValue / 1_000_000;   // a × 10^6 no longer fits a long above this
        foreach (var a in new[] { edge - 1, edge, edge + 1, -edge - 1, 99_999_999_999_99, 1, -1 })
        foreach (var rate in new long[] { 1, 1_000_000, 999_999_999_999, 3 })
        foreach (var pic in new[] { Whole, Wide })
        {
            var expected = CobolArithmetic.Store(CobolArithmetic.Divide(CobolDecimal.FromUnscaled(a, 2), CobolDecimal.FromUnscaled(rate, 6)), pic, mode, onSizeError: true);
            CobolArithmetic.TryStoreQuotient(a, 2, rate, 6, pic, mode, out var got).Should().Be(!expected.SizeError, $"{a} / {rate}");
            if (!expected.SizeError) got.Should().Be(expected.Value.ToUnscaledInt64(pic.Scale), $"{a} / {rate}");
        }
    }
}
