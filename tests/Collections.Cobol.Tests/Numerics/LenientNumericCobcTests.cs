using System.Globalization;
using System.Text;
using Collections.Cobol.Intrinsics;
using Collections.Cobol.Numerics;
using Collections.Testing;

namespace Collections.Cobol.Tests.Numerics;

/// <summary>
/// <see cref="LenientNumeric"/>, <see cref="PackedNumber"/> and <see cref="DisplayNumber"/> against cobc (legacy
/// flags): a program reads records of arbitrary bytes and applies to each field what CLV400 applies to its fields
/// (ADD of a COMP-3 field, comparisons with ZERO and with another field, COMPUTE with a DISPLAY operand,
/// INTEGER-OF-DATE of a PIC 9(08), ADD to a PIC 9(05), ADD of a PIC 9(05) to a packed total, MOVE of COMP-3 to COMP-3
/// of another size); our readings of the same bytes must print the same lines. Random bytes and nearly valid fields
/// with telling bytes (nibbles A-F, sign nibbles, spaces, low and high values, overpunch letters).
/// </summary>
public sealed class LenientNumericCobcTests
{
    private const int RecordLength = 30;

    private const string Program = """
               IDENTIFICATION DIVISION.
               PROGRAM-ID. LENIENT.
               ENVIRONMENT DIVISION.
               INPUT-OUTPUT SECTION.
               FILE-CONTROL.
                   SELECT F ASSIGN TO "lenient.in" ORGANIZATION SEQUENTIAL.
               DATA DIVISION.
               FILE SECTION.
               FD F RECORD CONTAINS 30 CHARACTERS.
               01 R.
                  05 P13  PIC S9(11)V99 COMP-3.
                  05 P10  PIC S9(10) COMP-3.
                  05 D8   PIC 9(08).
                  05 E5   PIC 9(05).
                  05 U7   PIC 9(07) COMP-3.
               WORKING-STORAGE SECTION.
               01 EOF PIC X VALUE 'N'.
               01 Q      PIC S9(11)V99 COMP-3 VALUE 123.45.
               01 ACC    PIC S9(15)V99 COMP-3.
               01 SMALL  PIC S9(09)V99 COMP-3.
               01 DAYN   PIC 9(07).
               01 W5     PIC 9(05).
               01 W5X REDEFINES W5 PIC X(05).
               01 Z3     PIC 9(03) VALUE 0.
               01 S3     PIC 9(03) VALUE 7.
               01 OUT-D  PIC S9(17)V99 SIGN LEADING SEPARATE.
               01 CMP    PIC X(04).
               PROCEDURE DIVISION.
                   OPEN INPUT F
                   PERFORM UNTIL EOF = 'Y'
                     READ F AT END MOVE 'Y' TO EOF
                     NOT AT END
                       MOVE ZERO TO ACC
                       ADD P13 TO ACC
                       MOVE ACC TO OUT-D
                       MOVE SPACES TO CMP
                       IF P13 > ZERO MOVE 'G' TO CMP(1:1) END-IF
                       IF P13 = ZERO MOVE 'E' TO CMP(1:1) END-IF
                       IF P13 < ZERO MOVE 'L' TO CMP(1:1) END-IF
                       IF P13 NOT > Q MOVE 'n' TO CMP(2:1) END-IF
                       IF P13 < Q MOVE 'l' TO CMP(3:1) END-IF
                       IF P13 IS NUMERIC MOVE 'N' TO CMP(4:1) END-IF
                       DISPLAY 'P ' OUT-D ' ' CMP
                       MOVE ZERO TO ACC
                       ADD P10 TO ACC
                       MOVE ACC TO OUT-D
                       DISPLAY 'E ' OUT-D
                       COMPUTE ACC = P13 - Q
                       MOVE ACC TO OUT-D
                       DISPLAY 'C ' OUT-D
                       MOVE P13 TO SMALL
                       MOVE SMALL TO OUT-D
                       DISPLAY 'M ' OUT-D
                       COMPUTE DAYN = FUNCTION INTEGER-OF-DATE (D8) + 1
                       DISPLAY 'D ' DAYN
                       COMPUTE ACC = D8 * 1
                       MOVE ACC TO OUT-D
                       DISPLAY 'X ' OUT-D
                       MOVE ZERO TO ACC
                       ADD E5 TO ACC
                       MOVE ACC TO OUT-D
                       DISPLAY 'G ' OUT-D
                       MOVE E5 TO W5X
                       ADD Z3 TO W5
                       DISPLAY 'Z ' W5X
                       MOVE E5 TO W5X
                       ADD S3 TO W5
                       DISPLAY 'A ' W5X
                       MOVE ZERO TO ACC
                       ADD U7 TO ACC
                       MOVE ACC TO OUT-D
                       DISPLAY 'U ' OUT-D
                     END-READ
                   END-PERFORM
                   CLOSE F
                   STOP RUN.
        """;

    private static readonly byte[] Telling =
        [0x00, 0xFF, 0x20, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0xAF, 0xFA, 0x9F, (byte)'A', (byte)'J', (byte)'{', (byte)'}', (byte)':', (byte)'/', (byte)'@', (byte)'p'];

    private static List<byte[]> Cases(int seed)
    {
        var rng = new Random(seed);
        var valid = Convert.FromHexString("0000001234567C" + "00012345678C" + "3230323630333032" + "3030313233" + "0012345F");
        var cases = new List<byte[]> { valid };
        for (var i = 0; i < 400; i++)
        {
            var r = (byte[])valid.Clone();
            for (var k = rng.Next(1, 4); k > 0; k--) r[rng.Next(RecordLength)] = rng.Next(2) == 0 ? Telling[rng.Next(Telling.Length)] : (byte)rng.Next(256);
            cases.Add(r);
        }
        for (var i = 0; i < 200; i++)
        {
            var r = new byte[RecordLength];
            rng.NextBytes(r);
            cases.Add(r);
        }
        cases.Add(Enumerable.Repeat((byte)0xFF, RecordLength).ToArray());
        cases.Add(new byte[RecordLength]);
        cases.Add(Enumerable.Repeat((byte)' ', RecordLength).ToArray());
        return cases;
    }

    private static string Amount(CobolDecimal value, int scale = 2)
    {
        var stored = CobolArithmetic.Store(value, new NumericPic(19, 2, true)).Value.ToUnscaledInt64(2);
        var digits = Math.Abs(stored).ToString("D19", CultureInfo.InvariantCulture);
        return (stored < 0 ? "-" : "+") + digits[..^scale] + "." + digits[^scale..];
    }

    private static string Ours(byte[] r)
    {
        var amount = new NumericPic(13, 2, true);
        var total = new NumericPic(17, 2, true);
        var q = PackedNumber.FromUnscaled(12345, amount);
        var p13 = PackedNumber.FromBytes(r.AsSpan(0, 7), amount);
        var p10 = PackedNumber.FromBytes(r.AsSpan(7, 6), new NumericPic(10, 0, true));
        var d8 = DisplayNumber.FromBytes(r.AsSpan(13, 8));
        var e5 = DisplayNumber.FromBytes(r.AsSpan(21, 5));
        var u7 = PackedNumber.FromBytes(r.AsSpan(26, 4), new NumericPic(7, 0, false));
        var sb = new StringBuilder();
        var sign = p13.CompareToZero();
        var cmp = (sign > 0 ? "G" : sign == 0 ? "E" : "L") + (PackedNumber.Compare(p13, q) <= 0 ? "n" : " ")
                  + (PackedNumber.Compare(p13, q) < 0 ? "l" : " ") + (p13.IsNumeric ? "N" : " ");
        sb.Append("P ").Append(Amount(PackedNumber.Store(p13.Value, total).Value)).Append(' ').Append(cmp).Append('\n');
        sb.Append("E ").Append(Amount(PackedNumber.Store(p10.Value, total).Value)).Append('\n');
        sb.Append("C ").Append(Amount(PackedNumber.Store(p13.Value - q.Value, total).Value)).Append('\n');
        sb.Append("M ").Append(Amount(CobolArithmetic.Move(p13.Value, new NumericPic(11, 2, true)))).Append('\n');
        var day = (IntegerDate.IntegerOfDate(d8.GetInt()) + 1) % 10_000_000;
        sb.Append("D ").Append(day.ToString("D7", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("X ").Append(Amount(PackedNumber.Store(d8.Value, total).Value)).Append('\n');
        sb.Append("G ").Append(Amount(PackedNumber.Store(CobolDecimal.FromInt64(e5.GetInt()), total).Value)).Append('\n');
        sb.Append("Z ").Append(Encoding.Latin1.GetString(e5.AddInt(0).ToArray())).Append('\n');
        sb.Append("A ").Append(Encoding.Latin1.GetString(e5.AddInt(7).ToArray())).Append('\n');
        sb.Append("U ").Append(Amount(PackedNumber.Store(u7.Value, total).Value)).Append('\n');
        return sb.ToString();
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void LenientReadings_OfArbitraryBytes_EqualCobc(int seed)
    {
        using var temp = new TempDir();
        var source = temp.Combine("LENIENT.cbl");
        File.WriteAllText(source, Program);
        var exe = Cobc.Compile(source);
        var cases = Cases(seed);
        File.WriteAllBytes(temp.Combine("lenient.in"), cases.SelectMany(c => c).ToArray());
        var outFile = temp.Combine("out.txt");
        Cobc.Run("sh", ["-c", $"\"{exe}\" > \"{outFile}\" 2>&1"], temp.Path, null).ExitCode.Should().Be(0);
        var expected = File.ReadAllText(outFile, Encoding.Latin1).Split('\n');

        var lines = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var ours = Ours(cases[i]).Split('\n');
            for (var j = 0; j < ours.Length - 1; j++)
                ours[j].Should().Be(expected[lines++], $"record {i} (X'{Convert.ToHexString(cases[i])}')");
        }
        lines.Should().Be(expected.Length - 1);
    }

    [Theory]
    [InlineData("0000000012345C", 12345L)]
    [InlineData("0000000012345D", -12345L)]
    [InlineData("0000000012345F", 12345L)]
    [InlineData("0000000012345A", 12345L)]
    [InlineData("000000001234AC", 12350L)]       // nibble A counts 10 in its place
    [InlineData("FFFFFFFFFFFFFD", -16666666666665L)]
    [InlineData("0000000000000D", 0L)]
    public void PackedUnscaled_TakesRawNibbles(string hex, long expected) =>
        LenientNumeric.PackedUnscaled(Convert.FromHexString(hex), 13).Should().Be(expected);

    [Fact]
    public void PackedUnscaled_UnsignedFieldWithSignD_ReadsNegative() =>
        LenientNumeric.PackedUnscaled(Convert.FromHexString("0012340D"), 7).Should().Be(-12340L);

    [Fact]
    public void PackedUnscaled_EvenDigits_IgnoresThePadNibble() =>
        LenientNumeric.PackedUnscaled(Convert.FromHexString("F1F12345678C"), 10).Should().Be(2512345678L);

    [Theory]
    [InlineData("20260302", 20260302)]
    [InlineData(" 0001", -159999)]          // a space is byte - '0' = -16 and is not skipped
    [InlineData("0A0B1", 17181)]
    [InlineData("2026030:", 20260310)]
    public void UnsignedDisplayGetInt_IsByteMinusZeroPerDigit(string field, int expected) =>
        LenientNumeric.UnsignedDisplayGetInt(Encoding.Latin1.GetBytes(field)).Should().Be(expected);

    [Theory]
    [InlineData("\u00FF0000", "100000")]
    [InlineData("\u00000000", "-100000")]
    [InlineData("  001", "1")]
    [InlineData("{0001", "750001")]
    public void UnsignedDisplayValue_FirstByteAndLeadingZeroNibbles(string field, string expected) =>
        LenientNumeric.UnsignedDisplayUnscaled(Encoding.Latin1.GetBytes(field)).ToString(CultureInfo.InvariantCulture).Should().Be(expected);
}
