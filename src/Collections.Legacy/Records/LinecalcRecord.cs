using Collections.Cobol.Codecs;
using Collections.Domain.LineDuties;

namespace Collections.Legacy.Records;

/// <summary>LINECALC (copybook LINECALC): RECFM=F LRECL=250, one record per line of an accepted entry. 0-based offsets.</summary>
public static class LinecalcLayout
{
    public const int RecordLength = 250;
    public const int EntryNo = 0, LineNo = 11, Status = 14, Reason = 15, EntryType = 19, ImporterNo = 21, PortCode = 33,
        EntryDate = 37, TransportMode = 45, PaymentType = 47, StatementDate = 48, ManualFlag = 56, Currency = 57,
        ExchangeRate = 60, RateSource = 67, HtsNo = 68, Origin = 78, Spi = 80, ForeignValue = 82, UsdValue = 89,
        NetQuantity = 96, QuantityUnit = 102, NetKg = 105, RateType = 111, AdValoremRate = 112, SpecificRate = 116,
        SpiFree = 122, Duty = 123, Ch99 = 130, Ch99Size = 25, AdcvdCaseNo = 205, AdcvdType = 215, AdcvdAmount = 216,
        RawMpf = 223, CottonFee = 231, InputRecordNo = 238;
    // within a Chapter 99 slot
    public const int Ch99No = 0, Ch99RevClass = 10, Ch99Rate = 13, Ch99Applied = 17, Ch99Amount = 18;
}

/// <summary>
/// Builds LINECALC records exactly as CLV100 2320 + 2330..2395 leave LINECALC-RECORD: MOVE SPACES then INITIALIZE
/// (alphanumerics blank, packed zero with sign C, or F when unsigned; FILLER untouched = spaces), header data of the
/// current entry, the line's fields as filed (the packed ones only when NUMERIC, copied byte for byte as a MOVE
/// between identical pictures does), then the calculated part.
/// </summary>
public static class LinecalcRecord
{
    private static readonly byte[] Template = BuildTemplate();

    private static byte[] BuildTemplate()
    {
        var r = new byte[LinecalcLayout.RecordLength];
        r.AsSpan().Fill((byte)' ');
        Span<byte> s = r;
        PutDigitsZero(s.Slice(LinecalcLayout.LineNo, 3));
        PutDigitsZero(s.Slice(LinecalcLayout.PortCode, 4));
        PutDigitsZero(s.Slice(LinecalcLayout.EntryDate, 8));
        PutDigitsZero(s.Slice(LinecalcLayout.TransportMode, 2));
        PutDigitsZero(s.Slice(LinecalcLayout.PaymentType, 1));
        PutDigitsZero(s.Slice(LinecalcLayout.StatementDate, 8));
        PackedDecimal.Encode(0L, s.Slice(LinecalcLayout.ExchangeRate, 7), 12, false);
        PackedDecimal.Encode(0L, s.Slice(LinecalcLayout.ForeignValue, 7), 13, true);
        PackedDecimal.Encode(0L, s.Slice(LinecalcLayout.UsdValue, 7), 13, true);
        PackedDecimal.Encode(0L, s.Slice(LinecalcLayout.NetQuantity, 6), 11, true);
        PackedDecimal.Encode(0L, s.Slice(LinecalcLayout.NetKg, 6), 11, true);
        PackedDecimal.Encode(0L, s.Slice(LinecalcLayout.AdValoremRate, 4), 7, false);
        PackedDecimal.Encode(0L, s.Slice(LinecalcLayout.SpecificRate, 6), 10, false);
        PackedDecimal.Encode(0L, s.Slice(LinecalcLayout.Duty, 7), 13, true);
        for (int i = 0; i < 3; i++)
        {
            var slot = s.Slice(LinecalcLayout.Ch99 + i * LinecalcLayout.Ch99Size, LinecalcLayout.Ch99Size);
            PackedDecimal.Encode(0L, slot.Slice(LinecalcLayout.Ch99Rate, 4), 7, false);
            PackedDecimal.Encode(0L, slot.Slice(LinecalcLayout.Ch99Amount, 7), 13, true);
        }
        PackedDecimal.Encode(0L, s.Slice(LinecalcLayout.AdcvdAmount, 7), 13, true);
        PackedDecimal.Encode(0L, s.Slice(LinecalcLayout.RawMpf, 8), 14, true);
        PackedDecimal.Encode(0L, s.Slice(LinecalcLayout.CottonFee, 7), 13, true);
        PutDigitsZero(s.Slice(LinecalcLayout.InputRecordNo, 7));
        return r;
    }

    private static void PutDigitsZero(Span<byte> f) => f.Fill((byte)'0');

    /// <summary>
    /// Fills <paramref name="record"/> (250 bytes) for one line of <paramref name="entry"/>: <paramref name="lineRecord"/>
    /// is the ENTRYIN L record as read, <paramref name="calc"/> the line's calculation, <paramref name="inputRecordNo"/>
    /// the ENTRYIN record number (WS-RECORDS-READ).
    /// </summary>
    public static void Build(Span<byte> record, AcceptedEntry entry, ReadOnlySpan<byte> lineRecord, LineCalculation calc, long inputRecordNo)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(calc);
        Template.CopyTo(record);
        LegacyNumeric.PutText(record.Slice(LinecalcLayout.EntryNo, 11), entry.EntryNumber);
        lineRecord.Slice(EntryRecordLayout.LineNo, 3).CopyTo(record.Slice(LinecalcLayout.LineNo, 3));
        record[LinecalcLayout.Status] = (byte)calc.Status;
        if (calc.Reason is not null) LegacyNumeric.PutText(record.Slice(LinecalcLayout.Reason, 4), calc.Reason);
        LegacyNumeric.PutText(record.Slice(LinecalcLayout.EntryType, 2), entry.EntryType);
        LegacyNumeric.PutText(record.Slice(LinecalcLayout.ImporterNo, 12), entry.ImporterNumber);
        LegacyNumeric.PutText(record.Slice(LinecalcLayout.PortCode, 4), entry.PortCode);
        LegacyNumeric.PutDigits(record.Slice(LinecalcLayout.EntryDate, 8), entry.EntryDate);
        LegacyNumeric.PutText(record.Slice(LinecalcLayout.TransportMode, 2), entry.TransportMode);
        record[LinecalcLayout.PaymentType] = (byte)entry.PaymentType;
        LegacyNumeric.PutDigits(record.Slice(LinecalcLayout.StatementDate, 8), entry.StatementDate);
        record[LinecalcLayout.ManualFlag] = (byte)entry.ManualFlag;
        LegacyNumeric.PutText(record.Slice(LinecalcLayout.Currency, 3), entry.CurrencyCode);
        PackedDecimal.Encode(entry.ExchangeRate.Millionths, record.Slice(LinecalcLayout.ExchangeRate, 7), 12, false);
        record[LinecalcLayout.RateSource] = (byte)(char)entry.RateSource;
        lineRecord.Slice(EntryRecordLayout.HtsNo, 10).CopyTo(record.Slice(LinecalcLayout.HtsNo, 10));
        lineRecord.Slice(EntryRecordLayout.Origin, 2).CopyTo(record.Slice(LinecalcLayout.Origin, 2));
        lineRecord.Slice(EntryRecordLayout.Spi, 2).CopyTo(record.Slice(LinecalcLayout.Spi, 2));
        lineRecord.Slice(EntryRecordLayout.QuantityUnit, 3).CopyTo(record.Slice(LinecalcLayout.QuantityUnit, 3));
        lineRecord.Slice(EntryRecordLayout.AdcvdCaseNo, 10).CopyTo(record.Slice(LinecalcLayout.AdcvdCaseNo, 10));
        CopyIfNumeric(lineRecord.Slice(EntryRecordLayout.ForeignValue, 7), record.Slice(LinecalcLayout.ForeignValue, 7));
        CopyIfNumeric(lineRecord.Slice(EntryRecordLayout.NetQuantity, 6), record.Slice(LinecalcLayout.NetQuantity, 6));
        CopyIfNumeric(lineRecord.Slice(EntryRecordLayout.NetKg, 6), record.Slice(LinecalcLayout.NetKg, 6));
        if (LegacyNumeric.IsDigits(lineRecord.Slice(EntryRecordLayout.Ch99Count, 1)))
            for (int i = 0; i < 3; i++)
                lineRecord.Slice(EntryRecordLayout.Ch99No + i * 10, 10).CopyTo(record.Slice(LinecalcLayout.Ch99 + i * LinecalcLayout.Ch99Size, 10));
        record[LinecalcLayout.RateType] = (byte)calc.RateType;
        PackedDecimal.Encode(calc.AdValoremRate.Millionths, record.Slice(LinecalcLayout.AdValoremRate, 4), 7, false);
        PackedDecimal.Encode(calc.SpecificRate.Millionths, record.Slice(LinecalcLayout.SpecificRate, 6), 10, false);
        record[LinecalcLayout.SpiFree] = (byte)calc.SpiFree;
        PackedDecimal.Encode(calc.UsdValue.Cents, record.Slice(LinecalcLayout.UsdValue, 7), 13, true);
        PackedDecimal.Encode(calc.Duty.Cents, record.Slice(LinecalcLayout.Duty, 7), 13, true);
        for (int i = 0; i < 3; i++)
        {
            var slot = record.Slice(LinecalcLayout.Ch99 + i * LinecalcLayout.Ch99Size, LinecalcLayout.Ch99Size);
            var c = calc.Chapter99[i];
            LegacyNumeric.PutText(slot.Slice(LinecalcLayout.Ch99RevClass, 3), c.RevenueClass);
            PackedDecimal.Encode(c.Rate.Millionths, slot.Slice(LinecalcLayout.Ch99Rate, 4), 7, false);
            slot[LinecalcLayout.Ch99Applied] = (byte)c.Applied;
            PackedDecimal.Encode(c.Amount.Cents, slot.Slice(LinecalcLayout.Ch99Amount, 7), 13, true);
        }
        record[LinecalcLayout.AdcvdType] = (byte)calc.AdcvdType;
        PackedDecimal.Encode(calc.AdcvdDeposit.Cents, record.Slice(LinecalcLayout.AdcvdAmount, 7), 13, true);
        PackedDecimal.Encode(calc.RawMpf, record.Slice(LinecalcLayout.RawMpf, 8), 14, true);
        PackedDecimal.Encode(calc.CottonFee.Cents, record.Slice(LinecalcLayout.CottonFee, 7), 13, true);
        LegacyNumeric.PutDigits(record.Slice(LinecalcLayout.InputRecordNo, 7), inputRecordNo);
    }

    private static void CopyIfNumeric(ReadOnlySpan<byte> from, Span<byte> to)
    {
        if (LegacyNumeric.IsPackedNumeric(from, true)) from.CopyTo(to);
    }
}

/// <summary>REJREC: the reject listing REJECTS, line sequential, 100 bytes (trailing blanks removed on write).</summary>
public static class RejectRecord
{
    public const int RecordLength = 100;

    /// <summary>Fills a 100-byte reject record (8500-WRITE-REJECT).</summary>
    public static void Build(Span<byte> record, string stepId, ReadOnlySpan<byte> entryNo, ReadOnlySpan<byte> lineNo, long recordNo, Clv100Reason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        record.Fill((byte)' ');
        LegacyNumeric.PutText(record[..8], stepId);
        entryNo.CopyTo(record.Slice(9, 11));
        lineNo.CopyTo(record.Slice(21, 3));
        LegacyNumeric.PutDigits(record.Slice(25, 7), recordNo);
        record[33] = (byte)reason.Severity;
        LegacyNumeric.PutText(record.Slice(35, 4), reason.Code);
        LegacyNumeric.PutText(record.Slice(40, 60), reason.Text);
    }
}

/// <summary>CTLTOTS: run control totals, line sequential, 80 bytes, appended by each step.</summary>
public static class ControlTotalRecord
{
    public const int RecordLength = 80;

    /// <summary>Fills an 80-byte control total record; the amount is signed zoned, sign over-punched in the last byte.</summary>
    public static void Build(Span<byte> record, string stepId, int runDate, int sequence, string description, long count, long amountCents)
    {
        record.Fill((byte)' ');
        LegacyNumeric.PutText(record[..8], stepId);
        LegacyNumeric.PutDigits(record.Slice(9, 8), runDate);
        LegacyNumeric.PutDigits(record.Slice(18, 2), sequence);
        LegacyNumeric.PutText(record.Slice(21, 30), description);
        LegacyNumeric.PutDigits(record.Slice(52, 9), count);
        ZonedDecimal.Encode(amountCents, record.Slice(62, 17), 17, SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters);
    }
}

/// <summary>CTLCARD: the SYSIN control card, 80 bytes; the first card must be RUNDATE=CCYYMMDD.</summary>
public static class ControlCard
{
    public const int Length = 80;

    /// <summary>ACCEPT CONTROL-CARD: the first line of SYSIN (without its LF), padded with spaces or cut to 80.</summary>
    public static byte[] Accept(string sysinPath)
    {
        var card = new byte[Length];
        card.AsSpan().Fill((byte)' ');
        if (!File.Exists(sysinPath)) return card;
        using var f = File.OpenRead(sysinPath);
        int i = 0, b;
        while ((b = f.ReadByte()) >= 0 && b != '\n')
        {
            if (i < Length) card[i] = (byte)b;
            i++;
        }
        return card;
    }

    /// <summary>The run date when the card is RUNDATE= followed by a valid CCYYMMDD date (8100 rules), else null.</summary>
    public static int? RunDate(ReadOnlySpan<byte> card)
    {
        if (!card[..8].SequenceEqual("RUNDATE="u8)) return null;
        return Domain.Values.CobolDate.TryParse(card.Slice(8, 8), out var d) ? d.Value : null;
    }
}
