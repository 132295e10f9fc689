using System.Globalization;
using Collections.Cobol.Numerics;
using Collections.Domain.OpenItems;
using Collections.Legacy.Records;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv500Parity;

/// <summary>
/// Damaged data in the data sets CLV500 reads, against the live legacy program: a new master carrying a damaged
/// prior master's bytes (invalid packed balances, unknown statuses), damaged ledger amounts, suspense amounts,
/// receivables and entry totals. The report, sysout and RC must be the legacy's, and each damaged field must be named
/// (file, record, field, raw bytes) on the diagnostics stream.
/// </summary>
public class Clv500DamagedInputTests
{
    private static readonly NumericPic Amount = OpenItemPictures.Amount;

    internal static byte[] Item(string reference, char status, byte[] balance)
    {
        var item = new OpenItem
        {
            RefType = 'S', Reference = reference.PadRight(16), ItemType = 'A', Status = status, FilerCode = "C50",
            ImporterNumber = "12-3456789AB", Balance = PackedNumber.FromBytes(balance, Amount),
        };
        return OpenItemRecord.ToNewRecord(item);
    }

    internal static byte[] Packed(long cents) => PackedNumber.FromUnscaled(cents, Amount).ToArray();

    internal static byte[] Posting(string tranCode, char method, byte[] amount)
    {
        var posting = new LedgerPosting(DisplayNumber.FromValue(20260302, 8), 1, 'S', "D000000001      ", 'A', tranCode, "PAY", 'C',
            PackedNumber.FromBytes(amount, Amount), method, "P00000000001", DisplayNumber.FromValue(20260302, 8));
        var r = new byte[LedgerLayout.RecordLength];
        LedgerRecord.Encode(posting, r);
        return r;
    }

    public static TheoryData<string> DamagedBalances() =>
    [
        "000000000012A",   // sign nibble A
        "000000000012B",   // B
        "000000000012E",   // E
        "000000000012F",   // F (unsigned sign on a signed field)
        "0000000000123",   // a digit as the sign
        "00000000001AD",   // digit nibble above 9
        "FFFFFFFFFFFFF",   // all nibbles F
        "00000000000000",  // all zero bytes
        "404040404040404", // spaces
        "0000000000000D",  // negative zero
    ];

    private static byte[] Hex(string nibbles) => Convert.FromHexString((nibbles + new string('0', 14)).Substring(0, 14));

    [Theory]
    [MemberData(nameof(DamagedBalances))]
    public void Run_NewMasterWithADamagedBalance_AddedAsLibcobReadsIt(string nibbles)
    {
        var day = new Clv500CraftedDay();
        day.OpenItemRecords.Add(Item("D000000001", 'O', Packed(100_00)));
        day.OpenItemRecords.Add(Item("D000000002", 'B', Hex(nibbles)));
        day.OpenItemRecords.Add(Item("D000000003", 'R', Packed(-5_00)));

        var (legacy, ours) = Clv500CraftedDayTests.Run(day);

        legacy.ReturnCode.Should().Be(0);
        if (!PackedNumber.FromBytes(Hex(nibbles), Amount).IsNumeric)
            ours.Diagnostics.Should().Contain("NEWMAST RECORD 2: OI-BALANCE AT OFFSET 122 NOT NUMERIC (RAW " + Convert.ToHexString(Hex(nibbles)));
    }

    [Fact]
    public void Run_NewMasterWithUnknownStatuses_CountedInTheTotalOnly()
    {
        var day = new Clv500CraftedDay();
        foreach (var (status, i) in new[] { 'O', 'P', 'B', 'C', 'R', ' ', 'X', 'o', '\0', '\u00FF' }.Select((s, i) => (s, i)))
            day.OpenItemRecords.Add(Item("D00000000" + i, status, Packed((i + 1) * 100)));

        var (_, ours) = Clv500CraftedDayTests.Run(day);

        ours.Diagnostics.Should().Contain("NEWMAST RECORD 6: OI-STATUS AT OFFSET 18 IS X'20'").And.Contain("NEWMAST RECORD 10: OI-STATUS AT OFFSET 18 IS X'FF'");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Run_NewMasterRandomlyDamaged_SameReportAsTheLegacy(int seed)
    {
        // the new master of a generated fixture day, with bytes of its records replaced at random: 50 days per seed
        var master = File.ReadAllBytes(Path.Combine(RepoPaths.LegacyFixtures, "gen-chain-3-20260304", "output", "OPENITEM"));
        var rng = new Random(seed);
        var baseDay = new Clv500CraftedDay();
        baseDay.Entry(2704);
        using var temp = new TempDir("clv500-damage");
        for (var round = 0; round < 50; round++)
        {
            var damaged = (byte[])master.Clone();
            var flips = 1 + rng.Next(8);
            for (var f = 0; f < flips; f++)
            {
                var record = rng.Next(damaged.Length / OpenItemLayout.RecordLength) * OpenItemLayout.RecordLength;
                var at = rng.Next(3) switch
                {
                    0 => OpenItemLayout.Status,
                    1 => OpenItemLayout.Balance + rng.Next(OpenItemLayout.AmountLength),
                    _ => rng.Next(OpenItemLayout.RecordLength),
                };
                damaged[record + at] = (byte)rng.Next(256);
            }
            baseDay.Raw["OPENITEM"] = damaged;
            var legacyDir = temp.Combine(round + "-legacy");
            var oursDir = temp.Combine(round + "-ours");
            baseDay.Write(legacyDir);
            baseDay.Write(oursDir);

            Clv500Harness.RunOurs(oursDir).ShouldMatch(Clv500Harness.RunLegacy(legacyDir));
        }
    }

    [Fact]
    public void Run_LedgerWithDamagedAmountsAndOddCodes_AsTheLegacy()
    {
        var day = new Clv500CraftedDay();
        day.LedgerRecords.Add(Posting("AS", ' ', Packed(1_000_00)));
        day.LedgerRecords.Add(Posting("PY", 'D', Hex("000000000500A")));
        day.LedgerRecords.Add(Posting("PY", 'C', Hex("00000000FFF0C")));
        day.LedgerRecords.Add(Posting("PY", 'X', Packed(7_00)));
        day.LedgerRecords.Add(Posting("PY", ' ', Hex("0000000000000")));
        day.LedgerRecords.Add(Posting("LI", ' ', Packed(-3)));
        day.LedgerRecords.Add(Posting("BI", ' ', Packed(12_34)));
        day.LedgerRecords.Add(Posting("RF", 'K', Packed(-50_00)));
        day.LedgerRecords.Add(Posting("SU", 'K', Packed(99_00)));
        day.LedgerRecords.Add(Posting("py", 'D', Packed(1)));

        var (legacy, ours) = Clv500CraftedDayTests.Run(day);

        legacy.Sysout.Should().Contain("CLV9002I LEDGER POSTINGS READ       10");
        ours.Diagnostics.Should().Contain("LEDGER RECORD 2: LG-AMOUNT AT OFFSET 39 NOT NUMERIC (RAW 000000000500A0)");
    }

    [Fact]
    public void Run_SuspenseItems_ListedThenTotalledNonNumericAsZero()
    {
        var day = new Clv500CraftedDay();
        string Line(string id, string amount, string reason = "S004", string message = "REFERENCE NOT ON FILE") =>
            "20260302 " + id.PadRight(12) + " D S D000000009       " + amount + " 20260302 " + reason + " " + message;
        day.SuspenseLines.Add(Line("P00000000001", "000000001234{"));
        day.SuspenseLines.Add(Line("P00000000002", "000000001234}"));
        day.SuspenseLines.Add(Line("P00000000003", "00000000123AB"));
        day.SuspenseLines.Add(Line("P00000000004", "999999999999I", "S001", "AMOUNT TOO LARGE FOR THE PICTURE"));
        day.SuspenseLines.Add(Line("P00000000005", "000000000000}"));
        day.SuspenseLines.Add("20260302 P00000000006 K");   // a short line: padded with spaces, amount not numeric

        var (_, ours) = Clv500CraftedDayTests.Run(day);

        ours.Diagnostics.Should().Contain("SUSPENSE RECORD 3: SU-AMOUNT AT OFFSET 43 NOT NUMERIC");
    }

    [Theory]
    [InlineData(' ')]
    [InlineData('B')]
    [InlineData('r')]
    [InlineData('0')]
    [InlineData('9')]
    public void Run_ReceivableWithDamagedFields_AsTheLegacy(char type)
    {
        var day = new Clv500CraftedDay();
        day.Receivables.Add(Clv500ErrorPathTests.Receivable());
        var r = new byte[StatementHeaderLayout.RecordLength];
        Clv500ErrorPathTests.Receivable().Encode(r);
        r[StatementHeaderLayout.StatementType] = (byte)type;
        "0A0 3"u8.CopyTo(r.AsSpan(StatementHeaderLayout.EntryCount));
        Hex("00000000099C9A").CopyTo(r.AsSpan(StatementHeaderLayout.Total));
        day.Raw["STMTOUT"] = [.. r, .. r];

        var (_, ours) = Clv500CraftedDayTests.Run(day);

        ours.Diagnostics.Should().Contain("STMTOUT RECORD 1");
    }

    [Fact]
    public void Run_EntryTotalWithDamagedNumbers_AsTheLegacy()
    {
        var day = new Clv500CraftedDay();
        day.Entry(2704, dutyCents: 10_00);
        day.Entry(1001, dutyCents: 20_00);
        var bytes = Bytes(day, "ENTCALC");
        // second record: prefix (4) + record; damage its port, lines accepted, duty and first fee amount
        var second = 4 + 151 + 9 + 4;
        "1X0 "u8.CopyTo(bytes.AsSpan(second + 26));
        "0A2"u8.CopyTo(bytes.AsSpan(second + 50));
        Hex("00000000200AFA").CopyTo(bytes.AsSpan(second + 70));
        Hex("000003358E").AsSpan(0, 6).CopyTo(bytes.AsSpan(second + 151 + 3));
        day.Raw["ENTCALC"] = bytes;

        var (_, ours) = Clv500CraftedDayTests.Run(day);

        ours.Diagnostics.Should().Contain("ENTCALC RECORD 2");
    }

    public static TheoryData<string, int> ShortRecords() => new() { { "LEDGER", 40 }, { "OPENITEM", 1 } };

    [Theory]
    [MemberData(nameof(ShortRecords))]
    public void Run_LastRecordCutShort_Status04(string name, int bytes)
    {
        var day = new Clv500CraftedDay();
        day.LedgerRecords.Add(Posting("AS", ' ', Packed(5_00)));
        day.OpenItemRecords.Add(Item("D000000001", 'O', Packed(5_00)));
        day.Raw[name] = [.. Bytes(day, name), .. Enumerable.Repeat((byte)'9', bytes)];

        var (legacy, _) = Clv500CraftedDayTests.Run(day);

        legacy.Sysout.Should().Contain(string.Create(CultureInfo.InvariantCulture, $"DD={(name == "OPENITEM" ? "NEWMAST" : name),-8} OPERATION=READ     STATUS=04"));
    }

    private static byte[] Bytes(Clv500CraftedDay day, string name)
    {
        using var temp = new TempDir("clv500-bytes");
        day.Write(temp.Path);
        return File.ReadAllBytes(Path.Combine(temp.Path, name));
    }
}
