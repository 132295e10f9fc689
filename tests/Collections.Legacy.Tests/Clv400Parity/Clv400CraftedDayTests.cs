using System.Text;
using Collections.Legacy.Records;

namespace Collections.Legacy.Tests.Clv400Parity;

/// <summary>
/// Crafted days run through the live legacy CLV400 and our step: every output byte, control total, message and RC
/// must agree. Each test also checks that its scenario happened (the posting, message or item it is about), so a
/// path that stops being taken cannot pass unnoticed.
/// </summary>
public class Clv400CraftedDayTests
{
    private static string Ledger(Clv400Outcome o)
    {
        var sb = new StringBuilder();
        var l = o.Ledger ?? [];
        for (var i = 0; i + 80 <= l.Length; i += 80) sb.Append(LedgerRecord.Decode(l.AsSpan(i, 80)).TranCode).Append(' ');
        return sb.ToString();
    }

    private static string Master(Clv400Outcome o)
    {
        var sb = new StringBuilder();
        var m = o.NewMaster ?? [];
        for (var i = 0; i + 150 <= m.Length; i += 150)
        {
            var item = OpenItemRecord.Decode(m.AsSpan(i, 150));
            sb.Append(item.Reference.TrimEnd()).Append(item.ItemType).Append(item.Status).Append(' ');
        }
        return sb.ToString();
    }

    [Fact]
    public void Payments_OnTimePartialExactOverAndUnknown_MatchLegacy()
    {
        var day = new Clv400Day(20260303)
            .Receivable("SEXACT", 100_00, 20260310)
            .Receivable("SOVER", 50_00, 20260310)
            .Receivable("SPART", 300_00, 20260310)
            .Payment("P1", "SEXACT", 100_00, 20260303)
            .Payment("P2", "SOVER", 75_25, 20260302)
            .Payment("P3", "SPART", 120_00, 20260303, method: 'K')
            .Payment("P4", "SNOSUCH", 10_00, 20260301, method: 'C');
        var o = Clv400Harness.RunBothAndCompare(day.Files());
        Ledger(o).Should().Contain("RF").And.Contain("SU").And.Contain("PY");
        Master(o).Should().Contain("SEXACTAC").And.Contain("SOVERAC").And.Contain("SOVERRR").And.Contain("SPARTAP");
        o.ReturnCode.Should().Be(4);
    }

    [Fact]
    public void LatePayment_AcrossQuarterRateChange_MatchesLegacy()
    {
        // due 2024-12-15 at 8 %, paid 2025-01-20 at 7 %: interest compounds daily over both quarters
        var day = new Clv400Day(20250121)
            .OldItem("SLATE1", 'A', 'O', 12_345_67, 0, 20241215)
            .OldItem("SLATE2", 'A', 'P', 98_765_43, 10_000_00, 20241215)
            .Payment("P1", "SLATE1", 12_345_67, 20250120)
            .Payment("P2", "SLATE2", 50_000_00, 20250120);
        var o = Clv400Harness.RunBothAndCompare(day.Files());
        Ledger(o).Should().Contain("LI");
        o.Ctltots.Should().Contain("LATE PAYMENT INTEREST          000000002");
    }

    [Fact]
    public void DuplicateAndSplitPayments_KeepArrivalOrderAndCreateOneRefundItem()
    {
        var day = new Clv400Day(20260303)
            .OldItem("SDUP", 'A', 'O', 500_00, 0, 20260310)
            .Payment("P9", "SDUP", 300_00, 20260302)
            .Payment("P1", "SDUP", 300_00, 20260302)
            .Payment("P1", "SDUP", 300_00, 20260302)
            .Payment("P0", "SDUP", 1_00, 20260301);
        var o = Clv400Harness.RunBothAndCompare(day.Files());
        Master(o).Should().Contain("SDUPAC").And.Contain("SDUPRR");
    }

    [Fact]
    public void PaymentForItemClosedEarlierTheSameDay_GoesToTheRefundItem()
    {
        var day = new Clv400Day(20260303)
            .Receivable("SCLOSE", 80_00, 20260320)
            .Payment("P1", "SCLOSE", 80_00, 20260302)
            .Payment("P2", "SCLOSE", 5_00, 20260303);
        var o = Clv400Harness.RunBothAndCompare(day.Files());
        Ledger(o).Should().Contain("RF");
    }

    [Fact]
    public void ItemsClosedOnThePreviousCycle_AreDroppedAndTheirPaymentsSuspended()
    {
        var day = new Clv400Day(20260303)
            .OldItem("SGONE", 'A', 'C', 100_00, 100_00, 20260215)
            .OldItem("SGONE", 'R', 'R', 0, 0, 20260215, balance: -5_00, refund: 5_00)
            .OldItem("SKEEP", 'A', 'P', 100_00, 40_00, 20260310)
            .Payment("P1", "SGONE", 20_00, 20260302);
        var o = Clv400Harness.RunBothAndCompare(day.Files());
        o.Ctltots.Should().Contain("CLOSED ITEMS DROPPED           000000001");
        Master(o).Should().Contain("SGONER").And.NotContain("SGONEA");
        Encoding.Latin1.GetString(o.Suspense!).Should().Contain("S001");
    }

    [Fact]
    public void ItemsMoreThanThirtyDaysPastDue_AreBilledWithInterest()
    {
        var day = new Clv400Day(20260303)
            .OldItem("SBILL30", 'A', 'O', 1_000_00, 0, 20260201)    // 30 days: not yet
            .OldItem("SBILL31", 'A', 'O', 1_000_00, 0, 20260131)    // 31 days: billed
            .OldItem("SBILLD", 'A', 'B', 2_000_00, 0, 20251001, billDate: 20251101)   // already billed: not again
            .OldItem("SBILLP", 'A', 'P', 5_432_10, 1_000_00, 20250915)
            .OldItem("SBILLN", 'A', 'O', 100_00, 0, 20250101, balance: -3_00)         // negative balance: billed, no interest posting
            .Receivable("SBILLP", 10_00, 20260320);
        var o = Clv400Harness.RunBothAndCompare(day.Files());
        Ledger(o).Should().Contain("BI");
        Master(o).Should().Contain("SBILL31AB").And.Contain("SBILL30AO").And.Contain("SBILLPAB");
    }

    [Fact]
    public void BilledItemPaidLate_AccruesFromTheBillsDueDate()
    {
        var day = new Clv400Day(20260303)
            .OldItem("SBPAID", 'A', 'B', 1_000_00, 0, 20260215, interest: 12_34, billDate: 20260116)
            .Payment("P1", "SBPAID", 500_00, 20260302);
        var o = Clv400Harness.RunBothAndCompare(day.Files());
        Ledger(o).Should().Contain("LI");
        Master(o).Should().Contain("SBPAIDAB");
    }

    [Fact]
    public void DateWithoutInterestRate_ReportsEachDayAndEndsWithRc8()
    {
        // due before the table's first quarter (2022-10-01): each day without a rate is reported, rate 0
        var day = new Clv400Day(20221010)
            .OldItem("SNORATE", 'A', 'O', 1_000_00, 0, 20220920)
            .Payment("P1", "SNORATE", 400_00, 20221005);
        var o = Clv400Harness.RunBothAndCompare(day.Files());
        o.Sysout.Should().Contain("CLV8511E NO INTEREST RATE FOR 20220921");
        o.ReturnCode.Should().Be(8);
    }

    [Fact]
    public void RateStateFlowsAcrossReferences()
    {
        // the first reference leaves the kept range at a day without rate; the next reference starts from it
        var table = "20260101 20260131 05000 05000 TEST\n20260201 20260331 09000 09000 TEST\n";
        var day = new Clv400Day(20260303) { InterestTable = table }
            .OldItem("SA", 'A', 'O', 1_000_00, 0, 20251228)
            .OldItem("SB", 'A', 'O', 1_000_00, 0, 20260120)
            .OldItem("SC", 'A', 'O', 1_000_00, 0, 20251201)
            .Payment("P1", "SA", 10_00, 20260105)
            .Payment("P2", "SB", 10_00, 20260210)
            .Payment("P3", "SC", 10_00, 20260102);
        var o = Clv400Harness.RunBothAndCompare(day.Files());
        o.Sysout.Should().Contain("CLV8511E");
    }

    [Theory]
    [InlineData("")]
    [InlineData("20260101 20260331 07000 07000 X\n20260101 20260630 07000 07000 X\n")]
    [InlineData("20260101 20260331 07000 07000 X\n2026040A 20260630 07000 07000 X\n")]
    [InlineData("20260101 20260331 07 00 07000 X\n")]
    [InlineData("20260101\n")]
    [InlineData("20260401 20260630 07000 07000 X\n20260101 20260331 07000 07000 X\n")]
    public void InterestTableErrors_StopTheRunWithRc8(string table)
    {
        var day = new Clv400Day(20260303) { InterestTable = table }
            .Receivable("S1", 10_00, 20260310)
            .Payment("P1", "S1", 10_00, 20260302);
        var o = Clv400Harness.RunBothAndCompare(day.Files());
        o.Sysout.Should().Contain("CLV4901E");
        o.ReturnCode.Should().Be(8);
    }

    [Fact]
    public void InterestTableFull_StopsAt200Entries()
    {
        var sb = new StringBuilder();
        var d = new DateOnly(2000, 1, 1);
        for (var i = 0; i < 201; i++, d = d.AddDays(10))
            sb.Append(d.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)).Append(' ')
              .Append(d.AddDays(9).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)).Append(" 07000 07000 X\n");
        var day = new Clv400Day(20260303) { InterestTable = sb.ToString() }.Receivable("S1", 10_00, 20260310);
        var o = Clv400Harness.RunBothAndCompare(day.Files());
        o.Sysout.Should().Contain("CLV4303E INTEREST TABLE FULL");
    }

    [Theory]
    [InlineData("RUNDATE=2026030")]
    [InlineData("RUNDATE=19891231")]
    [InlineData("XUNDATE=20260303")]
    [InlineData("")]
    [InlineData("RUNDATE=2026030\r")]
    [InlineData("RUNDATE=2026\t303")]
    public void InvalidControlCard_EndsWithRc8AndNoControlTotals(string card)
    {
        var day = new Clv400Day(20260303) { Sysin = card + "\n" }.Receivable("S1", 10_00, 20260310);
        var o = Clv400Harness.RunBothAndCompare(day.Files());
        o.ReturnCode.Should().Be(8);
    }

    [Fact]
    public void OldMasterOutOfSequence_IgnoresTheRestAndEndsWithRc8()
    {
        var day = new Clv400Day(20260303)
            .OldItem("SB", 'A', 'O', 100_00, 0, 20260310)
            .OldItem("SA", 'A', 'O', 200_00, 0, 20260310)
            .OldItem("SC", 'A', 'O', 300_00, 0, 20260310)
            .Receivable("SC", 5_00, 20260310)
            .Payment("P1", "SC", 1_00, 20260302);
        var o = Clv400Harness.RunBothAndCompare(day.Files());
        o.Sysout.Should().Contain("CLV4101E OLD MASTER OUT OF SEQUENCE AT SSA");
        o.ReturnCode.Should().Be(8);
    }

    [Fact]
    public void StmtoutOutOfSequence_IgnoresTheRestAndEndsWithRc8()
    {
        var day = new Clv400Day(20260303)
            .Receivable("SB", 5_00, 20260310)
            .Receivable("SB", 6_00, 20260310)
            .Receivable("SC", 7_00, 20260310)
            .Payment("P1", "SC", 1_00, 20260302);
        var o = Clv400Harness.RunBothAndCompare(day.Files());
        o.Sysout.Should().Contain("CLV4201E STMTOUT OUT OF SEQUENCE AT SSB");
    }

    [Fact]
    public void InvalidItemTypeAndRefundItems_AreDroppedOrKept()
    {
        var day = new Clv400Day(20260303)
            .OldItem("SX", 'A', 'O', 100_00, 0, 20260310)
            .OldItem("SX", 'Q', 'O', 100_00, 0, 20260310)
            .OldItem("SX", 'R', 'R', 0, 0, 20260310, balance: -7_00, refund: 7_00)
            .OldItem("SY", 'R', 'C', 0, 0, 20260310, balance: 0)
            .Payment("P1", "SX", 120_00, 20260302);
        var o = Clv400Harness.RunBothAndCompare(day.Files());
        o.Sysout.Should().Contain("CLV4511W OLD MASTER ITEM TYPE INVALID, DROPPED: SSX              Q");
        o.ReturnCode.Should().Be(4);
    }

    [Fact]
    public void ControlCardWithCarriageReturn_IsValid()
    {
        var day = new Clv400Day(20260303) { Sysin = "RUNDATE=20260303\r\n" }.Receivable("S1", 10_00, 20260310);
        Clv400Harness.RunBothAndCompare(day.Files()).ReturnCode.Should().Be(0);
    }

    [Fact]
    public void NoPaymentsAndNoOldMaster_FirstDay()
    {
        var day = new Clv400Day(20260302) { HasPayments = false, HasOldMaster = false }.Receivable("E1", 10_00, 20260312, refType: 'E');
        var o = Clv400Harness.RunBothAndCompare(day.Files());
        o.Sysout.Should().Contain("CLV4004I").And.Contain("CLV4005I");
    }

    [Fact]
    public void EmptyStmtout_OnlyOldItemsAndPayments()
    {
        var day = new Clv400Day(20260303).OldItem("S1", 'A', 'O', 10_00, 0, 20260310).Payment("P1", "S1", 10_00, 20260303);
        Clv400Harness.RunBothAndCompare(day.Files());
    }

    [Fact]
    public void PaymentEditReasons_InTheLegacysOrder()
    {
        var day = new Clv400Day(20260303).Receivable("S1", 10_00, 20260310)
            .Payment("P1", "S1", 1_00, 20260302, method: 'X', refType: 'Z')
            .Payment("P2", "S1", 1_00, 20260302, refType: 'Z')
            .Payment("P3", "", 1_00, 20260302)
            .Payment("P4", "S1", 0, 20260302)
            .Payment("P5", "S1", -5_00, 20260302)
            .Payment("P6", "S1", 1_00, 20260304)
            .Payment("P7", "S1", 1_00, 20260229)
            .Payment("P8", "S1", 1_00, 19891231)
            .Payment("P9", "S1", 1_00, 20240229);
        var bad = new byte[50];
        day.LastPayment.CopyTo(bad, 0);
        bad[36] = 0x0D;   // amount -0
        day.PaymentRaw(bad);
        var badDate = (byte[])day.LastPayment.Clone();
        bad[36] = 0x1C;
        "2026AB02"u8.CopyTo(badDate.AsSpan(37));
        day.PaymentRaw(badDate);
        var o = Clv400Harness.RunBothAndCompare(day.Files());
        var suspense = Encoding.Latin1.GetString(o.Suspense!);
        foreach (var code in new[] { "S002", "S003", "S004", "S005", "S007" }) suspense.Should().Contain(code);
    }

    [Fact]
    public void ShortLastPaymentRecord_OverlaysThePreviousRecord()
    {
        var day = new Clv400Day(20260303).Receivable("S1", 10_00, 20260310).Payment("P1", "S1", 1_00, 20260302);
        day.PaymentsTail = "P2          DS"u8.ToArray().Concat(new byte[] { 0x53, 0x31, 0x20 }).ToArray();
        var o = Clv400Harness.RunBothAndCompare(day.Files());
        Encoding.Latin1.GetString(o.Suspense!).Should().Contain("S006");
    }

    [Fact]
    public void ShortFirstPaymentRecord_ReadsOverLowValues()
    {
        var day = new Clv400Day(20260303) { PaymentsTail = "P260303000"u8.ToArray() }.Receivable("S1", 10_00, 20260310);
        Clv400Harness.RunBothAndCompare(day.Files());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ShortOldMasterRecord_AbendsWithStatus04(bool payments)
    {
        var day = new Clv400Day(20260303) { OldMasterTail = [0x53], HasPayments = payments }
            .OldItem("S1", 'A', 'O', 10_00, 0, 20260310)
            .Receivable("S2", 10_00, 20260310)
            .Payment("P1", "S9", 1_00, 20260302);
        var o = Clv400Harness.RunBothAndCompare(day.Files());
        o.Sysout.Should().Contain("CLV9901E FILE ERROR DD=OLDMAST  OPERATION=READ     STATUS=04");
        o.Sysout.Contains("implicit CLOSE of PAYMENT-FILE", StringComparison.Ordinal).Should().Be(payments);
        o.ReturnCode.Should().Be(16);
    }

    [Fact]
    public void MissingStmtout_AbendsAtOpen()
    {
        var files = new Dictionary<string, byte[]?>(new Clv400Day(20260303).Files()) { ["STMTOUT"] = null };
        var o = Clv400Harness.RunBothAndCompare(files);
        o.Sysout.Should().Contain("STATUS=35");
    }
}

public class Clv400DamagedDueDateTests
{
    [Theory]
    [InlineData("        ")]
    [InlineData("\0\0\0\0\0\0\0\0")]
    [InlineData("2026AB01")]
    [InlineData("20260231")]
    [InlineData("2026:301")]   // ':' counts 10 in its place: 2027-03-01, a valid date
    public void DueDateNotADate_IsReadAsIntegerOfDateReadsIt(string due)
    {
        var day = new Clv400Day(20260303).OldItem("SDUE", 'A', 'O', 1_000_00, 0, 20260101).Payment("P1", "SDUE", 1_00, 20260302);
        System.Text.Encoding.Latin1.GetBytes(due).CopyTo(day.LastOld, 57);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        Clv400Harness.RunBothAndCompare(day.Files());
        sw.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60));
    }
}

public class Clv400DiagnosticsTests
{
    [Fact]
    public void DamagedRecords_AreNamedOnTheDiagnosticsStream()
    {
        var day = new Clv400Day(20260303)
            .OldItem("SB", 'A', 'O', 100_00, 0, 20260310)
            .OldItem("SA", 'A', 'O', 100_00, 0, 20260310)
            .Receivable("SB", 5_00, 20260310)
            .Payment("P1", "SB", 1_00, 20260302, method: 'Z');
        day.PaymentsTail = "P2"u8.ToArray();
        using var temp = new Testing.TempDir();
        var files = new Dictionary<string, byte[]?>(day.Files());
        var old = files["OLDMAST"]!;
        old[122] = 0xAB;   // OM-BALANCE of record 1
        var (_, dir) = Clv400Harness.TwoRunDirs(temp, files);
        var o = Clv400Harness.RunOurs(dir);
        o.Diagnostics.Should().Contain("OLDMAST RECORD 1: KEY X'").And.Contain("OM-BALANCE NOT NUMERIC");
        o.Diagnostics.Should().Contain("OLDMAST RECORD 2 KEY X'").And.Contain("THE REST OF THE OLD MASTER IS IGNORED");
        o.Diagnostics.Should().Contain("PAYMENTS RECORD 1: SUSPENSE REASON S003: PAY-METHOD X'5A'");
        o.Diagnostics.Should().Contain("PAYMENTS RECORD 2 IS 2 BYTES, NOT 50 (FILE STATUS 04): RAW 5032");
    }
}
