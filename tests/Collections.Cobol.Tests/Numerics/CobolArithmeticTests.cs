using Collections.Cobol.Numerics;

namespace Collections.Cobol.Tests.Numerics;

/// <summary>
/// Expected values are the outputs of small programs compiled with cobc 3.1.2 and the legacy's flags
/// (the random differential test checks the same rules at scale).
/// </summary>
public class CobolArithmeticTests
{
    private static CobolDecimal D(string s) => CobolDecimal.Parse(s);

    private static readonly NumericPic S9V99 = NumericPic.Parse("S9V99");

    [Fact]
    public void Divide_TwoThirdsTimesThree_GivesOneNinetyNine()
    {
        // COMPUTE X = 2 / 3 * 3 into S9V99 -> +1.99 in GnuCOBOL.
        var r = CobolArithmetic.Store(CobolArithmetic.Divide(D("2"), D("3")) * D("3"), S9V99);
        r.Value.Should().Be(D("1.99"));
        r.SizeError.Should().BeFalse();
    }

    [Fact]
    public void Divide_QuotientScale_Is38PlusScaleDifference()
    {
        CobolArithmetic.Divide(D("2"), D("3")).Scale.Should().Be(38);
        CobolArithmetic.Divide(D("2.000"), D("3")).Scale.Should().Be(41);
        CobolArithmetic.Divide(D("2"), D("3.00")).Scale.Should().Be(38);
        CobolArithmetic.Divide(D("0"), D("3.00")).Scale.Should().Be(0);
    }

    [Fact]
    public void Divide_ByZero_Throws()
    {
        var act = () => CobolArithmetic.Divide(D("1"), D("0.00"));
        act.Should().Throw<DivideByZeroException>();
    }

    [Theory]
    [InlineData("1.125", CobolRoundingMode.NearestEven, "1.12")]
    [InlineData("1.135", CobolRoundingMode.NearestEven, "1.14")]
    [InlineData("-1.125", CobolRoundingMode.NearestEven, "-1.12")]
    [InlineData("-1.12500001", CobolRoundingMode.NearestEven, "-1.13")]
    [InlineData("-1.125", CobolRoundingMode.NearestTowardZero, "-1.12")]
    [InlineData("-1.1250001", CobolRoundingMode.NearestTowardZero, "-1.13")]
    [InlineData("-1.1250001", CobolRoundingMode.TowardGreater, "-1.12")]
    [InlineData("-1.1250001", CobolRoundingMode.TowardLesser, "-1.13")]
    [InlineData("-1.1200001", CobolRoundingMode.AwayFromZero, "-1.13")]
    [InlineData("-1.1290001", CobolRoundingMode.Truncation, "-1.12")]
    [InlineData("-1.125", CobolRoundingMode.NearestAwayFromZero, "-1.13")]
    public void Store_RoundingModes_MatchCobc(string value, CobolRoundingMode mode, string expected)
    {
        var r = CobolArithmetic.Store(D(value), S9V99, mode);
        r.Value.Should().Be(D(expected));
        r.SizeError.Should().BeFalse();
    }

    [Fact]
    public void Store_Prohibited_WithExcessZeroDigits_RaisesSizeErrorAndStoresTruncated()
    {
        var r = CobolArithmetic.Store(D("1.130"), S9V99, D("7.77"), CobolRoundingMode.Prohibited, onSizeError: true);
        r.SizeError.Should().BeTrue();
        r.Value.Should().Be(D("1.13"));
    }

    [Fact]
    public void Store_Prohibited_WithOverflowAndSizeError_KeepsReceiver()
    {
        var r = CobolArithmetic.Store(D("12.345"), S9V99, D("1.00"), CobolRoundingMode.Prohibited, onSizeError: true);
        r.Should().Be(new StoreResult(D("1.00"), true));
        CobolArithmetic.Store(D("12.345"), S9V99, D("1.00"), CobolRoundingMode.Prohibited, onSizeError: false)
            .Value.Should().Be(D("2.34"));
    }

    [Fact]
    public void Store_Overflow_TruncatesHighOrderOrKeepsReceiverWithSizeError()
    {
        var s999 = NumericPic.Parse("S999");
        CobolArithmetic.Store(D("-1000"), s999).Should().Be(new StoreResult(D("0"), true) { NegativeZero = true });
        CobolArithmetic.Store(D("-1000"), s999, D("5"), CobolRoundingMode.Truncation, onSizeError: true)
            .Should().Be(new StoreResult(D("5"), true));
        // ROUNDED AWAY-FROM-ZERO 9.991 -> 10.00 overflows S9V99
        CobolArithmetic.Store(D("9.991"), S9V99, D("-1.13"), CobolRoundingMode.AwayFromZero, onSizeError: true)
            .Should().Be(new StoreResult(D("-1.13"), true));
    }

    [Fact]
    public void Store_UnsignedReceiver_DropsSign()
    {
        // COMPUTE U ROUNDED = -12.345 into 9(3)V9 -> 012.3
        CobolArithmetic.Store(D("-12.345"), NumericPic.Parse("9(3)V9"), CobolRoundingMode.NearestAwayFromZero)
            .Value.Should().Be(D("12.3"));
    }

    [Fact]
    public void Store_PScaledReceivers_MatchCobc()
    {
        CobolArithmetic.Store(D("12345"), NumericPic.Parse("99PPP")).Value.Should().Be(D("12000"));
        CobolArithmetic.Store(D("0.0012345"), NumericPic.Parse("PPP99")).Value.Should().Be(D("0.00023"));
    }

    [Fact]
    public void Store_NegativeTinyValue_GivesZero()
    {
        CobolArithmetic.Store(D("-0.001"), S9V99).Value.Should().Be(D("0"));
    }

    [Fact]
    public void DivideGivingRemainder_RemainderFromTruncatedQuotient()
    {
        var q = NumericPic.Parse("S99");
        var r = NumericPic.Parse("S99V9");
        var a = CobolArithmetic.DivideGivingRemainder(D("17"), D("5"), q, default, r, default);
        a.Quotient.Value.Should().Be(D("3"));
        a.Remainder.Value.Should().Be(D("2"));
        var b = CobolArithmetic.DivideGivingRemainder(D("-17.5"), D("4"), q, default, r, default, CobolRoundingMode.NearestAwayFromZero);
        b.Quotient.Value.Should().Be(D("-4"));
        b.Remainder.Value.Should().Be(D("-1.5"));
    }

    [Fact]
    public void DivideGivingRemainder_QuotientSizeError_KeepsQuotientStoresRemainder()
    {
        var q = NumericPic.Parse("S9");
        var r = NumericPic.Parse("S9(3)V9");
        var a = CobolArithmetic.DivideGivingRemainder(D("100"), D("3"), q, D("7"), r, D("7"), onSizeError: true);
        a.Quotient.Should().Be(new StoreResult(D("7"), true));
        a.Remainder.Value.Should().Be(D("1"));
        var b = CobolArithmetic.DivideGivingRemainder(D("100"), D("3"), q, D("7"), r, D("7"));
        b.Quotient.Value.Should().Be(D("3"));
        var z = CobolArithmetic.DivideGivingRemainder(D("100"), D("0"), q, D("7"), r, D("7"), onSizeError: true);
        z.Quotient.Value.Should().Be(D("7"));
        z.Remainder.Value.Should().Be(D("7"));
        z.SizeError.Should().BeTrue();
    }

    [Fact]
    public void Compute_DivisionByZero_KeepsReceiverAndRaisesSizeError()
    {
        var s999 = NumericPic.Parse("S999");
        CobolArithmetic.Compute(() => D("7") / D("0"), s999, D("5")).Should().Be(new StoreResult(D("5"), true));
    }

    [Fact]
    public void Power_IntegerExponents()
    {
        CobolArithmetic.Power(D("2"), -2).Should().Be(D("0.25"));
        CobolArithmetic.Power(D("1.50"), 2).IsIdenticalTo(D("2.25")).Should().BeTrue();
        CobolArithmetic.Power(D("0"), -1).Should().Be(D("0"));
        CobolArithmetic.Power(D("0"), 0).Should().Be(D("1"));
        CobolArithmetic.PowerRaisesSizeError(D("0"), 0).Should().BeTrue();
        CobolArithmetic.Power(D("3"), -1).Scale.Should().Be(38);
    }

    [Fact]
    public void AddTo_Overflow_WithSizeError_KeepsReceiver()
    {
        CobolArithmetic.AddTo(D("10"), S9V99, D("1")).Value.Should().Be(D("1.00"));
        CobolArithmetic.AddTo(D("10"), S9V99, D("1.5"), onSizeError: true).Should().Be(new StoreResult(D("1.5"), true));
    }

    [Fact]
    public void Move_TruncatesBothEndsAndDropsSignForUnsigned()
    {
        CobolArithmetic.Move(D("-1000"), NumericPic.Parse("S999")).Should().Be(D("0"));
        CobolArithmetic.Move(D("-1234.567"), NumericPic.Parse("99V99")).Should().Be(D("34.56"));
        CobolArithmetic.Move(D("12345"), NumericPic.Parse("99PPP")).Should().Be(D("12000"));
    }
}

public class CobolArithmeticNegativeZeroTests
{
    private static CobolDecimal D(string s) => CobolDecimal.Parse(s);

    [Fact]
    public void Store_HighOrderTruncationToZero_ReportsNegativeZero()
    {
        // COMPUTE S999 = -1000 leaves "00}" (cobc 3.1.2); -0.001 into S9V99 leaves a positive zero.
        CobolArithmetic.Store(D("-1000"), NumericPic.Parse("S999")).NegativeZero.Should().BeTrue();
        CobolArithmetic.Store(D("-0.001"), NumericPic.Parse("S9V99")).NegativeZero.Should().BeFalse();
        CobolArithmetic.Store(D("-1000"), NumericPic.Parse("999")).NegativeZero.Should().BeFalse();
    }

    [Theory]
    [InlineData(NumericUsage.Display, NumericUsage.Display, "-0.005", "S9", true)]
    [InlineData(NumericUsage.Packed, NumericUsage.Display, "-0.005", "S9", true)]
    [InlineData(NumericUsage.Display, NumericUsage.Packed, "-0.005", "S9", true)]
    [InlineData(NumericUsage.Packed, NumericUsage.Packed, "-0.005", "S9", false)]
    [InlineData(NumericUsage.Binary, NumericUsage.Packed, "-0.005", "S9", false)]
    [InlineData(NumericUsage.Packed, NumericUsage.Packed, "-1000", "S999", true)]
    [InlineData(NumericUsage.Binary, NumericUsage.Packed, "-1000", "S999", true)]
    [InlineData(NumericUsage.Display, NumericUsage.Binary, "-1000", "S999", false)]
    public void Move_NegativeZero_DependsOnUsages(NumericUsage from, NumericUsage to, string value, string pic, bool expected)
    {
        CobolArithmetic.Move(D(value), from, NumericPic.Parse(pic), to, out bool nz).Should().Be(D("0"));
        nz.Should().Be(expected);
    }

    // Results printed by cobc 3.1.2 (legacy flags): the first two from the differential tool's mismatches, the
    // others from a small cobc program (MOVE then DISPLAY). A DISPLAY source whose value at the receiver's scale
    // exceeds 2^64 wraps in libcob's 64-bit accumulator before the cut to the PIC digits; a COMP-3 receiver cuts
    // the decimal value itself.
    [Theory]
    [InlineData("543069556083.52080", "S9(5)V9(8)", "74609.32976768", "56083.52080000")]
    [InlineData("6728895106899", "9(3)V9(7)", "786.1345152", "899.0000000")]
    [InlineData("-543069556083.52080", "S9(5)V9(8)", "-74609.32976768", "-56083.52080000")]
    [InlineData("12345678901.2345", "S9(5)V9(8)", "78901.23450000", "78901.23450000")]
    public void Move_DisplayToBinaryBeyond64Bits_WrapsLikeLibcob(string value, string pic, string binary, string packed)
    {
        CobolArithmetic.Move(D(value), NumericUsage.Display, NumericPic.Parse(pic), NumericUsage.Binary, out _)
            .Should().Be(D(binary));
        CobolArithmetic.Move(D(value), NumericUsage.Display, NumericPic.Parse(pic), NumericUsage.Packed, out _)
            .Should().Be(D(packed));
    }
}
