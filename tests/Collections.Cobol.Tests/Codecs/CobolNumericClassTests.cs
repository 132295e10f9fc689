using Collections.Cobol.Codecs;
using Collections.Testing;

namespace Collections.Cobol.Tests.Codecs;

/// <summary>
/// <see cref="CobolNumericClass"/> against cobc itself: a program compiled with the legacy's flags reads crafted
/// 3-byte records and evaluates IS NUMERIC on five views of them (S9(5) COMP-3, 9(5) COMP-3, S9(4) COMP-3,
/// 9(4) COMP-3, 9(3) DISPLAY); our class test must answer the same for every record.
/// </summary>
public sealed class CobolNumericClassTests
{
    private const string Program = """
               IDENTIFICATION DIVISION.
               PROGRAM-ID. NUMCLS.
               ENVIRONMENT DIVISION.
               INPUT-OUTPUT SECTION.
               FILE-CONTROL.
                   SELECT F ASSIGN TO "numcls.in" ORGANIZATION SEQUENTIAL.
               DATA DIVISION.
               FILE SECTION.
               FD F.
               01 RS  PIC S9(5) COMP-3.
               01 RU  PIC 9(5) COMP-3.
               01 RSE PIC S9(4) COMP-3.
               01 RUE PIC 9(4) COMP-3.
               01 RDISP  PIC 9(3).
               WORKING-STORAGE SECTION.
               01 EOF PIC X VALUE 'N'.
               01 OUT-LINE.
                  05 O1 PIC X.
                  05 O2 PIC X.
                  05 O3 PIC X.
                  05 O4 PIC X.
                  05 O5 PIC X.
               PROCEDURE DIVISION.
                   OPEN INPUT F
                   PERFORM UNTIL EOF = 'Y'
                     READ F AT END MOVE 'Y' TO EOF
                     NOT AT END
                       MOVE 'N' TO O1 O2 O3 O4 O5
                       IF RS IS NUMERIC MOVE 'Y' TO O1 END-IF
                       IF RU IS NUMERIC MOVE 'Y' TO O2 END-IF
                       IF RSE IS NUMERIC MOVE 'Y' TO O3 END-IF
                       IF RUE IS NUMERIC MOVE 'Y' TO O4 END-IF
                       IF RDISP IS NUMERIC MOVE 'Y' TO O5 END-IF
                       DISPLAY OUT-LINE
                     END-READ
                   END-PERFORM
                   CLOSE F
                   STOP RUN.
        """;

    private static List<byte[]> Cases()
    {
        var cases = new List<byte[]>();
        for (var b = 0; b < 256; b++)
        {
            cases.Add([0x12, 0x34, (byte)b]);      // every sign nibble / last digit nibble
            cases.Add([(byte)b, 0x34, 0x5C]);      // every first byte (pad nibble of the even views)
            cases.Add([0x01, (byte)b, 0x2F]);      // every middle byte
        }
        foreach (var text in new[] { "123", "000", "999", "12 ", " 12", "1A2", "+12", "-12", "   ", "12}", "1.2" })
            cases.Add(System.Text.Encoding.Latin1.GetBytes(text));
        cases.Add([0, 0, 0]);
        return cases;
    }

    [Fact]
    public void IsPackedAndIsUnsignedDisplay_EveryCraftedRecord_SameAsCobc()
    {
        using var dir = new TempDir("numcls");
        var src = dir.Combine("numcls.cbl");
        File.WriteAllText(src, Program);
        var exe = Cobc.Compile(src);
        var cases = Cases();
        File.WriteAllBytes(dir.Combine("numcls.in"), cases.SelectMany(c => c).ToArray());
        var run = Cobc.Run(exe, [], dir.Path, null);
        run.ExitCode.Should().Be(0, run.StdErr);
        var lines = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(cases.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            static char YN(bool b) => b ? 'Y' : 'N';
            var ours = new string([
                YN(CobolNumericClass.IsPacked(c, signed: true)), YN(CobolNumericClass.IsPacked(c, signed: false)),
                YN(CobolNumericClass.IsPacked(c, signed: true)), YN(CobolNumericClass.IsPacked(c, signed: false)),
                YN(CobolNumericClass.IsUnsignedDisplay(c)),
            ]);
            CobolNumericClass.TryDecodeUnsignedDisplay(c, out long _).Should().Be(lines[i][4] == 'Y', "one-pass class test, record {0}", i + 1);
            ours.Should().Be(lines[i].TrimEnd('\r'), "record {0} hex {1}", i + 1, Convert.ToHexString(c));
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x12, 0x34, 0x5C }, true, true, 12345L)]
    [InlineData(new byte[] { 0x12, 0x34, 0x5D }, true, true, -12345L)]
    [InlineData(new byte[] { 0x12, 0x34, 0x5F }, true, false, 0L)]
    [InlineData(new byte[] { 0x12, 0x34, 0x5F }, false, true, 12345L)]
    [InlineData(new byte[] { 0x12, 0x34, 0x5C }, false, false, 0L)]
    [InlineData(new byte[] { 0x1A, 0x34, 0x5C }, true, false, 0L)]
    [InlineData(new byte[] { 0x12, 0x34, 0xAC }, true, false, 0L)]
    [InlineData(new byte[] { 0x40, 0x40, 0x40 }, true, false, 0L)]
    [InlineData(new byte[] { 0x99, 0x99, 0x99, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9D }, true, true, -99_999_999_999_999_999L)]
    public void TryDecodePacked_Field_NumericAndValue(byte[] field, bool signed, bool numeric, long value)
    {
        CobolNumericClass.TryDecodePacked(field, signed, out var v).Should().Be(numeric);
        v.Should().Be(value);
        CobolNumericClass.IsPacked(field, signed).Should().Be(numeric);
    }

    [Fact]
    public void TryDecodePacked_RandomValidFields_SameAsPackedDecimalDecode()
    {
        var rnd = new Random(42);
        var field = new byte[7];
        for (var i = 0; i < 20_000; i++)
        {
            var v = rnd.NextInt64(-9_999_999_999_999, 10_000_000_000_000) / (i % 3 == 0 ? 1 : rnd.NextInt64(1, 100_000_000));
            PackedDecimal.Encode(v, field, 13, signed: true);
            CobolNumericClass.TryDecodePacked(field, true, out var got).Should().BeTrue();
            got.Should().Be(v);
            if (v == 0) continue;
            field[rnd.Next(6)] |= 0xA0;                     // a digit nibble above 9: never numeric
            CobolNumericClass.TryDecodePacked(field, true, out _).Should().BeFalse();
        }
    }

    [Theory]
    [InlineData("0123", true, 123L)]
    [InlineData("9", true, 9L)]
    [InlineData("12 3", false, 0L)]
    [InlineData("", false, 0L)]
    [InlineData("/:", false, 0L)]
    public void IsUnsignedDisplay_Text_DigitsOnly(string text, bool numeric, long value)
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes(text);
        CobolNumericClass.IsUnsignedDisplay(bytes).Should().Be(numeric);
        if (numeric) CobolNumericClass.UnsignedDisplayValue(bytes).Should().Be(value);
    }

    [Fact]
    public void TryDecodeUnsignedDisplay_EveryByteAtEveryPositionOfEveryLength_SameAsClassTestAndValue()
    {
        var rnd = new Random(8);
        for (var length = 1; length <= 18; length++)
        {
            var field = new byte[length];
            for (var k = 0; k < length; k++) field[k] = (byte)('0' + rnd.Next(10));
            for (var p = 0; p < length; p++)
            {
                var saved = field[p];
                for (var b = 0; b < 256; b++)
                {
                    field[p] = (byte)b;
                    var numeric = CobolNumericClass.IsUnsignedDisplay(field);
                    CobolNumericClass.TryDecodeUnsignedDisplay(field, out long value).Should().Be(numeric, "length {0} byte 0x{1:X2} at {2}", length, b, p);
                    if (numeric) value.Should().Be(CobolNumericClass.UnsignedDisplayValue(field));
                    if (length <= 9 && CobolNumericClass.TryDecodeUnsignedDisplay(field, out int small)) small.Should().Be((int)value);
                }
                field[p] = saved;
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(19)]
    public void TryDecodeUnsignedDisplay_LengthOutOfRange_Throws(int length)
    {
        var act = () => CobolNumericClass.TryDecodeUnsignedDisplay(new byte[length], out long _);
        act.Should().Throw<ArgumentException>();
        var asInt = () => CobolNumericClass.TryDecodeUnsignedDisplay(new byte[10], out int _);
        asInt.Should().Throw<ArgumentException>("an int holds at most 9 digits");
    }
}
