using System.Buffers.Binary;
using System.Text.Json;
using Collections.Cobol.Codecs;
using Collections.Cobol.Text;
using Collections.Testing;

namespace Collections.Cobol.Tests.Cli;

/// <summary>
/// <c>collections cobol decode</c> on an EBCDIC (cp037) export built here with the codecs: three record types
/// through REDEFINES chosen by --select, big-endian binary (signed and unsigned), packed (C/D/F signs), zoned with
/// C/D/F zones, SIGN LEADING SEPARATE, P scaling, OCCURS inside a REDEFINES, 88 and 66 omitted. Expected values are
/// the numbers written, not our decoder's output.
/// </summary>
public sealed class CobolDecodeCommandTests
{
    private const string Copybook = """
      *  EXPORT - TEST EXPORT, EBCDIC, 67-BYTE RECORDS
       01  EXPORT-RECORD.
           05  EXPORT-REC-TYPE         PIC X.
               88  EXPORT-IS-CUSTOMER  VALUE 'C'.
           05  EXPORT-KEY              PIC 9(6).
           05  EXPORT-DATA             PIC X(60).
           05  EXPORT-CUSTOMER-DATA REDEFINES EXPORT-DATA.
               10  CUST-NAME           PIC X(20).
               10  CUST-BALANCE        PIC S9(9)V99 COMP-3.
               10  CUST-LIMIT          PIC 9(7)V99 PACKED-DECIMAL.
               10  CUST-ORDERS         PIC S9(4) COMP.
               10  CUST-VISITS         PIC 9(4) BINARY.
               10  CUST-SCORE          PIC S9(3)V9.
               10  CUST-PHONE          PIC 9(10) OCCURS 2 TIMES.
               10  FILLER              PIC X(1).
           05  EXPORT-ORDER-DATA REDEFINES EXPORT-DATA.
               10  ORD-LINE            OCCURS 3 TIMES.
                   15  ORD-ITEM        PIC X(4).
                   15  ORD-QTY         PIC S9(5) COMP-3.
                   15  ORD-PRICE       PIC S9(7)V99 COMP.
                   15  ORD-DISC        PIC SV999 SIGN LEADING SEPARATE.
               10  ORD-TOTAL           PIC S9(13)V99 COMP-3.
               10  ORD-UNITS           PIC 9(3)PP COMP.
               10  FILLER              PIC X(5).
           05  EXPORT-TRAILER-DATA REDEFINES EXPORT-DATA.
               10  TRL-COUNT           PIC 9(9) COMP.
               10  TRL-HASH            PIC S9(15) COMP-3.
               10  TRL-BIG             PIC S9(18) COMP.
               10  FILLER              PIC X(40).
       66  EXPORT-IDENT RENAMES EXPORT-REC-TYPE THRU EXPORT-KEY.
""";

    private const int RecordLength = 67;
    private static readonly CodePage Ebcdic = CodePage.Cp037;

    private static byte[] Customer(string key, string name, long balanceCents, long limitCents, short orders, int visits, byte[] score, long phone1, long phone2)
    {
        var r = Blank();
        Ebcdic.Encode("C", r.AsSpan(0, 1));
        ZonedDecimal.Encode(long.Parse(key, System.Globalization.CultureInfo.InvariantCulture), r.AsSpan(1, 6), 6, SignPlacement.Unsigned, OverpunchStyle.Ebcdic);
        Ebcdic.Encode(name.PadRight(20), r.AsSpan(7, 20));
        PackedDecimal.Encode(balanceCents, r.AsSpan(27, 6), 11, signed: true);
        PackedDecimal.Encode(limitCents, r.AsSpan(33, 5), 9, signed: false);
        BinaryPrimitives.WriteInt16BigEndian(r.AsSpan(38, 2), orders);
        BinaryPrimitives.WriteUInt16BigEndian(r.AsSpan(40, 2), (ushort)visits);
        score.CopyTo(r.AsSpan(42, 4));
        ZonedDecimal.Encode(phone1, r.AsSpan(46, 10), 10, SignPlacement.Unsigned, OverpunchStyle.Ebcdic);
        ZonedDecimal.Encode(phone2, r.AsSpan(56, 10), 10, SignPlacement.Unsigned, OverpunchStyle.Ebcdic);
        return r;
    }

    private static byte[] Order(string key, (string Item, long Qty, int PriceCents, int DiscMillis)[] lines, long totalCents, int unitsHundreds)
    {
        var r = Blank();
        Ebcdic.Encode("O", r.AsSpan(0, 1));
        ZonedDecimal.Encode(long.Parse(key, System.Globalization.CultureInfo.InvariantCulture), r.AsSpan(1, 6), 6, SignPlacement.Unsigned, OverpunchStyle.Ebcdic);
        for (int i = 0; i < lines.Length; i++)
        {
            int o = 7 + i * 15;
            Ebcdic.Encode(lines[i].Item, r.AsSpan(o, 4));
            PackedDecimal.Encode(lines[i].Qty, r.AsSpan(o + 4, 3), 5, signed: true);
            BinaryPrimitives.WriteInt32BigEndian(r.AsSpan(o + 7, 4), lines[i].PriceCents);
            ZonedDecimal.Encode(lines[i].DiscMillis, r.AsSpan(o + 11, 4), 3, SignPlacement.LeadingSeparate, OverpunchStyle.Ebcdic);
        }
        PackedDecimal.Encode(totalCents, r.AsSpan(52, 8), 15, signed: true);
        BinaryPrimitives.WriteUInt16BigEndian(r.AsSpan(60, 2), (ushort)unitsHundreds);
        return r;
    }

    private static byte[] Trailer(int count, long hash, long big)
    {
        var r = Blank();
        Ebcdic.Encode("T", r.AsSpan(0, 1));
        ZonedDecimal.Encode(999999, r.AsSpan(1, 6), 6, SignPlacement.Unsigned, OverpunchStyle.Ebcdic);
        BinaryPrimitives.WriteUInt32BigEndian(r.AsSpan(7, 4), (uint)count);
        PackedDecimal.Encode(hash, r.AsSpan(11, 8), 15, signed: true);
        BinaryPrimitives.WriteInt64BigEndian(r.AsSpan(19, 8), big);
        return r;
    }

    private static byte[] Blank()
    {
        var r = new byte[RecordLength];
        r.AsSpan().Fill(0x40);
        return r;
    }

    private static string[] Args(TempDir dir, string dataFile, params string[] extra)
    {
        var copybook = dir.Combine("EXPORT.cpy");
        File.WriteAllText(copybook, Copybook);
        return ["cobol", "decode", "--copybook", copybook, "--encoding", "cp037",
            "--select", "EXPORT-REC-TYPE=C:EXPORT-CUSTOMER-DATA",
            "--select", "EXPORT-REC-TYPE=O:EXPORT-ORDER-DATA",
            "--select", "EXPORT-REC-TYPE=T:EXPORT-TRAILER-DATA", .. extra, dataFile];
    }

    private static byte[] SampleFile()
    {
        // score: zoned S9(3)V9 with C (+), D (-) and F (unsigned-style +) zones on the last digit
        var c1 = Customer("000101", "ACME TRADING", -91900, 1500000, -3, 65000, [0xF1, 0xF2, 0xF3, 0xC4], 2025550100, 0);
        var c2 = Customer("000102", "ZOE'S IMPORTS \"X\"", 12345678901, 999999999, 32767, 7, [0xF0, 0xF0, 0xF5, 0xD0], 9999999999, 1);
        var c3 = Customer("000103", "F ZONE", 0, 0, 0, 0, [0xF9, 0xF9, 0xF9, 0xF9], 0, 0);
        var o1 = Order("000201", [("AB12", 5, 123456, 125), ("CD34", -2, -99, -5), ("EF56", 99999, 999999999, 999)], -123456789012345, 123);
        var t = Trailer(4, -7470000000000, long.MinValue + 1);
        var other = Blank();
        Ebcdic.Encode("X000301FREE TEXT", other.AsSpan(0, 17));
        return [.. c1, .. c2, .. c3, .. o1, .. t, .. other];
    }

    [Fact]
    public void Decode_EbcdicExportWithSelects_GivesTheEncodedValues()
    {
        using var culture = HostileCulture.Enter();
        using var dir = new TempDir("decode-ebcdic");
        var data = dir.Combine("EXPORT.DAT");
        File.WriteAllBytes(data, SampleFile());

        var result = CliRunner.Run(Args(dir, data));

        result.ExitCode.Should().Be(0, result.StdErr);
        var lines = result.JsonLines();
        lines.Should().HaveCount(6);

        var c1 = lines[0].GetProperty("EXPORT-RECORD");
        c1.EnumerateObject().Select(p => p.Name).Should().Equal("EXPORT-REC-TYPE", "EXPORT-KEY", "EXPORT-CUSTOMER-DATA");
        c1.GetProperty("EXPORT-REC-TYPE").GetString().Should().Be("C");
        c1.GetProperty("EXPORT-KEY").GetString().Should().Be("101");
        var cust = c1.GetProperty("EXPORT-CUSTOMER-DATA");
        cust.EnumerateObject().Select(p => p.Name).Should().Equal("CUST-NAME", "CUST-BALANCE", "CUST-LIMIT", "CUST-ORDERS", "CUST-VISITS", "CUST-SCORE", "CUST-PHONE");
        cust.GetProperty("CUST-NAME").GetString().Should().Be("ACME TRADING        ");
        cust.GetProperty("CUST-BALANCE").GetString().Should().Be("-919.00");
        cust.GetProperty("CUST-LIMIT").GetString().Should().Be("15000.00");
        cust.GetProperty("CUST-ORDERS").GetString().Should().Be("-3");
        cust.GetProperty("CUST-VISITS").GetString().Should().Be("65000");
        cust.GetProperty("CUST-SCORE").GetString().Should().Be("123.4");
        cust.GetProperty("CUST-PHONE").EnumerateArray().Select(e => e.GetString()).Should().Equal("2025550100", "0");

        var c2 = lines[1].GetProperty("EXPORT-RECORD").GetProperty("EXPORT-CUSTOMER-DATA");
        c2.GetProperty("CUST-NAME").GetString().Should().Be("ZOE'S IMPORTS \"X\"   ");
        c2.GetProperty("CUST-BALANCE").GetString().Should().Be("123456789.01");
        c2.GetProperty("CUST-LIMIT").GetString().Should().Be("9999999.99");
        c2.GetProperty("CUST-ORDERS").GetString().Should().Be("32767");
        c2.GetProperty("CUST-SCORE").GetString().Should().Be("-5.0");
        c2.GetProperty("CUST-PHONE").EnumerateArray().Select(e => e.GetString()).Should().Equal("9999999999", "1");

        lines[2].GetProperty("EXPORT-RECORD").GetProperty("EXPORT-CUSTOMER-DATA").GetProperty("CUST-SCORE").GetString().Should().Be("999.9");

        var o = lines[3].GetProperty("EXPORT-RECORD");
        o.EnumerateObject().Select(p => p.Name).Should().Equal("EXPORT-REC-TYPE", "EXPORT-KEY", "EXPORT-ORDER-DATA");
        var ord = o.GetProperty("EXPORT-ORDER-DATA");
        var ordLines = ord.GetProperty("ORD-LINE").EnumerateArray().ToList();
        ordLines.Should().HaveCount(3);
        ordLines[0].GetProperty("ORD-ITEM").GetString().Should().Be("AB12");
        ordLines[0].GetProperty("ORD-QTY").GetString().Should().Be("5");
        ordLines[0].GetProperty("ORD-PRICE").GetString().Should().Be("1234.56");
        ordLines[0].GetProperty("ORD-DISC").GetString().Should().Be("0.125");
        ordLines[1].GetProperty("ORD-QTY").GetString().Should().Be("-2");
        ordLines[1].GetProperty("ORD-PRICE").GetString().Should().Be("-0.99");
        ordLines[1].GetProperty("ORD-DISC").GetString().Should().Be("-0.005");
        ordLines[2].GetProperty("ORD-QTY").GetString().Should().Be("99999");
        ordLines[2].GetProperty("ORD-PRICE").GetString().Should().Be("9999999.99");
        ordLines[2].GetProperty("ORD-DISC").GetString().Should().Be("0.999");
        ord.GetProperty("ORD-TOTAL").GetString().Should().Be("-1234567890123.45");
        ord.GetProperty("ORD-UNITS").GetString().Should().Be("12300");

        var t = lines[4].GetProperty("EXPORT-RECORD").GetProperty("EXPORT-TRAILER-DATA");
        t.GetProperty("TRL-COUNT").GetString().Should().Be("4");
        t.GetProperty("TRL-HASH").GetString().Should().Be("-7470000000000");
        t.GetProperty("TRL-BIG").GetString().Should().Be("-9223372036854775807");

        // No selection matches: the redefined item (EXPORT-DATA) only.
        var x = lines[5].GetProperty("EXPORT-RECORD");
        x.EnumerateObject().Select(p => p.Name).Should().Equal("EXPORT-REC-TYPE", "EXPORT-KEY", "EXPORT-DATA");
        x.GetProperty("EXPORT-DATA").GetString().Should().Be("FREE TEXT".PadRight(60));

        // 88 and 66 names never appear; no errors member when all fields decode.
        result.StdOut.Should().NotContain("EXPORT-IS-CUSTOMER").And.NotContain("EXPORT-IDENT").And.NotContain("\"errors\"").And.NotContain("FILLER");
    }

    [Fact]
    public void Decode_RdwFile_SameValuesAsFixed()
    {
        using var dir = new TempDir("decode-rdw");
        var fixedFile = dir.Combine("EXPORT.DAT");
        var bytes = SampleFile();
        File.WriteAllBytes(fixedFile, bytes);
        var rdw = new List<byte>();
        for (int i = 0; i < bytes.Length; i += RecordLength)
        {
            rdw.AddRange([0, RecordLength + 4, 0, 0]);
            rdw.AddRange(bytes.AsSpan(i, RecordLength).ToArray());
        }
        var rdwFile = dir.Combine("EXPORT.RDW");
        File.WriteAllBytes(rdwFile, [.. rdw]);

        var a = CliRunner.Run(Args(dir, fixedFile));
        var b = CliRunner.Run(Args(dir, rdwFile, "--format", "rdw"));

        b.ExitCode.Should().Be(0, b.StdErr);
        b.StdOut.Should().Be(a.StdOut);
    }

    [Theory]
    [InlineData("rdw", 4)]
    [InlineData("variable", 0)]
    public void Decode_LittleEndianPrefixes_SameValuesAsFixed(string format, int included)
    {
        using var dir = new TempDir("decode-rdw-le");
        var fixedFile = dir.Combine("EXPORT.DAT");
        var bytes = SampleFile();
        File.WriteAllBytes(fixedFile, bytes);
        var le = new List<byte>();
        for (int i = 0; i < bytes.Length; i += RecordLength)
        {
            le.AddRange([0, 0, (byte)(RecordLength + included), 0]);
            le.AddRange(bytes.AsSpan(i, RecordLength).ToArray());
        }
        var leFile = dir.Combine("EXPORT.LE");
        File.WriteAllBytes(leFile, [.. le]);

        var a = CliRunner.Run(Args(dir, fixedFile));
        var b = CliRunner.Run(Args(dir, leFile, "--format", format, "--rdw-endian", "little"));
        b.ExitCode.Should().Be(0, b.StdErr);
        b.StdOut.Should().Be(a.StdOut);

        // read as big-endian, the first prefix is refused (bytes 2-3 are not zero), naming file, record and offset
        var c = CliRunner.Run(Args(dir, leFile, "--format", format));
        c.ExitCode.Should().Be(1);
        c.StdErr.Should().Contain("EXPORT.LE record 1 at offset 0").And.Contain("bytes 2-3 must be zero");
        var d = CliRunner.Run(Args(dir, leFile, "--format", format, "--rdw-endian", "middle"));
        d.ExitCode.Should().Be(1);
        d.StdErr.Should().Contain("--rdw-endian 'middle' is not big or little");
    }

    [Fact]
    public void Decode_BadPackedAndZonedFields_ReportsErrorsAndExits2()
    {
        using var culture = HostileCulture.Enter();
        using var dir = new TempDir("decode-errors");
        var data = dir.Combine("EXPORT.DAT");
        var bytes = SampleFile();
        // record 1: CUST-BALANCE (offset 27, 6 bytes) gets an invalid sign nibble; record 2: CUST-SCORE a space.
        bytes[27 + 5] = 0x1A;
        bytes[RecordLength + 42] = 0x40;
        File.WriteAllBytes(data, bytes);

        var result = CliRunner.Run(Args(dir, data));

        result.ExitCode.Should().Be(2);
        var lines = result.JsonLines();
        lines.Should().HaveCount(6, "every record is still printed");
        var cust = lines[0].GetProperty("EXPORT-RECORD").GetProperty("EXPORT-CUSTOMER-DATA");
        cust.GetProperty("CUST-BALANCE").ValueKind.Should().Be(JsonValueKind.Null);
        cust.GetProperty("CUST-LIMIT").GetString().Should().Be("15000.00", "the rest of the record still decodes");
        var errors = lines[0].GetProperty("errors").EnumerateArray().ToList();
        errors.Should().ContainSingle();
        errors[0].GetProperty("field").GetString().Should().Be("CUST-BALANCE");
        errors[0].GetProperty("offset").GetInt32().Should().Be(27);
        errors[0].GetProperty("hex").GetString().Should().Be(Convert.ToHexString(bytes, 27, 6)).And.EndWith("1A");
        errors[0].GetProperty("reason").GetString().Should().NotBeNullOrWhiteSpace();
        var e2 = lines[1].GetProperty("errors").EnumerateArray().Single();
        e2.GetProperty("field").GetString().Should().Be("CUST-SCORE");
        e2.GetProperty("offset").GetInt32().Should().Be(42);
        e2.GetProperty("hex").GetString().Should().Be("40F0F5D0");
        lines[2].TryGetProperty("errors", out _).Should().BeFalse();
        result.StdErr.Should().Contain(data).And.Contain("2 with field errors");
    }

    /// <summary>Strictness stays the default with the formats extracts come in: a little-endian RDW record shorter than
    /// the layout gets no guessed values (each field past its end is an error with the bytes that are there), and a
    /// zoned digit that is not a digit is an error with its bytes, in EBCDIC as in ASCII.</summary>
    [Fact]
    public void Decode_ShortRdwRecordAndInvalidZonedDigits_ErrorsWithTheirBytes()
    {
        using var culture = HostileCulture.Enter();
        using var dir = new TempDir("decode-strict");
        var bytes = SampleFile();
        var first = bytes.AsSpan(0, RecordLength).ToArray();
        first[2] = 0xC1;                                      // EXPORT-KEY 'A' in place of a digit
        var cut = bytes.AsSpan(RecordLength, 45).ToArray();   // a customer record cut in CUST-SCORE (offset 42, 4 bytes)
        var file = dir.Combine("SHORT.RDW");
        File.WriteAllBytes(file, [0, 0, (byte)(first.Length + 4), 0, .. first, 0, 0, (byte)(cut.Length + 4), 0, .. cut]);

        var result = CliRunner.Run(Args(dir, file, "--format", "rdw", "--rdw-endian", "little"));

        result.ExitCode.Should().Be(2, result.StdErr);
        var lines = result.JsonLines();
        lines.Should().HaveCount(2);
        var e1 = lines[0].GetProperty("errors").EnumerateArray().Single();
        e1.GetProperty("field").GetString().Should().Be("EXPORT-KEY");
        e1.GetProperty("hex").GetString().Should().Be(Convert.ToHexString(first, 1, 6)).And.Contain("C1");
        lines[0].GetProperty("EXPORT-RECORD").GetProperty("EXPORT-KEY").ValueKind.Should().Be(JsonValueKind.Null);
        var cust = lines[1].GetProperty("EXPORT-RECORD").GetProperty("EXPORT-CUSTOMER-DATA");
        cust.GetProperty("CUST-VISITS").GetString().Should().NotBeNull("fields before the end decode");
        cust.GetProperty("CUST-SCORE").ValueKind.Should().Be(JsonValueKind.Null);
        var past = lines[1].GetProperty("errors").EnumerateArray().ToList();
        past.Select(e => e.GetProperty("field").GetString()).Should().Equal("CUST-SCORE", "CUST-PHONE(1)", "CUST-PHONE(2)");
        past[0].GetProperty("offset").GetInt32().Should().Be(42);
        past[0].GetProperty("hex").GetString().Should().Be(Convert.ToHexString(cut, 42, 3), "the bytes that are there");
        past[0].GetProperty("reason").GetString().Should().Be("field (4 bytes) extends past the end of the record (45 bytes)");
        past[1].GetProperty("hex").GetString().Should().BeEmpty();
        result.StdErr.Should().Contain("2 records, 2 with field errors");
    }

    [Fact]
    public void Decode_MissingCopybook_Exits1NamingTheFile()
    {
        using var dir = new TempDir("decode-usage");
        var result = CliRunner.Run("cobol", "decode", "--copybook", dir.Combine("NOPE.cpy"), dir.Combine("DATA"));
        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("NOPE.cpy");
        result.StdOut.Should().BeEmpty();
    }

    [Fact]
    public void Decode_MissingDataFile_Exits1NamingTheFile()
    {
        using var dir = new TempDir("decode-usage");
        var result = CliRunner.Run(Args(dir, dir.Combine("MISSING.DAT")));
        result.ExitCode.Should().Be(1);
        result.StdErr.Should().Contain("MISSING.DAT");
    }

    [Theory]
    [InlineData("EXPORT-REC-TYPE=C:NO-SUCH-GROUP")]
    [InlineData("NO-SUCH-FIELD=C:EXPORT-CUSTOMER-DATA")]
    [InlineData("EXPORT-REC-TYPE=C:CUST-NAME")]
    [InlineData("EXPORT-REC-TYPE:EXPORT-CUSTOMER-DATA")]
    public void Decode_InvalidSelect_Exits1(string select)
    {
        using var dir = new TempDir("decode-usage");
        var data = dir.Combine("EXPORT.DAT");
        File.WriteAllBytes(data, SampleFile());
        var copybook = dir.Combine("EXPORT.cpy");
        File.WriteAllText(copybook, Copybook);
        var result = CliRunner.Run("cobol", "decode", "--copybook", copybook, "--encoding", "cp037", "--select", select, data);
        result.ExitCode.Should().Be(1);
        result.StdErr.Should().NotBeEmpty();
    }

    [Fact]
    public void Decode_EntcalcVariableRecords_OdoArrayHasTheRecordCount()
    {
        using var culture = HostileCulture.Enter();
        var legacy = RepoPaths.LegacyHome;
        var result = CliRunner.Run("cobol", "decode", "--copybook", Path.Combine(legacy, "copybooks", "ENTCALC.cpy"), "--format", "variable",
            "--select", "ECT-REC-TYPE=M:ENTCALC-MPF-RECORD", Path.Combine(legacy, "sample", "2026-03-02", "out", "ENTCALC"));
        result.ExitCode.Should().Be(0, result.StdErr);
        var totals = result.JsonLines().Where(l => l.TryGetProperty("ENTCALC-TOTAL-RECORD", out _)).Select(l => l.GetProperty("ENTCALC-TOTAL-RECORD")).ToList();
        totals.Should().NotBeEmpty();
        totals.Select(t => t.GetProperty("ECT-FEE-TABLE").GetArrayLength()).Should().Contain(n => n > 1);
        foreach (var t in totals)
        {
            t.GetProperty("ECT-FEE-TABLE").GetArrayLength().Should().Be(int.Parse(t.GetProperty("ECT-FEE-COUNT").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        }
        result.JsonLines().Count(l => l.TryGetProperty("ENTCALC-MPF-RECORD", out _)).Should().BeGreaterThan(0);
    }
}
