using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using Collections.Cobol.Codecs;
using Collections.Testing;

namespace Collections.Cobol.Tests.Codecs;

/// <summary>
/// COMP-1 / COMP-2: IEEE 754 against .NET's own shortest round-trip formatting (an independent implementation) on
/// random and edge bit patterns; IBM hexadecimal floating point against published bit patterns (IBM's COBOL
/// documentation, the System/360 HFP examples, Cobrix's IBM float test) and, on random patterns, against an
/// independent decimal-to-HFP conversion written here (exact rationals, round half to even): our text converts back to
/// the same value and no shorter decimal does.
/// </summary>
public sealed class FloatingPointTests
{
    [Theory]
    // IBM Enterprise COBOL "Examples of numeric data and internal representation": COMP-1 / COMP-2 of +1234 and -1234
    [InlineData("434D2000", "1234")]
    [InlineData("C34D2000", "-1234")]
    [InlineData("434D200000000000", "1234")]
    [InlineData("C34D200000000000", "-1234")]
    // System/360 HFP examples: -118.625; 0.1 (rounded fraction 19999A / 1999...9A); 1; the largest short number
    // (about 7.2370051E+75: 7.237005E+75 is already nearer than half a unit of the last place) and the smallest
    // positive normalized one (16^-65, about 5.397605E-79)
    [InlineData("C276A000", "-118.625")]
    [InlineData("4019999A", "0.1")]
    [InlineData("401999999999999A", "0.1")]
    [InlineData("41100000", "1")]
    [InlineData("7FFFFFFF", "7.237005E+75")]
    [InlineData("00100000", "5.397605E-79")]
    // Cobrix's IBM float test data (big-endian): F = 43142EFC, D = 43142EFCCAF709B7 (about 322.936717)
    [InlineData("43142EFC", "322.9365")]
    [InlineData("43142EFCCAF709B7", "322.936717")]
    // zeros: a zero fraction is zero whatever the characteristic; the sign is kept
    [InlineData("00000000", "0")]
    [InlineData("80000000", "-0")]
    [InlineData("41000000", "0")]
    // unnormalized: 0x41010000 = 1/256 · 16, the same value as normalized 40100000
    [InlineData("41010000", "0.0625")]
    [InlineData("40100000", "0.0625")]
    public void Format_IbmPublishedPatterns(string hex, string expected)
    {
        var bytes = Convert.FromHexString(hex);
        FloatingPoint.Decode(bytes, FloatFormat.IbmHexadecimal, bigEndian: true).Should().Be(expected);
        Array.Reverse(bytes);
        FloatingPoint.Decode(bytes, FloatFormat.IbmHexadecimal, bigEndian: false).Should().Be(expected, "the same number little-endian");
    }

    [Theory]
    [InlineData("434D2000", 1234.0)]
    [InlineData("C276A000", -118.625)]
    [InlineData("43142EFCCAF709B7", 322.936717)]
    public void ToDouble_Ibm_Nearest(string hex, double expected)
    {
        var bytes = Convert.FromHexString(hex);
        FloatingPoint.TryRead(bytes, FloatFormat.IbmHexadecimal, true, out var bits, out _).Should().BeTrue();
        FloatingPoint.ToDouble(bits, bytes.Length, FloatFormat.IbmHexadecimal).Should().Be(expected);
    }

    [Fact]
    public void Format_IeeeDouble_ShortestAsDotNetRoundTrip()
    {
        using var culture = HostileCulture.Enter();
        var rng = new Random(20261201);
        var patterns = new List<ulong>
        {
            0x0000_0000_0000_0001UL, 0x000F_FFFF_FFFF_FFFFUL, 0x0010_0000_0000_0000UL, 0x7FEF_FFFF_FFFF_FFFFUL,
            BitConverter.DoubleToUInt64Bits(0.1), BitConverter.DoubleToUInt64Bits(1e21), BitConverter.DoubleToUInt64Bits(1e-7),
            BitConverter.DoubleToUInt64Bits(9.999999999999999e20), BitConverter.DoubleToUInt64Bits(5e-324), BitConverter.DoubleToUInt64Bits(-0.0),
            BitConverter.DoubleToUInt64Bits(123456789012345678.0), BitConverter.DoubleToUInt64Bits(2.0), BitConverter.DoubleToUInt64Bits(1.0 / 3),
        };
        for (var i = 0; i < 4000; i++)
        {
            var bits = (ulong)rng.NextInt64() ^ ((ulong)rng.Next(2) << 63);
            if ((bits & 0x7FF0_0000_0000_0000UL) == 0x7FF0_0000_0000_0000UL) continue;
            patterns.Add(bits);
            // powers of two (the binade's bottom, where the gap below halves) and short decimals
            patterns.Add(bits & 0xFFF0_0000_0000_0000UL);
            patterns.Add(BitConverter.DoubleToUInt64Bits(Math.Round(rng.NextDouble() * Math.Pow(10, rng.Next(-5, 12)), rng.Next(0, 6))));
        }
        var dotnetFailures = 0;
        foreach (var bits in patterns)
        {
            var value = BitConverter.UInt64BitsToDouble(bits);
            var ours = FloatingPoint.Format(bits, 8, FloatFormat.Ieee754);
            double.Parse(ours, NumberStyles.Float, CultureInfo.InvariantCulture).Should().Be(value, $"{ours} reads back ({bits:X16})");
            BitConverter.DoubleToUInt64Bits(double.Parse(ours, NumberStyles.Float, CultureInfo.InvariantCulture)).Should().Be(bits, ours);
            var dotnet = value.ToString("R", CultureInfo.InvariantCulture);
            if (BitConverter.DoubleToUInt64Bits(double.Parse(dotnet, NumberStyles.Float, CultureInfo.InvariantCulture)) != bits)
            {
                // .NET's shortest text does not read back at some powers of two (it treats the gap below as the gap
                // above: 2^-958 is written 4.104536801298376E-289, which reads as the double below); ours must be longer
                Decimal(ours).Digits.ToString(CultureInfo.InvariantCulture).Length.Should().BeGreaterThan(Decimal(dotnet).Digits.ToString(CultureInfo.InvariantCulture).Length);
                (bits & 0x000F_FFFF_FFFF_FFFFUL).Should().Be(0, "only at the bottom of a binade");
                dotnetFailures++;
                continue;
            }
            Decimal(ours).Should().Be(Decimal(dotnet), $"{bits:X16}: .NET writes {dotnet}");
        }
        FloatingPoint.Format(0x0410_0000_0000_0000UL, 8, FloatFormat.Ieee754).Should().Be("4.1045368012983762E-289");
        dotnetFailures.Should().BeGreaterThan(0, "the random powers of two include such cases");
    }

    [Fact]
    public void Format_IeeeSingle_ShortestAsDotNetRoundTrip()
    {
        var rng = new Random(7);
        var patterns = new List<uint> { 1, 0x007F_FFFF, 0x0080_0000, 0x7F7F_FFFF, BitConverter.SingleToUInt32Bits(0.1f), BitConverter.SingleToUInt32Bits(3.1415925f), 0x8000_0000 };
        for (var i = 0; i < 4000; i++)
        {
            var bits = (uint)rng.Next() ^ ((uint)rng.Next(2) << 31);
            if ((bits & 0x7F80_0000) == 0x7F80_0000) continue;
            patterns.Add(bits);
            patterns.Add(bits & 0xFF80_0000);
        }
        foreach (var bits in patterns)
        {
            var value = BitConverter.UInt32BitsToSingle(bits);
            var ours = FloatingPoint.Format(bits, 4, FloatFormat.Ieee754);
            BitConverter.SingleToUInt32Bits(float.Parse(ours, NumberStyles.Float, CultureInfo.InvariantCulture)).Should().Be(bits, ours);
            var dotnet = value.ToString("R", CultureInfo.InvariantCulture);
            if (BitConverter.SingleToUInt32Bits(float.Parse(dotnet, NumberStyles.Float, CultureInfo.InvariantCulture)) != bits)
            {
                (bits & 0x007F_FFFF).Should().Be(0, "only at the bottom of a binade");
                continue;
            }
            Decimal(ours).Should().Be(Decimal(dotnet), $"{bits:X8}: .NET writes {dotnet}");
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    public void Format_IbmRandom_ReadsBackAndNothingShorterDoes(int length)
    {
        var rng = new Random(length * 1000 + 1);
        var fractionBits = length == 4 ? 24 : 56;
        for (var i = 0; i < 2000; i++)
        {
            var characteristic = rng.Next(0, 128);
            var fraction = ((ulong)rng.NextInt64() & ((1UL << fractionBits) - 1)) | (1UL << (fractionBits - 1 - rng.Next(0, 4))); // normalized
            if (i % 5 == 0) fraction = 1UL << (fractionBits - 4); // a power of 16: the gap below is 16 times smaller
            var negative = rng.Next(2) == 1;
            var bits = ((negative ? 1UL : 0) << (length * 8 - 1)) | ((ulong)characteristic << (length * 8 - 8)) | fraction;
            var text = FloatingPoint.Format(bits, length, FloatFormat.IbmHexadecimal);
            var (num, den) = Rational(text);
            var back = ToIbm(num, den, fractionBits);
            back.Tie.Should().BeFalse(text);
            back.Bits.Should().Be(Normalized(bits, length), $"{text} reads back as {bits:X}");
            // one significant digit fewer: the nearest such decimals (below and above) read as another value
            var (digits, exponent) = Digits(text);
            if (digits.ToString(CultureInfo.InvariantCulture).Length > 1)
            {
                foreach (var shorter in ShorterCandidates(digits, exponent, negative))
                {
                    var (n2, d2) = shorter;
                    if (n2.IsZero) continue;
                    // another value, or exactly half-way (which HFP conversions do not round one defined way)
                    var shorterBack = ToIbm(n2, d2, fractionBits);
                    (shorterBack.Tie || shorterBack.Bits != Normalized(bits, length)).Should().BeTrue($"{text} is not the shortest ({bits:X})");
                }
            }
        }
    }

    [Theory]
    [InlineData("7F800000", "infinity")]
    [InlineData("FF800000", "infinity")]
    [InlineData("7FC00000", "NaN")]
    [InlineData("7FF0000000000000", "infinity")]
    [InlineData("7FF8000000000001", "NaN")]
    public void Decode_IeeeNotANumber_IsAnError(string hex, string what)
    {
        var bytes = Convert.FromHexString(hex);
        var act = () => FloatingPoint.Decode(bytes, FloatFormat.Ieee754, bigEndian: true);
        var ex = act.Should().Throw<CobolDataException>().Which;
        ex.Reason.Should().Be($"IEEE 754 {what} is not a number");
        ex.RawHex.Should().Be(hex);
        // the same bytes as IBM HFP are an ordinary number
        FloatingPoint.Decode(bytes, FloatFormat.IbmHexadecimal, bigEndian: true).Should().NotBeEmpty();
    }

    [Fact]
    public void FieldCodec_Float_DecodesTextAndDouble_HasNoUnscaledValue()
    {
        var codec = FieldCodec.Float(8, FloatFormat.IbmHexadecimal, bigEndian: true);
        var bytes = Convert.FromHexString("C276A00000000000");
        codec.DecodeText(bytes).Should().Be("-118.625");
        codec.DecodeValue(bytes).Should().Be(-118.625);
        codec.ValueType.Should().Be(typeof(double));
        codec.IsNumeric.Should().BeTrue();
        var unscaled = () => codec.DecodeUnscaled(bytes);
        unscaled.Should().Throw<InvalidOperationException>();
        var wrong = () => codec.DecodeText(bytes.AsSpan(0, 4));
        wrong.Should().Throw<ArgumentException>();
        var bad = () => FieldCodec.Float(6, FloatFormat.Ieee754, true);
        bad.Should().Throw<ArgumentOutOfRangeException>();
        var ieee = FieldCodec.Float(4, FloatFormat.Ieee754, bigEndian: false);
        var le = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(le, 3.1415925f);
        ieee.DecodeText(le).Should().Be("3.1415925");
    }

    [Theory]
    [InlineData(1.5e21, "1.5E+21")]
    [InlineData(1e21, "1E+21")]
    [InlineData(9.5e20, "950000000000000000000")]
    [InlineData(1e-7, "1E-7")]
    [InlineData(1e-6, "0.000001")]
    [InlineData(1.25e-6, "0.00000125")]
    [InlineData(-2.5e-300, "-2.5E-300")]
    [InlineData(123.456, "123.456")]
    public void Format_PlainFrom1EMinus6ToBelow1E21(double value, string expected)
    {
        FloatingPoint.Format(BitConverter.DoubleToUInt64Bits(value), 8, FloatFormat.Ieee754).Should().Be(expected);
    }

    // ------------------------------------------------------------------ an independent decimal -> HFP conversion

    private static ulong Normalized(ulong bits, int length)
    {
        var fractionBits = length == 4 ? 24 : 56;
        var sign = bits >> (length * 8 - 1);
        var c = (long)((bits >> fractionBits) & 0x7F);
        var f = bits & ((1UL << fractionBits) - 1);
        while (f != 0 && (f >> (fractionBits - 4)) == 0 && c > 0)
        {
            f <<= 4;
            c--;
        }
        return (sign << (length * 8 - 1)) | ((ulong)c << fractionBits) | f;
    }

    /// <summary>num/den (den &gt; 0) rounded half-even to the nearest normalized HFP value (normalized bits), and whether
    /// it was exactly half-way.</summary>
    private static (ulong Bits, bool Tie) ToIbm(BigInteger num, BigInteger den, int fractionBits)
    {
        var negative = num.Sign < 0;
        num = BigInteger.Abs(num);
        var length = fractionBits == 24 ? 4 : 8;
        // find c with 16^(c-65) <= x < 16^(c-64)
        var c = 64;
        while (c < 127 && AtLeastPow16(num, den, c - 64)) c++;
        while (c > 0 && !AtLeastPow16(num, den, c - 65)) c--;
        // fraction = round(x / 16^(c-64) * 2^fractionBits)
        BigInteger scaledNum = num * BigInteger.Pow(2, fractionBits), scaledDen = den;
        var shift = c - 64;
        if (shift >= 0) scaledDen *= BigInteger.Pow(16, shift); else scaledNum *= BigInteger.Pow(16, -shift);
        var q = BigInteger.DivRem(scaledNum, scaledDen, out var r);
        var twice = 2 * r;
        if (twice > scaledDen || (twice == scaledDen && !q.IsEven)) q++;
        if (q == BigInteger.Pow(2, fractionBits))
        {
            q /= 16;
            c++;
        }
        var bits = ((negative ? 1UL : 0) << (length * 8 - 1)) | ((ulong)c << fractionBits) | (ulong)q;
        return (Normalized(bits, length), twice == scaledDen);
    }

    /// <summary>num/den &gt;= 16^k.</summary>
    private static bool AtLeastPow16(BigInteger num, BigInteger den, int k) =>
        k >= 0 ? num >= den * BigInteger.Pow(16, k) : num * BigInteger.Pow(16, -k) >= den;

    private static (BigInteger Num, BigInteger Den) Rational(string text)
    {
        var (digits, exponent) = Digits(text);
        var negative = text.StartsWith('-');
        var num = negative ? -digits : digits;
        return exponent >= 0 ? (num * BigInteger.Pow(10, exponent), BigInteger.One) : (num, BigInteger.Pow(10, -exponent));
    }

    /// <summary>A decimal number's digits (no trailing zeros) and power of ten: "-1.2300E+02" = (123, 0), sign dropped.</summary>
    internal static (BigInteger Digits, int Exponent) Digits(string text)
    {
        var t = text.TrimStart('-', '+');
        var exponent = 0;
        var e = t.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(t[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            t = t[..e];
        }
        var dot = t.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            exponent -= t.Length - dot - 1;
            t = t.Remove(dot, 1);
        }
        var digits = BigInteger.Parse(t, CultureInfo.InvariantCulture);
        while (!digits.IsZero && (digits % 10).IsZero)
        {
            digits /= 10;
            exponent++;
        }
        return (digits, exponent);
    }

    private static IEnumerable<(BigInteger Num, BigInteger Den)> ShorterCandidates(BigInteger digits, int exponent, bool negative)
    {
        // drop the last digit: the multiples of 10^(exponent+1) just below and above the value
        var lower = digits / 10;
        foreach (var d in new[] { lower, lower + 1 })
        {
            var num = negative ? -d : d;
            var x = exponent + 1;
            yield return x >= 0 ? (num * BigInteger.Pow(10, x), BigInteger.One) : (num, BigInteger.Pow(10, -x));
        }
    }

    private static (BigInteger Digits, int Exponent) Decimal(string text) => Digits(text);
}
