using System.Globalization;
using System.Text;
using Collections.Cobol.Codecs;
using Collections.Domain.EntryFees;
using Collections.Domain.Reporting;
using Collections.Legacy.Clv200;
using Collections.Legacy.Pipeline;
using Collections.Legacy.Records;

namespace Collections.Legacy.Clv500;

/// <summary>The fields of a receivable CLV500 uses (SH-STMT-TYPE, SH-ENTRY-COUNT, SH-TOTAL-AMT).</summary>
internal readonly record struct Clv500Receivable(int StatementType, long EntryCount, long TotalCents);

/// <summary>The fields of a ledger posting CLV500 uses (LG-TRAN-CODE, LG-PAY-METHOD, LG-AMOUNT).</summary>
internal readonly record struct Clv500Posting(string TransactionCode, char PaymentMethod, long AmountCents);

/// <summary>The fields of a suspense item CLV500 prints (SU-AMOUNT zero when not numeric, as 4210 sets it).</summary>
internal readonly record struct Clv500SuspenseItem(string PaymentId, string Method, string RefType, string Reference, long AmountCents, string Reason, string Message);

/// <summary>The fields of an open item CLV500 uses (OI-STATUS, OI-BALANCE).</summary>
internal readonly record struct Clv500OpenItem(char Status, long BalanceCents);

/// <summary>
/// What CLV500 takes from each input record, as the program reads it: through the typed records' decoders where the
/// data is valid, and for damaged data the value the legacy's statements see (with a diagnostic naming file, record,
/// field and bytes).
/// </summary>
internal static class Clv500Records
{
    public const int LedgerLength = 80, SuspenseLength = 111, OpenItemLength = 150;

    public static string Text(ReadOnlySpan<byte> record, int offset, int length) => Encoding.Latin1.GetString(record.Slice(offset, length));

    /// <summary>An ENTCALC E record as <see cref="EntryRevenue"/> (2200-ACCUMULATE-ENTRY's fields).</summary>
    public static EntryRevenue EntryRevenue(ReadOnlySpan<byte> record, Clv500Input file, Clv500Run run)
    {
        EntcalcRecord decoded;
        try
        {
            decoded = EntcalcReader.Decode(record, file.RecordNumber, file.DdName);
        }
        catch (EntcalcFormatException e)
        {
            throw new LegacyAbend(file.DdName, "READ", "30", e.Message + " (damaged entry totals are not reproduced)");
        }
        var t = decoded.EntryTotal!;
        return new EntryRevenue
        {
            PortCode = t.PortCode.ToString("D4", CultureInfo.InvariantCulture),
            LinesAccepted = t.LinesAccepted,
            EnteredValueCents = t.EnteredValueCents,
            DutyCents = t.DutyCents,
            Section301Cents = t.Section301Cents,
            Section232Cents = t.Section232Cents,
            IeepaCents = t.IeepaCents,
            Section122Cents = t.Section122Cents,
            OtherChapter99Cents = t.OtherChapter99Cents,
            AntidumpingCents = t.AntidumpingCents,
            CountervailingCents = t.CountervailingCents,
            Fees = t.Fees,
            FeeTotalCents = t.FeeTotalCents,
            TotalAssessedCents = t.TotalAssessedCents,
        };
    }

    /// <summary>A STMTOUT record (STMTHDR).</summary>
    public static Clv500Receivable Receivable(ReadOnlySpan<byte> record, Clv500Input file, Clv500Run run)
    {
        StatementHeaderRecord h;
        try
        {
            h = StatementHeaderRecord.Decode(record);
        }
        catch (CobolDataException e)
        {
            throw new LegacyAbend(file.DdName, "READ", "30", e.WithRecord(file.DdName, file.RecordNumber).Message);
        }
        return new Clv500Receivable(h.StatementType, h.EntryCount, h.TotalCents);
    }

    /// <summary>A LEDGER record.</summary>
    public static Clv500Posting Posting(ReadOnlySpan<byte> record, Clv500Input file, Clv500Run run)
    {
        // TODO(clv400): the LEDGER typed record
        var amount = PackedDecimal.TryDecode(record.Slice(39, 7), 13, true, out var v) ? v
            : throw new LegacyAbend(file.DdName, "READ", "30", "LG-AMOUNT not numeric");
        return new Clv500Posting(Text(record, 33, 2), (char)record[46], amount);
    }

    /// <summary>A SUSPENSE record; SU-AMOUNT not numeric is zero (4210-READ-SUSPENSE).</summary>
    public static Clv500SuspenseItem SuspenseItem(ReadOnlySpan<byte> record, Clv500Input file, Clv500Run run)
    {
        // TODO(clv400): the SUSPREC typed record
        if (!ZonedDecimal.TryDecode(record.Slice(43, 13), 13, SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters, out var amount))
        {
            run.Damaged(file, $"SU-AMOUNT AT OFFSET 43 NOT NUMERIC (RAW {Convert.ToHexString(record.Slice(43, 13))}): TAKEN AS ZERO");
            amount = 0;
        }
        return new Clv500SuspenseItem(Text(record, 9, 12), Text(record, 22, 1), Text(record, 24, 1), Text(record, 26, 16), amount,
            Text(record, 66, 4), Text(record, 71, 40));
    }

    /// <summary>A NEWMAST record (OPENITEM).</summary>
    public static Clv500OpenItem OpenItem(ReadOnlySpan<byte> record, Clv500Input file, Clv500Run run)
    {
        // TODO(clv400): the OPENITEM typed record and libcob's reading of a damaged balance
        var balance = PackedDecimal.TryDecode(record.Slice(122, 7), 13, true, out var v) ? v
            : throw new LegacyAbend(file.DdName, "READ", "30", "OI-BALANCE not numeric");
        return new Clv500OpenItem((char)record[18], balance);
    }

    /// <summary>A CTLTOTS record; CT-COUNT or CT-AMOUNT not numeric is zero (7100-READ-CTLTOT).</summary>
    public static ControlTotalLine ControlTotal(ReadOnlySpan<byte> record, Clv500Input file, Clv500Run run)
    {
        var countField = record.Slice(ControlTotalRecord.Count, 9);
        long count = 0;
        if (CobolNumericClass.IsUnsignedDisplay(countField)) count = CobolNumericClass.UnsignedDisplayValue(countField);
        else run.Damaged(file, $"CT-COUNT AT OFFSET {ControlTotalRecord.Count} NOT NUMERIC (RAW {Convert.ToHexString(countField)}): SHOWN AS ZERO");
        var amountField = record.Slice(ControlTotalRecord.Amount, 17);
        if (!ZonedDecimal.TryDecode(amountField, 17, SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters, out var amount))
        {
            run.Damaged(file, $"CT-AMOUNT AT OFFSET {ControlTotalRecord.Amount} NOT NUMERIC (RAW {Convert.ToHexString(amountField)}): SHOWN AS ZERO");
            amount = 0;
        }
        return new ControlTotalLine(Text(record, ControlTotalRecord.StepId, 8), Text(record, ControlTotalRecord.Sequence, 2),
            Text(record, ControlTotalRecord.Description, 30), count, amount);
    }
}
