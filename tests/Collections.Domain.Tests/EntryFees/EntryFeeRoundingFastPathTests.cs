using Collections.Cobol.Numerics;
using Collections.Domain.EntryFees;
using static Collections.Domain.Tests.EntryFees.EntryFeeTestData;

namespace Collections.Domain.Tests.EntryFees;

/// <summary>
/// The calculator rounds the entry MPF and the HMF with integer fast paths for truncation and half-away-from-zero;
/// these tests hold them to the general COBOL arithmetic (<see cref="CobolArithmetic.Store(CobolDecimal, NumericPic, CobolRoundingMode, bool)"/>,
/// itself checked against cobc) on random and edge values, for every rounding mode a policy can name.
/// </summary>
public class EntryFeeRoundingFastPathTests
{
    private static readonly NumericPic FeeAmount = NumericPic.Parse("S9(09)V99");

    public static TheoryData<CobolRoundingMode> Modes()
    {
        var data = new TheoryData<CobolRoundingMode>();
        foreach (var m in Enum.GetValues<CobolRoundingMode>()) data.Add(m);
        return data;
    }

    private static long Expected(CobolDecimal value, CobolRoundingMode mode) =>
        CobolArithmetic.Store(value, FeeAmount, mode).Value.ToUnscaledInt64(2);

    private static IEnumerable<long> RawMpfValues()
    {
        long[] edges = [1, 4, 5, 6, 499, 500, 501, 999, 1000, 3357499, 3357500, 3357501, 65150500, 99999999999999, 99999999999500];
        foreach (var e in edges) yield return e;
        var rng = new Random(20260302);
        for (var i = 0; i < 2000; i++) yield return rng.NextInt64(0, 100_000_000_000_000);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void CompleteEntry_EntryMpfRounding_EqualsCobolStoreThenLimits(CobolRoundingMode mode)
    {
        var policies = EntryFeePolicies.Legacy with { EntryMpfRounding = mode };
        var calc = new EntryFeeCalculator(FeeReference(), policies);
        foreach (var raw in RawMpfValues())
        {
            var r = Run(calc, Formal(), Line(1, 1_000_00, raw));

            var expected = Math.Min(Math.Max(Expected(CobolDecimal.FromUnscaled(raw, 5), mode), 33_58), 651_50);
            r.MpfCents.Should().Be(expected, $"raw MPF {raw} (5 decimals), {mode}");
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void CompleteEntry_HmfRounding_EqualsCobolStore(CobolRoundingMode mode)
    {
        var policies = EntryFeePolicies.Legacy with { HmfRounding = mode };
        var calc = new EntryFeeCalculator(FeeReference(), policies);
        var rng = new Random(7);
        long[] edges = [1, 39, 40, 41, 24_00, 24_01, 9_999_999_999_999, 9_999_999_999_960];
        foreach (var entered in edges.Concat(Enumerable.Range(0, 1000).Select(_ => rng.NextInt64(1, 10_000_000_000_000))))
        {
            // a vessel (mode 10) at an HMF port (1001), with duty so the $3 rule never waives the fee
            var r = Run(calc, Formal(port: "1001", mode: 10), Line(1, entered, duty: 1));

            var expected = Expected(CobolDecimal.FromUnscaled(entered, 2) * CobolDecimal.FromUnscaled(1250, 6), mode);
            r.HmfCents.Should().Be(expected, $"entered value {entered} cents, {mode}");
        }
    }
}
