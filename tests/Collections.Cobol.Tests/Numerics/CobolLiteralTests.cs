using Collections.Cobol.Numerics;

namespace Collections.Cobol.Tests.Numerics;

/// <summary>
/// cobc 3.1.2 keeps one shared cob_decimal per numeric literal of a program (dc_N, -fno-constant-folding) and libcob
/// mutates it. Expected values are what these programs printed, compiled with
/// <c>cobc -x -std=default -fsign=EBCDIC -fbinary-size=2-4-8 -fno-constant-folding -fassign-clause=ibm</c>:
/// <code>
///  01 A PIC 9(2)V9 VALUE 0.6.          01 H PIC S9(3)V9(8) VALUE 1.
///  01 X PIC S9(3)V9(8) VALUE 0.        01 Y PIC S9(5)V9(4) VALUE 0.
///  01 B PIC S9(11)V9(6) COMP-3 VALUE 0.
///  (M4) MULTIPLY A BY 4 GIVING B ROUNDED MODE PROHIBITED        -> SZ N, 2.400000
///       ADD H 4 GIVING X                                        (cob_decimal_add (d0, dc_4): dc_4 becomes scale 8)
///       MULTIPLY A BY 4 GIVING B ROUNDED MODE PROHIBITED        -> SZ Y, 2.400000
///       COMPUTE B ROUNDED MODE PROHIBITED = 4 * A               -> SZ N  (first operand: cob_decimal_set_llint)
///  (M6) COMPUTE X = H + 2
///       COMPUTE B ROUNDED MODE PROHIBITED = A * 2               -> SZ Y, 1.200000
///       COMPUTE Y = A ** 2                                      -> .3600 (cob_decimal_pow trims dc_2)
///       COMPUTE B ROUNDED MODE PROHIBITED = A * 2               -> SZ N
///       SUBTRACT 3 FROM H GIVING X
///       MULTIPLY A BY 3 GIVING B ROUNDED MODE PROHIBITED        -> SZ Y, 1.800000
///       COMPUTE Y = 6 ** -1                                     -> .1666
///       COMPUTE Y = 5 ** -1                                     -> 15625.0000 (dc_-1 now holds 6)
/// </code>
/// The generated C (cobc -C) shows the pattern: a literal first operand is loaded fresh, a literal second
/// operand of + - * / ** is the shared dc_N.
/// </summary>
public class CobolLiteralTests
{
    private static CobolDecimal D(string s) => CobolDecimal.Parse(s);

    private static readonly NumericPic A = NumericPic.Parse("9(2)V9");
    private static readonly NumericPic B = NumericPic.Parse("S9(11)V9(6)");
    private static readonly NumericPic X = NumericPic.Parse("S9(3)V9(8)");
    private static readonly CobolDecimal AValue = D("0.6");
    private static readonly CobolDecimal HValue = CobolDecimal.FromUnscaled(100_000_000, 8);

    [Fact]
    public void MultiplyGiving_LiteralAlignedByEarlierAdd_ProhibitedRaisesSizeError()
    {
        var pool = new CobolLiteralPool();
        var four = pool.Get("4");
        var before = CobolArithmetic.MultiplyGiving(AValue, four, B, CobolDecimal.Zero, CobolRoundingMode.Prohibited, onSizeError: true);
        before.SizeError.Should().BeFalse();
        before.Value.Should().Be(D("2.4"));

        CobolArithmetic.AddGiving(HValue, four, X, CobolDecimal.Zero);
        four.Shared.Scale.Should().Be(8);
        four.Shared.Should().Be(D("4"));

        var after = CobolArithmetic.MultiplyGiving(AValue, four, B, CobolDecimal.Zero, CobolRoundingMode.Prohibited, onSizeError: true);
        after.SizeError.Should().BeTrue();
        after.Value.Should().Be(D("2.4"));
    }

    [Fact]
    public void MultiplyGiving_LiteralAsFirstOperand_UsesWrittenScale()
    {
        var pool = new CobolLiteralPool();
        var four = pool.Get("4");
        CobolArithmetic.AddGiving(HValue, four, X, CobolDecimal.Zero);
        // COMPUTE B ROUNDED MODE PROHIBITED = 4 * A
        var r = CobolArithmetic.MultiplyGiving(four, AValue, B, CobolDecimal.Zero, CobolRoundingMode.Prohibited, onSizeError: true);
        r.SizeError.Should().BeFalse();
        CobolArithmetic.Multiply(CobolOperand.FromLiteral(four).Value, AValue).Scale.Should().Be(1);
    }

    [Fact]
    public void Power_LiteralExponent_TrimsSharedConstant()
    {
        var pool = new CobolLiteralPool();
        var two = pool.Get("2");
        CobolArithmetic.Add(HValue, two).Should().Be(D("3"));
        CobolArithmetic.Store(CobolArithmetic.Multiply(AValue, two), B, CobolRoundingMode.Prohibited).SizeError.Should().BeTrue();

        CobolArithmetic.Power(AValue, two).Should().Be(D("0.36"));
        two.Shared.Scale.Should().Be(0);
        CobolArithmetic.Store(CobolArithmetic.Multiply(AValue, two), B, CobolRoundingMode.Prohibited).SizeError.Should().BeFalse();
    }

    [Fact]
    public void SubtractGiving_LiteralSubtrahend_IsAlignedToMinuend()
    {
        var pool = new CobolLiteralPool();
        var three = pool.Get("3");
        CobolArithmetic.SubtractGiving(three, HValue, X, CobolDecimal.Zero).Value.Should().Be(D("-2"));
        var r = CobolArithmetic.MultiplyGiving(AValue, three, B, CobolDecimal.Zero, CobolRoundingMode.Prohibited, onSizeError: true);
        r.SizeError.Should().BeTrue();
        r.Value.Should().Be(D("1.8"));
    }

    [Fact]
    public void Power_NegativeLiteralExponent_OverwritesSharedConstant()
    {
        var pool = new CobolLiteralPool();
        var minusOne = pool.Get("-1");
        CobolArithmetic.Store(CobolArithmetic.Power(D("6"), minusOne), NumericPic.Parse("S9(5)V9(4)")).Value.Should().Be(D("0.1666"));
        minusOne.Shared.Should().Be(D("6"));
        CobolArithmetic.Store(CobolArithmetic.Power(D("5"), minusOne), NumericPic.Parse("S9(5)V9(4)")).Value.Should().Be(D("15625"));
    }

    [Fact]
    public void MultiplyAndDivide_LiteralSecondOperand_LeaveConstantUnchanged()
    {
        var pool = new CobolLiteralPool();
        var five = pool.Get("5");
        CobolArithmetic.Multiply(HValue, five).Scale.Should().Be(8);
        CobolArithmetic.Divide(HValue, five).Should().Be(D("0.2"));
        five.Shared.Scale.Should().Be(0);
        CobolArithmetic.Subtract(D("1.5"), five).Should().Be(D("-3.5"));
        five.Shared.Scale.Should().Be(1);
        // A smaller left scale aligns the left operand, not the constant.
        CobolArithmetic.Add(D("1"), five).Scale.Should().Be(1);
        five.Shared.Scale.Should().Be(1);
    }

    [Fact]
    public void Get_SameText_SameConstant_DifferentTexts_DifferentConstants()
    {
        var pool = new CobolLiteralPool();
        pool.Get("4").Should().BeSameAs(pool.Get("4"));
        pool.Get("4").Should().NotBeSameAs(pool.Get("4.0"));
        pool.Get("4").Should().NotBeSameAs(pool.Get("-4"));
        pool.Count.Should().Be(3);
        var act = () => pool.Get("4X");
        act.Should().Throw<FormatException>();
    }

    [Fact]
    public void AddTo_TwoAddends_SumsFirstWithLiteralAsSecond()
    {
        // ADD A 6 TO X: cob_decimal_add (d0 = A, dc_6); cob_decimal_add (d1 = X, d0).
        var pool = new CobolLiteralPool();
        var six = pool.Get("6");
        CobolArithmetic.AddTo(AValue, six, X, HValue).Value.Should().Be(D("7.6"));
        six.Shared.Scale.Should().Be(1);
        CobolArithmetic.SubtractFrom(HValue, six, X, D("10")).Value.Should().Be(D("3"));
        six.Shared.Scale.Should().Be(8);
    }

    // MOVE literal: cobc 3.1.2 (legacy flags), programs MV/MV2, receivers displayed as raw storage (REDEFINES PIC X)
    // or, for COMP-3, after a MOVE to a DISPLAY probe. A DISPLAY receiver with the literal's scale is stored at
    // compile time (memcpy of "00{"): a zero gets a positive sign; otherwise cob_move keeps the literal's sign.
    [Theory]
    [InlineData("-3.0", "SV9", NumericUsage.Display, false)]        // "{"
    [InlineData("-100.0", "S99V9", NumericUsage.Display, false)]    // "00{"
    [InlineData("-100", "S99", NumericUsage.Display, false)]        // "0{"
    [InlineData("-100000", "S9(5)", NumericUsage.Display, false)]   // "0000{"
    [InlineData("-0.01", "S9V9", NumericUsage.Display, true)]       // "0}"  (cob_move)
    [InlineData("-10.01", "S9V9", NumericUsage.Display, true)]      // "0}"
    [InlineData("-10", "S99PP", NumericUsage.Display, true)]        // "0}"
    [InlineData("-0.00001", "SPP99", NumericUsage.Display, true)]   // "0}"
    [InlineData("-3.0", "SV9", NumericUsage.Packed, true)]          // "}"
    [InlineData("-100", "S99", NumericUsage.Packed, true)]          // "000}" (cob_set_packed_int)
    [InlineData("-0.01", "S9V9", NumericUsage.Packed, true)]        // "0}"
    [InlineData("-3.0", "SV9", NumericUsage.Binary, false)]
    public void MoveLiteral_TruncatedToZero_SignDependsOnReceiver(string literal, string pic, NumericUsage usage, bool negativeZero)
    {
        var v = CobolArithmetic.MoveLiteral(D(literal), NumericPic.Parse(pic), usage, out bool nz);
        v.IsZero.Should().BeTrue();
        nz.Should().Be(negativeZero);
    }

    [Fact]
    public void MoveLiteral_NonZeroResult_KeepsValue()
    {
        // MOVE -0.0001 TO SPP99 stores "0J" (-.0001).
        CobolArithmetic.MoveLiteral(D("-0.0001"), NumericPic.Parse("SPP99"), NumericUsage.Display, out bool nz).Should().Be(D("-0.0001"));
        nz.Should().BeFalse();
    }
}
