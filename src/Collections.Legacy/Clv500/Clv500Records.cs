using System.Globalization;
using System.Text;
using Collections.Cobol.Codecs;
using Collections.Cobol.Numerics;
using Collections.Domain.EntryFees;
using Collections.Domain.OpenItems;
using Collections.Domain.Reporting;
using Collections.Legacy.Clv200;
using Collections.Legacy.Pipeline;
using Collections.Legacy.Records;

namespace Collections.Legacy.Clv500;

/// <summary>The fields of a receivable CLV500 uses (SH-STMT-TYPE, SH-ENTRY-COUNT, SH-TOTAL-AMT).</summary>
internal readonly record struct Clv500Receivable(int StatementType, long EntryCount, long TotalCents);

/// <summary>
/// What CLV500 takes from each input record, as the program reads it: through the typed records' decoders where the
/// data is valid, and for damaged data the value the legacy's statements see (with a diagnostic naming file, record,
/// field and bytes).
/// </summary>
internal static class Clv500Records
{
    public static string Text(ReadOnlySpan<byte> record, int offset, int length) => Encoding.Latin1.GetString(record.Slice(offset, length));

    /// <summary>
    /// An ENTCALC E record as <see cref="EntryRevenue"/> (2200-ACCUMULATE-ENTRY's fields). Damaged numeric fields are
    /// taken as libcob takes them (with a diagnostic); a record whose fee table does not match its length cannot be
    /// read as the legacy reads it (it would take bytes beyond the record) and stops the step (RC 16).
    /// </summary>
    public static EntryRevenue EntryRevenue(ReadOnlySpan<byte> record, Clv500Input file, Clv500Run run)
    {
        try
        {
            var t = EntcalcReader.Decode(record, file.RecordNumber, file.DdName).EntryTotal!;
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
        catch (EntcalcFormatException e)
        {
            return LenientEntry(record, file, run, e);
        }
    }

    private static EntryRevenue LenientEntry(ReadOnlySpan<byte> r, Clv500Input file, Clv500Run run, EntcalcFormatException e)
    {
        var countField = r.Length >= EntcalcLayout.EntryTotalFixedLength ? r.Slice(EntcalcLayout.FeeCount, 2) : default;
        var count = CobolNumericClass.IsUnsignedDisplay(countField) ? (int)CobolNumericClass.UnsignedDisplayValue(countField) : -1;
        if (count is < 1 or > EntcalcLayout.MaxFees || r.Length != EntcalcLayout.EntryTotalFixedLength + (count * EntcalcLayout.FeeLength))
            throw new LegacyAbend(file.DdName, "READ", "30", e.Message + " (an entry total whose fee table does not fit its length is not reproduced)");
        run.Damaged(file, $"{e.Field} AT OFFSET {e.Offset}: {e.Reason} (RAW {e.RawHex}): NUMERIC FIELDS TAKEN AS LIBCOB READS THEM");
        long Amount(ReadOnlySpan<byte> rec, int offset) => LenientNumeric.PackedUnscaled(rec.Slice(offset, 7), 13);
        var fees = new EntryFee[count];
        for (var i = 0; i < count; i++)
        {
            var at = EntcalcLayout.Fees + (i * EntcalcLayout.FeeLength);
            fees[i] = new EntryFee(Text(r, at, 3), LenientNumeric.PackedUnscaled(r.Slice(at + 3, 6), 11));
        }
        return new EntryRevenue
        {
            PortCode = Text(r, EntcalcLayout.PortCode, 4),
            LinesAccepted = (int)LenientNumeric.UnsignedDisplayUnscaled(r.Slice(EntcalcLayout.LinesAccepted, 3)),
            EnteredValueCents = Amount(r, EntcalcLayout.EnteredValue),
            DutyCents = Amount(r, EntcalcLayout.Duty),
            Section301Cents = Amount(r, EntcalcLayout.S301),
            Section232Cents = Amount(r, EntcalcLayout.S232),
            IeepaCents = Amount(r, EntcalcLayout.Ieepa),
            Section122Cents = Amount(r, EntcalcLayout.S122),
            OtherChapter99Cents = Amount(r, EntcalcLayout.Oth99),
            AntidumpingCents = Amount(r, EntcalcLayout.Add),
            CountervailingCents = Amount(r, EntcalcLayout.Cvd),
            Fees = fees,
            FeeTotalCents = Amount(r, EntcalcLayout.FeeTotal),
            TotalAssessedCents = Amount(r, EntcalcLayout.TotalAssessed),
        };
    }

    /// <summary>
    /// A STMTOUT record (<see cref="StatementHeaderRecord"/>). A damaged record is read as the legacy reads the three
    /// fields it uses: SH-STMT-TYPE matches a payment type only as the byte '2', '6' or '7' (the 88-level compares the
    /// byte, cobc-probed), SH-ENTRY-COUNT and SH-TOTAL-AMT as libcob adds them.
    /// </summary>
    public static Clv500Receivable Receivable(ReadOnlySpan<byte> record, Clv500Input file, Clv500Run run)
    {
        try
        {
            var h = StatementHeaderRecord.Decode(record);
            return new Clv500Receivable(h.StatementType, h.EntryCount, h.TotalCents);
        }
        catch (CobolDataException e)
        {
            run.Damaged(file, $"{e.FieldName} AT OFFSET {e.Offset}: {e.Reason} (RAW {e.RawHex}): FIELDS TAKEN AS LIBCOB READS THEM");
            var type = record[StatementHeaderLayout.StatementType];
            return new Clv500Receivable(type is >= (byte)'0' and <= (byte)'9' ? type - '0' : -1,
                (long)LenientNumeric.UnsignedDisplayUnscaled(record.Slice(StatementHeaderLayout.EntryCount, 5)),
                LenientNumeric.PackedUnscaled(record.Slice(StatementHeaderLayout.Total, 7), 13));
        }
    }

    /// <summary>
    /// Adds a LEDGER record to <paramref name="activity"/> as <c>activity.AddPosting(Posting(record, file, run))</c>
    /// does, reading only LG-TRAN-CODE, LG-PAY-METHOD and LG-AMOUNT (no <see cref="LedgerPosting"/> per record).
    /// </summary>
    public static void AddPosting(CollectionsActivity activity, ReadOnlySpan<byte> record, Clv500Input file, Clv500Run run)
    {
        if (record.Length != LedgerLayout.RecordLength)
        {
            activity.AddPosting(Posting(record, file, run));   // the decoder's own length error
            return;
        }
        var amount = PackedNumber.FromBytes(record.Slice(LedgerLayout.Amount, OpenItemLayout.AmountLength), OpenItemPictures.Amount);
        if (!amount.IsNumeric) run.Damaged(file, Lenient("LG-AMOUNT", LedgerLayout.Amount, amount));
        activity.AddPosting(TranCode(record.Slice(LedgerLayout.TranCode, 2)), (char)record[LedgerLayout.PayMethod], amount.Unscaled);
    }

    /// <summary>The transaction codes the report totals, without a string per record; any other code as read.</summary>
    private static string TranCode(ReadOnlySpan<byte> code) => code switch
    {
        [(byte)'A', (byte)'S'] => "AS",
        [(byte)'P', (byte)'Y'] => "PY",
        [(byte)'L', (byte)'I'] => "LI",
        [(byte)'B', (byte)'I'] => "BI",
        [(byte)'R', (byte)'F'] => "RF",
        _ => LegacyNumeric.Text(code),
    };

    /// <summary>
    /// Adds a NEWMAST record to <paramref name="items"/> as <c>items.Add(OpenItem(record, file, run))</c> does, reading
    /// only OI-STATUS and OI-BALANCE (no <see cref="Domain.OpenItems.OpenItem"/> per record).
    /// </summary>
    public static void AddOpenItem(OpenItemsByStatus items, ReadOnlySpan<byte> record, Clv500Input file, Clv500Run run)
    {
        if (record.Length != OpenItemLayout.RecordLength)
        {
            items.Add(OpenItem(record, file, run));   // the decoder's own length error
            return;
        }
        var balance = PackedNumber.FromBytes(record.Slice(OpenItemLayout.Balance, OpenItemLayout.AmountLength), OpenItemPictures.Amount);
        var status = (char)record[OpenItemLayout.Status];
        if (!balance.IsNumeric) run.Damaged(file, Lenient("OI-BALANCE", OpenItemLayout.Balance, balance));
        if (OpenItemsByStatus.StatusIndex(status) < 0)
            run.Damaged(file, $"OI-STATUS AT OFFSET {OpenItemLayout.Status} IS X'{(int)status:X2}', NOT O P B C R: COUNTED IN THE TOTAL ONLY");
        items.Add(status, balance.Unscaled);
    }

    /// <summary>A LEDGER record (<see cref="LedgerRecord"/>); a damaged LG-AMOUNT is named on the diagnostics.</summary>
    public static LedgerPosting Posting(ReadOnlySpan<byte> record, Clv500Input file, Clv500Run run)
    {
        var p = LedgerRecord.Decode(record);
        if (!p.Amount.IsNumeric) run.Damaged(file, Lenient("LG-AMOUNT", LedgerLayout.Amount, p.Amount));
        return p;
    }

    /// <summary>A SUSPENSE record (<see cref="SuspenseRecord"/>): SU-AMOUNT not numeric is zero (4210-READ-SUSPENSE).</summary>
    public static SuspenseItem SuspenseItem(ReadOnlySpan<byte> record, Clv500Input file, Clv500Run run)
    {
        if (!SuspenseRecord.IsAmountNumeric(record))
            run.Damaged(file, $"SU-AMOUNT AT OFFSET {SuspenseLayout.Amount} NOT NUMERIC (RAW {Convert.ToHexString(SuspenseRecord.AmountBytes(record))}): TAKEN AS ZERO");
        return SuspenseRecord.Decode(record);
    }

    /// <summary>
    /// A NEWMAST record (<see cref="OpenItemRecord"/>): a damaged prior master passes through CLV400 unchanged, so a
    /// balance that is not a valid packed number and a status the report does not know are named on the diagnostics.
    /// </summary>
    public static OpenItem OpenItem(ReadOnlySpan<byte> record, Clv500Input file, Clv500Run run)
    {
        var item = OpenItemRecord.Decode(record);
        if (!item.Balance.IsNumeric) run.Damaged(file, Lenient("OI-BALANCE", OpenItemLayout.Balance, item.Balance));
        if (OpenItemsByStatus.StatusIndex(item.Status) < 0)
            run.Damaged(file, $"OI-STATUS AT OFFSET {OpenItemLayout.Status} IS X'{(int)item.Status:X2}', NOT O P B C R: COUNTED IN THE TOTAL ONLY");
        return item;
    }

    private static string Lenient(string field, int offset, PackedNumber value) => string.Create(CultureInfo.InvariantCulture,
        $"{field} AT OFFSET {offset} NOT NUMERIC (RAW {Convert.ToHexString(value.ToArray())}): ADDED AS {value.Value}, AS LIBCOB READS IT");

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
