using Collections.Cobol.Codecs;
using Collections.Cobol.Records;
using Collections.Domain.EntryFees;
using Collections.Domain.Values;

using Collections.Legacy.Records;

namespace Collections.Legacy.Clv200;

/// <summary>
/// A decoded ENTCALC record: exactly one of <see cref="EntryTotal"/> and <see cref="MpfAllocation"/> is set, except for
/// an M record read by a reader created not to decode them (<see cref="EntcalcReader.Create"/>): checked, but neither is set.
/// </summary>
public readonly record struct EntcalcRecord(long RecordNumber, EntcalcEntryTotal? EntryTotal, EntcalcMpfAllocation? MpfAllocation);

/// <summary>
/// Reads ENTCALC (COB_VARSEQ_FORMAT=0 framing: 2-byte big-endian length + 2 NULs per record). Strict: a bad
/// header, a length that does not fit the record type, or invalid packed/display data is an
/// <see cref="EntcalcFormatException"/> naming the record number, field, offset and raw bytes.
/// </summary>
public sealed class EntcalcReader : IDisposable
{
    private readonly RecordReader _reader;
    private readonly string _name;
    private readonly bool _decodeMpfAllocations;

    private EntcalcReader(RecordReader reader, string name, bool decodeMpfAllocations)
    {
        _reader = reader;
        _name = name;
        _decodeMpfAllocations = decodeMpfAllocations;
    }

    /// <summary>A reader of <paramref name="stream"/>; with <paramref name="decodeMpfAllocations"/> false, M records are checked but not built.</summary>
    public static EntcalcReader Create(Stream stream, string name = "ENTCALC", bool leaveOpen = false, bool decodeMpfAllocations = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new EntcalcReader(RecordReader.Create(stream, new RecordReaderOptions
        {
            Format = RecordFormat.GnuCobolVariable, FileName = name, LeaveOpen = leaveOpen,
        }), name, decodeMpfAllocations);
    }

    public long RecordsRead { get; private set; }

    public IEnumerable<EntcalcRecord> ReadAll()
    {
        while (TryRead(out var r)) yield return r;
    }

    public bool TryRead(out EntcalcRecord record)
    {
        record = default;
        var number = RecordsRead + 1;
        RecordReadStatus status;
        ReadOnlyMemory<byte> data;
        try
        {
            status = _reader.Read(out data);
        }
        catch (RecordFormatException e)
        {
            throw new EntcalcFormatException(_name, number, "record header", e.Offset, e.PartialRecord, e.Message);
        }
        if (status == RecordReadStatus.EndOfFile) return false;
        if (status == RecordReadStatus.Truncated)
            throw new EntcalcFormatException(_name, number, "record", _reader.RecordOffset, data.Span, $"truncated record ({data.Length} bytes at end of file)");
        var body = data.Span;
        RecordsRead = number;
        record = Decode(body, number, _name, _decodeMpfAllocations);
        return true;
    }

    /// <summary>
    /// Decodes one ENTCALC record body (without its length prefix) as <see cref="TryRead"/> does: invalid data is an
    /// <see cref="EntcalcFormatException"/> naming <paramref name="name"/>, <paramref name="recordNumber"/>, field and bytes.
    /// </summary>
    public static EntcalcRecord Decode(ReadOnlySpan<byte> record, long recordNumber, string name = "ENTCALC") => Decode(record, recordNumber, name, decodeMpf: true);

    private static EntcalcRecord Decode(ReadOnlySpan<byte> record, long recordNumber, string name, bool decodeMpf)
    {
        try
        {
            return DecodeCore(record, recordNumber, name, decodeMpf);
        }
        catch (CobolDataException e)
        {
            throw new EntcalcFormatException(name, recordNumber, e.FieldName ?? "?", e.Offset, Convert.FromHexString(e.RawHex), e.Reason);
        }
    }

    private static EntcalcRecord DecodeCore(ReadOnlySpan<byte> r, long number, string name, bool decodeMpf)
    {
        if (r.Length == 0) throw new EntcalcFormatException(name, number, "record", 0, r, "empty record");
        switch (r[0])
        {
            case EntcalcLayout.MpfAllocationType:
                if (r.Length != EntcalcLayout.MpfAllocationLength)
                    throw new EntcalcFormatException(name, number, "ECM-REC-TYPE", 0, r[..1], $"M record of {r.Length} bytes, expected 36");
                var lineNo = LegacyNumeric.Digits(r, EntcalcLayout.MLineNo, 3, "ECM-LINE-NO");
                var usdValue = LegacyNumeric.Packed(r, EntcalcLayout.MUsdValue, 13, "ECM-USD-VALUE");
                var rawMpf = LegacyNumeric.Packed(r, EntcalcLayout.MRawMpf, 14, "ECM-RAW-MPF");
                var allocatedMpf = LegacyNumeric.Packed(r, EntcalcLayout.MAllocMpf, 11, "ECM-ALLOC-MPF");
                return new EntcalcRecord(number, null, decodeMpf
                    ? new EntcalcMpfAllocation(LegacyNumeric.Text(r.Slice(EntcalcLayout.MEntryNo, 11)), lineNo, usdValue, rawMpf, allocatedMpf)
                    : null);
            case EntcalcLayout.EntryTotalType:
                if (r.Length < EntcalcLayout.EntryTotalFixedLength)
                    throw new EntcalcFormatException(name, number, "ECT-REC-TYPE", 0, r[..1], $"E record of {r.Length} bytes, shorter than 151");
                var count = LegacyNumeric.Digits(r, EntcalcLayout.FeeCount, 2, "ECT-FEE-COUNT");
                if (count is < 1 or > EntcalcLayout.MaxFees || r.Length != EntcalcLayout.EntryTotalFixedLength + (count * EntcalcLayout.FeeLength))
                    throw new EntcalcFormatException(name, number, "ECT-FEE-COUNT", EntcalcLayout.FeeCount, r.Slice(EntcalcLayout.FeeCount, 2),
                        $"fee count {count} does not match the record length {r.Length}");
                var fees = new EntryFee[count];
                for (var i = 0; i < count; i++)
                {
                    var at = EntcalcLayout.Fees + (i * EntcalcLayout.FeeLength);
                    fees[i] = new EntryFee(FeeClass(r.Slice(at, 3)), LegacyNumeric.Packed(r, at + 3, 11, FeeAmountNames[i]));
                }
                return new EntcalcRecord(number, new EntcalcEntryTotal
                {
                    EntryNumber = LegacyNumeric.Text(r.Slice(EntcalcLayout.EntryNo, 11)),
                    EntryType = LegacyNumeric.Text(r.Slice(EntcalcLayout.EntryType, 2)),
                    ImporterNumber = LegacyNumeric.Text(r.Slice(EntcalcLayout.ImporterNo, 12)),
                    PortCode = LegacyNumeric.Digits(r, EntcalcLayout.PortCode, 4, "ECT-PORT-CODE"),
                    EntryDate = LegacyNumeric.Digits(r, EntcalcLayout.EntryDate, 8, "ECT-ENTRY-DATE"),
                    TransportMode = LegacyNumeric.Digits(r, EntcalcLayout.TransportMode, 2, "ECT-TRANSPORT-MODE"),
                    PaymentType = LegacyNumeric.Digits(r, EntcalcLayout.PaymentType, 1, "ECT-PAYMENT-TYPE"),
                    StatementDate = LegacyNumeric.Digits(r, EntcalcLayout.StmtDate, 8, "ECT-STMT-DATE"),
                    ManualFlag = (char)r[EntcalcLayout.ManualFlag],
                    LinesAccepted = LegacyNumeric.Digits(r, EntcalcLayout.LinesAccepted, 3, "ECT-LINES-ACCEPTED"),
                    LinesRejected = LegacyNumeric.Digits(r, EntcalcLayout.LinesRejected, 3, "ECT-LINES-REJECTED"),
                    EnteredValueCents = LegacyNumeric.Packed(r, EntcalcLayout.EnteredValue, 13, "ECT-ENTERED-VALUE"),
                    MpfLiableValueCents = LegacyNumeric.Packed(r, EntcalcLayout.LiableValue, 13, "ECT-MPF-LIABLE-VALUE"),
                    DutyCents = LegacyNumeric.Packed(r, EntcalcLayout.Duty, 13, "ECT-DUTY-AMT"),
                    Section301Cents = LegacyNumeric.Packed(r, EntcalcLayout.S301, 13, "ECT-S301-AMT"),
                    Section232Cents = LegacyNumeric.Packed(r, EntcalcLayout.S232, 13, "ECT-S232-AMT"),
                    IeepaCents = LegacyNumeric.Packed(r, EntcalcLayout.Ieepa, 13, "ECT-IEEPA-AMT"),
                    Section122Cents = LegacyNumeric.Packed(r, EntcalcLayout.S122, 13, "ECT-S122-AMT"),
                    OtherChapter99Cents = LegacyNumeric.Packed(r, EntcalcLayout.Oth99, 13, "ECT-OTH99-AMT"),
                    AntidumpingCents = LegacyNumeric.Packed(r, EntcalcLayout.Add, 13, "ECT-ADD-AMT"),
                    CountervailingCents = LegacyNumeric.Packed(r, EntcalcLayout.Cvd, 13, "ECT-CVD-AMT"),
                    FeeTotalCents = LegacyNumeric.Packed(r, EntcalcLayout.FeeTotal, 13, "ECT-FEE-TOTAL"),
                    TotalAssessedCents = LegacyNumeric.Packed(r, EntcalcLayout.TotalAssessed, 13, "ECT-TOTAL-ASSESSED"),
                    MpfRawTotalE5 = LegacyNumeric.Packed(r, EntcalcLayout.MpfRaw, 14, "ECT-MPF-RAW-TOTAL"),
                    MpfLimitIndicator = (char)r[EntcalcLayout.LimitInd],
                    Fees = fees,
                }, null);
            default:
                throw new EntcalcFormatException(name, number, "ECT-REC-TYPE", 0, r[..1], "record type is neither E nor M");
        }
    }

    /// <summary>ECT-FEE-CLASS X(03): one of the known classes without a new string, any other bytes as read.</summary>
    private static string FeeClass(ReadOnlySpan<byte> field)
    {
        foreach (var known in KnownFeeClasses)
            if (FixedText.Equal(known, field)) return known;
        return LegacyNumeric.Text(field);
    }

    private static readonly string[] FeeAmountNames = [.. Enumerable.Range(1, EntcalcLayout.MaxFees).Select(i => $"ECT-FEE-AMT({i})")];

    private static readonly string[] KnownFeeClasses = [FeeClasses.Mpf, FeeClasses.Hmf, FeeClasses.InformalFee, FeeClasses.ManualSurcharge, FeeClasses.Cotton];

    public void Dispose() => _reader.Dispose();
}

/// <summary>Invalid ENTCALC data: names the file, record number, field, offset and raw bytes (hex).</summary>
public sealed class EntcalcFormatException : FormatException
{
    public EntcalcFormatException(string file, long recordNumber, string field, long offset, ReadOnlySpan<byte> raw, string reason)
        : base($"{file} record {recordNumber}: {field} at offset {offset}: {reason} (raw {Convert.ToHexString(raw)})")
    {
        File = file;
        RecordNumber = recordNumber;
        Field = field;
        Offset = offset;
        RawHex = Convert.ToHexString(raw);
        Reason = reason;
    }

    public string File { get; }
    public long RecordNumber { get; }
    public string Field { get; }
    public long Offset { get; }
    public string RawHex { get; }
    public string Reason { get; }
}
