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
    /// The part of every LINECALC record of <paramref name="entry"/> that comes from the entry (2280-SAVE-HEADER), on
    /// top of the INITIALIZEd record: built once per accepted entry into <paramref name="entryPart"/> (250 bytes),
    /// then copied as the start of each of its lines (<see cref="Build"/>).
    /// </summary>
    public static void BuildEntryPart(Span<byte> entryPart, AcceptedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Template.CopyTo(entryPart);
        LegacyNumeric.PutText(entryPart.Slice(LinecalcLayout.EntryNo, 11), entry.EntryNumber);
        LegacyNumeric.PutText(entryPart.Slice(LinecalcLayout.EntryType, 2), entry.EntryType);
        LegacyNumeric.PutText(entryPart.Slice(LinecalcLayout.ImporterNo, 12), entry.ImporterNumber);
        LegacyNumeric.PutText(entryPart.Slice(LinecalcLayout.PortCode, 4), entry.PortCode);
        LegacyNumeric.PutDigits(entryPart.Slice(LinecalcLayout.EntryDate, 8), entry.EntryDate);
        LegacyNumeric.PutText(entryPart.Slice(LinecalcLayout.TransportMode, 2), entry.TransportMode);
        entryPart[LinecalcLayout.PaymentType] = (byte)entry.PaymentType;
        LegacyNumeric.PutDigits(entryPart.Slice(LinecalcLayout.StatementDate, 8), entry.StatementDate);
        entryPart[LinecalcLayout.ManualFlag] = (byte)entry.ManualFlag;
        LegacyNumeric.PutText(entryPart.Slice(LinecalcLayout.Currency, 3), entry.CurrencyCode);
        PackedDecimal.Encode(entry.ExchangeRate.Millionths, entryPart.Slice(LinecalcLayout.ExchangeRate, 7), 12, signed: false);
        entryPart[LinecalcLayout.RateSource] = (byte)(char)entry.RateSource;
    }

    /// <summary>
    /// Fills <paramref name="record"/> (250 bytes) for one line in one pass: the entry's part
    /// (<see cref="BuildEntryPart"/>), then the line's fields as filed (<paramref name="lineRecord"/>, the ENTRYIN L
    /// record as read, viewed as <paramref name="line"/>), the calculation <paramref name="calc"/> and
    /// <paramref name="inputRecordNo"/> (WS-RECORDS-READ). A packed amount that is zero is already the INITIALIZEd
    /// zero (sign C, or F when unsigned) of the entry part, so it is not written again.
    /// </summary>
    public static void Build(Span<byte> record, ReadOnlySpan<byte> entryPart, ReadOnlySpan<byte> lineRecord, in EntryLineFields line, LineCalculation calc, long inputRecordNo)
    {
        ArgumentNullException.ThrowIfNull(calc);
        if (record.Length != LinecalcLayout.RecordLength || entryPart.Length != LinecalcLayout.RecordLength || lineRecord.Length != EntryRecordLayout.RecordLength)
            throw new ArgumentException("LINECALC, entry part and ENTRYIN record are 250 bytes each");
        entryPart.CopyTo(record);
        lineRecord.Slice(EntryRecordLayout.LineNo, 3).CopyTo(record.Slice(LinecalcLayout.LineNo, 3));
        record[LinecalcLayout.Status] = (byte)calc.Status;
        if (calc.Reason is not null) LegacyNumeric.PutText(record.Slice(LinecalcLayout.Reason, 4), calc.Reason);
        lineRecord.Slice(EntryRecordLayout.HtsNo, 10).CopyTo(record.Slice(LinecalcLayout.HtsNo, 10));
        lineRecord.Slice(EntryRecordLayout.Origin, 2).CopyTo(record.Slice(LinecalcLayout.Origin, 2));
        lineRecord.Slice(EntryRecordLayout.Spi, 2).CopyTo(record.Slice(LinecalcLayout.Spi, 2));
        lineRecord.Slice(EntryRecordLayout.QuantityUnit, 3).CopyTo(record.Slice(LinecalcLayout.QuantityUnit, 3));
        lineRecord.Slice(EntryRecordLayout.AdcvdCaseNo, 10).CopyTo(record.Slice(LinecalcLayout.AdcvdCaseNo, 10));
        // the packed fields as filed, byte for byte, only when NUMERIC (else the INITIALIZEd zero stays)
        if (line.ForeignValue.HasValue) lineRecord.Slice(EntryRecordLayout.ForeignValue, 7).CopyTo(record.Slice(LinecalcLayout.ForeignValue, 7));
        if (line.NetQuantity.HasValue) lineRecord.Slice(EntryRecordLayout.NetQuantity, 6).CopyTo(record.Slice(LinecalcLayout.NetQuantity, 6));
        if (line.NetKilograms.HasValue) lineRecord.Slice(EntryRecordLayout.NetKg, 6).CopyTo(record.Slice(LinecalcLayout.NetKg, 6));
        if (LegacyNumeric.IsDigits(lineRecord.Slice(EntryRecordLayout.Ch99Count, 1)))   // EL-CH99-COUNT IS NUMERIC
            for (int i = 0; i < 3; i++)
                lineRecord.Slice(EntryRecordLayout.Ch99No + i * 10, 10).CopyTo(record.Slice(LinecalcLayout.Ch99 + i * LinecalcLayout.Ch99Size, 10));
        record[LinecalcLayout.RateType] = (byte)calc.RateType;
        Put(record.Slice(LinecalcLayout.AdValoremRate, 4), calc.AdValoremRate.Millionths, false);
        Put(record.Slice(LinecalcLayout.SpecificRate, 6), calc.SpecificRate.Millionths, false);
        record[LinecalcLayout.SpiFree] = (byte)calc.SpiFree;
        Put(record.Slice(LinecalcLayout.UsdValue, 7), calc.UsdValue.Cents, true);
        Put(record.Slice(LinecalcLayout.Duty, 7), calc.Duty.Cents, true);
        for (int i = 0; i < 3; i++)
        {
            var slot = record.Slice(LinecalcLayout.Ch99 + i * LinecalcLayout.Ch99Size, LinecalcLayout.Ch99Size);
            ref readonly var c = ref calc.Chapter99[i];
            if (c.RevenueClass != "   ") LegacyNumeric.PutText(slot.Slice(LinecalcLayout.Ch99RevClass, 3), c.RevenueClass);   // blank: the template's spaces
            Put(slot.Slice(LinecalcLayout.Ch99Rate, 4), c.Rate.Millionths, false);
            slot[LinecalcLayout.Ch99Applied] = (byte)c.Applied;
            Put(slot.Slice(LinecalcLayout.Ch99Amount, 7), c.Amount.Cents, true);
        }
        record[LinecalcLayout.AdcvdType] = (byte)calc.AdcvdType;
        Put(record.Slice(LinecalcLayout.AdcvdAmount, 7), calc.AdcvdDeposit.Cents, true);
        Put(record.Slice(LinecalcLayout.RawMpf, 8), calc.RawMpf, true);
        Put(record.Slice(LinecalcLayout.CottonFee, 7), calc.CottonFee.Cents, true);
        LegacyNumeric.PutDigits(record.Slice(LinecalcLayout.InputRecordNo, 7), inputRecordNo);
    }

    /// <summary>
    /// A computed amount or rate into its packed field (zero: the template's zero stays). The values come from
    /// stores checked against the receiving PIC (ON SIZE ERROR) or from table fields of the same PIC, so they fit; a
    /// value that does not is a bug and throws. A negative value for an unsigned field cannot occur (rates are ≥ 0).
    /// </summary>
    private static void Put(Span<byte> field, long value, bool signed)
    {
        if (value == 0) return;
        if (!PackedDecimalEncoder.TryEncode(value, field, signed))
            throw new ArgumentOutOfRangeException(nameof(value), value, "value does not fit the LINECALC packed field");
    }
}

/// <summary>REJREC: the reject listing REJECTS, line sequential, 100 bytes (trailing blanks removed on write).</summary>
public static class RejectRecord
{
    public const int RecordLength = 100;

    /// <summary>0-based offsets of RJ-SEVERITY (X), RJ-REASON-CODE (X(04)) and RJ-MESSAGE (X(60)).</summary>
    public const int Severity = 33, ReasonCode = 35, Message = 40;

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

    /// <summary>0-based offsets of CT-STEP-ID X(08), CT-RUN-DATE 9(08), CT-SEQ-NO 9(02), CT-DESCRIPTION X(30), CT-COUNT 9(09) and CT-AMOUNT S9(15)V99.</summary>
    public const int StepId = 0, RunDate = 9, Sequence = 18, Description = 21, Count = 52, Amount = 62;

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

    /// <summary>
    /// ACCEPT CONTROL-CARD: the first line of SYSIN (without its LF), padded with spaces or cut to 80. A byte X'03'
    /// among the line's first 8191 characters throws <see cref="Pipeline.AcceptInterrupt"/> (libcob raises SIGINT).
    /// </summary>
    public static byte[] Accept(string sysinPath)
    {
        var card = new byte[Length];
        card.AsSpan().Fill((byte)' ');
        if (!File.Exists(sysinPath)) return card;
        using var f = File.OpenRead(sysinPath);
        int i = 0, b;
        while ((b = f.ReadByte()) >= 0 && b != '\n')
        {
            if (b == 0x03 && i < Pipeline.AcceptInterrupt.MaxCharacters) throw new Pipeline.AcceptInterrupt();
            if (i < Length) card[i] = (byte)b;
            i++;
        }
        return card;
    }

    /// <summary>
    /// The run date as CLV200-CLV500 check it (1100-READ-CONTROL-CARD): RUNDATE= followed by eight digits (IS NUMERIC)
    /// greater than 19900000 and less than 21000000, whether or not a real date; else null.
    /// </summary>
    public static int? RunDateInRange(ReadOnlySpan<byte> card)
    {
        if (card.Length < 16 || !card[..8].SequenceEqual("RUNDATE="u8) || !LegacyNumeric.IsDigits(card.Slice(8, 8))) return null;
        var date = (int)LegacyNumeric.Digits(card.Slice(8, 8));
        return date is > 19900000 and < 21000000 ? date : null;
    }

    /// <summary>
    /// 1100-READ-CONTROL-CARD of CLV200-CLV500: ACCEPT the card, then display "CLVn001I RUN DATE CCYYMMDD" or
    /// "CLVn002E INVALID CONTROL CARD: " and the 80-byte card (<paramref name="program"/> gives n: "CLV400" → CLV4001I).
    /// Returns the run date, or null (the caller sets RC 8).
    /// </summary>
    public static int? Read(string sysinPath, string program, Action<string> display)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(display);
        var card = Accept(sysinPath);
        var prefix = "CLV" + program[3];
        if (RunDateInRange(card) is { } date)
        {
            display(prefix + "001I RUN DATE " + date.ToString("D8", System.Globalization.CultureInfo.InvariantCulture));
            return date;
        }
        display(prefix + "002E INVALID CONTROL CARD: " + LegacyNumeric.Text(card));
        return null;
    }

    /// <summary>The run date when the card is RUNDATE= followed by a valid CCYYMMDD date (8100 rules), else null.</summary>
    public static int? RunDate(ReadOnlySpan<byte> card)
    {
        if (!card[..8].SequenceEqual("RUNDATE="u8)) return null;
        return Domain.Values.CobolDate.TryParse(card.Slice(8, 8), out var d) ? d.Value : null;
    }
}
