using System.Diagnostics;
using System.Runtime.CompilerServices;
using Collections.Cobol.Codecs;
using Collections.Cobol.Records;
using Collections.Cobol.Text;
using Collections.Domain.EntryFees;
using Collections.Legacy.Records;

namespace Collections.Legacy.Clv200;

/// <summary>
/// Writes ENTCALC as GnuCOBOL does for a RECORD VARYING sequential file under COB_VARSEQ_FORMAT=0 (framing by
/// <see cref="RecordWriter"/>, <see cref="RecordFormat.GnuCobolVariable"/>): each record is preceded by its length
/// as a big-endian 16-bit integer and two NUL bytes.
/// </summary>
public sealed class EntcalcWriter : IDisposable
{
    private readonly RecordWriter _writer;
    private readonly byte[] _buffer = new byte[EntcalcLayout.MaxRecordLength];

    private EntcalcWriter(RecordWriter writer) => _writer = writer;

    public static EntcalcWriter Create(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new EntcalcWriter(RecordWriter.Create(stream, new RecordWriterOptions { Format = RecordFormat.GnuCobolVariable, LeaveOpen = leaveOpen }));
    }

    public long RecordsWritten => _writer.RecordCount;

    public void Write(EntcalcEntryTotal record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var length = Encode(record, _buffer);
        _writer.Write(_buffer.AsSpan(0, length));
    }

    public void Write(in EntcalcMpfAllocation record)
    {
        var length = Encode(record, _buffer);
        _writer.Write(_buffer.AsSpan(0, length));
    }

    /// <summary>
    /// 2460-BUILD-ENTCALC-TOTAL from the entry's first LINECALC bytes (<paramref name="linecalcHeader"/>: entry number
    /// and the entry data LC-ENTRY-TYPE .. LC-MANUAL-FLAG, moved unchanged: the caller has checked that the numeric
    /// ones hold digits) and the computed totals. No allocation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop of a batch run: no tier-0 phase
    public void WriteEntryTotal(ReadOnlySpan<byte> linecalcHeader, EntryFeeResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var fees = r.FeesSpan;
        if (fees.Length is < 1 or > EntcalcLayout.MaxFees)
            throw new ArgumentException($"an E record holds 1 to {EntcalcLayout.MaxFees} fees, not {fees.Length}", nameof(r));
        var length = EntcalcLayout.EntryTotalFixedLength + (EntcalcLayout.FeeLength * fees.Length);
        var d = _buffer.AsSpan(0, length);
        d[..EntcalcLayout.EntryTotalFixedLength].Fill((byte)' ');
        d[0] = EntcalcLayout.EntryTotalType;
        linecalcHeader[..11].CopyTo(d[EntcalcLayout.EntryNo..]);
        // LC-ENTRY-TYPE .. LC-MANUAL-FLAG and ECT-ENTRY-TYPE .. ECT-MANUAL-FLAG: the same fields in the same order
        linecalcHeader[Records.LinecalcLayout.EntryType..(Records.LinecalcLayout.ManualFlag + 1)].CopyTo(d[EntcalcLayout.EntryType..]);
        PutDigits(d, EntcalcLayout.LinesAccepted, 3, r.LinesAccepted);
        PutDigits(d, EntcalcLayout.LinesRejected, 3, r.LinesRejected);
        PutTotals(d, [r.EnteredValueCents, r.MpfLiableValueCents, r.DutyCents, r.Section301Cents, r.Section232Cents, r.IeepaCents,
            r.Section122Cents, r.OtherChapter99Cents, r.AntidumpingCents, r.CountervailingCents, r.FeeTotalCents, r.TotalAssessedCents]);
        PutPacked(d, EntcalcLayout.MpfRaw, 14, r.MpfRawE5);
        d[EntcalcLayout.LimitInd] = (byte)r.MpfLimitIndicator;
        PutDigits(d, EntcalcLayout.FeeCount, 2, fees.Length);
        for (var i = 0; i < fees.Length; i++)
        {
            var at = EntcalcLayout.Fees + (i * EntcalcLayout.FeeLength);
            PutFeeClass(d.Slice(at, 3), fees[i].FeeClass);
            PutPacked(d, at + 3, 11, fees[i].AmountCents);
        }
        _writer.Write(d);
    }

    /// <summary>
    /// ECT-ENTERED-VALUE .. ECT-TOTAL-ASSESSED: twelve S9(11)V99 COMP-3 fields (7 bytes each), one after the other,
    /// in the order of <paramref name="cents"/> (entered, liable, duty, 301, 232, IEEPA, 122, other 99, AD, CVD, fee
    /// total, total assessed).
    /// </summary>
    private static void PutTotals(Span<byte> d, ReadOnlySpan<long> cents)
    {
        const int amountLength = 7;
        Debug.Assert(cents.Length == 12 && EntcalcLayout.TotalAssessed == EntcalcLayout.EnteredValue + (11 * amountLength));
        for (var i = 0; i < cents.Length; i++) PutPacked(d, EntcalcLayout.EnteredValue + (i * amountLength), 13, cents[i]);
    }

    private static void PutFeeClass(Span<byte> destination, string feeClass) => LegacyNumeric.PutText(destination, feeClass);

    /// <summary>2470: an M record for <paramref name="entryNumber"/> (11 bytes) without allocating.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop of a batch run: no tier-0 phase
    public void WriteMpfAllocation(ReadOnlySpan<byte> entryNumber, in MpfAllocation a)
    {
        var d = _buffer.AsSpan(0, EntcalcLayout.MpfAllocationLength);
        d.Fill((byte)' ');
        d[0] = EntcalcLayout.MpfAllocationType;
        entryNumber[..11].CopyTo(d[EntcalcLayout.MEntryNo..]);
        PutDigits(d, EntcalcLayout.MLineNo, 3, a.LineNumber);
        PutPacked(d, EntcalcLayout.MUsdValue, 13, a.UsdValueCents);
        PutPacked(d, EntcalcLayout.MRawMpf, 14, a.RawMpfE5);
        PutPacked(d, EntcalcLayout.MAllocMpf, 11, a.AllocatedCents);
        _writer.Write(d);
    }

    /// <summary>Encodes an E record into <paramref name="destination"/>; returns its length (151 + 9 per fee).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop of a batch run: no tier-0 phase
    public static int Encode(EntcalcEntryTotal r, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Fees.Count is < 1 or > EntcalcLayout.MaxFees)
            throw new ArgumentException($"an E record holds 1 to {EntcalcLayout.MaxFees} fees, not {r.Fees.Count}", nameof(r));
        var length = r.RecordLength;
        var d = destination[..length];
        d[..EntcalcLayout.EntryTotalFixedLength].Fill((byte)' ');
        d[0] = EntcalcLayout.EntryTotalType;
        PutText(d, EntcalcLayout.EntryNo, 11, r.EntryNumber);
        PutText(d, EntcalcLayout.EntryType, 2, r.EntryType);
        PutText(d, EntcalcLayout.ImporterNo, 12, r.ImporterNumber);
        PutDigits(d, EntcalcLayout.PortCode, 4, r.PortCode);
        PutDigits(d, EntcalcLayout.EntryDate, 8, r.EntryDate);
        PutDigits(d, EntcalcLayout.TransportMode, 2, r.TransportMode);
        PutDigits(d, EntcalcLayout.PaymentType, 1, r.PaymentType);
        PutDigits(d, EntcalcLayout.StmtDate, 8, r.StatementDate);
        PutText(d, EntcalcLayout.ManualFlag, 1, r.ManualFlag.ToString());
        PutDigits(d, EntcalcLayout.LinesAccepted, 3, r.LinesAccepted);
        PutDigits(d, EntcalcLayout.LinesRejected, 3, r.LinesRejected);
        PutTotals(d, [r.EnteredValueCents, r.MpfLiableValueCents, r.DutyCents, r.Section301Cents, r.Section232Cents, r.IeepaCents,
            r.Section122Cents, r.OtherChapter99Cents, r.AntidumpingCents, r.CountervailingCents, r.FeeTotalCents, r.TotalAssessedCents]);
        PutPacked(d, EntcalcLayout.MpfRaw, 14, r.MpfRawTotalE5);
        PutText(d, EntcalcLayout.LimitInd, 1, r.MpfLimitIndicator.ToString());
        PutDigits(d, EntcalcLayout.FeeCount, 2, r.Fees.Count);
        for (var i = 0; i < r.Fees.Count; i++)
        {
            var at = EntcalcLayout.Fees + (i * EntcalcLayout.FeeLength);
            PutText(d, at, 3, r.Fees[i].FeeClass);
            PutPacked(d, at + 3, 11, r.Fees[i].AmountCents);
        }
        return length;
    }

    /// <summary>Encodes an M record (36 bytes) into <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop of a batch run: no tier-0 phase
    public static int Encode(in EntcalcMpfAllocation r, Span<byte> destination)
    {
        var d = destination[..EntcalcLayout.MpfAllocationLength];
        d.Fill((byte)' ');
        d[0] = EntcalcLayout.MpfAllocationType;
        PutText(d, EntcalcLayout.MEntryNo, 11, r.EntryNumber);
        PutDigits(d, EntcalcLayout.MLineNo, 3, r.LineNumber);
        PutPacked(d, EntcalcLayout.MUsdValue, 13, r.UsdValueCents);
        PutPacked(d, EntcalcLayout.MRawMpf, 14, r.RawMpfE5);
        PutPacked(d, EntcalcLayout.MAllocMpf, 11, r.AllocatedMpfCents);
        return EntcalcLayout.MpfAllocationLength;
    }

    /// <summary>An unsigned DISPLAY field; a value with more digits than the field is a bug and throws (<see cref="ZonedDecimal.Encode(long, Span{byte}, int, SignPlacement, OverpunchStyle)"/>).</summary>
    private static void PutDigits(Span<byte> record, int offset, int length, long value) =>
        ZonedDecimal.Encode(value, record.Slice(offset, length), length, SignPlacement.Unsigned, OverpunchStyle.AsciiEbcdicLetters);

    /// <summary>A signed COMP-3 field of <paramref name="digits"/> digits (<see cref="PackedDecimal.Encode(long, Span{byte}, int, bool)"/>).</summary>
    private static void PutPacked(Span<byte> record, int offset, int digits, long value) =>
        PackedDecimal.Encode(value, record.Slice(offset, PackedDecimal.ByteLength(digits)), digits, signed: true);

    /// <summary>A PIC X field, padded with spaces; text longer than the field throws (<see cref="CodePage.Encode"/>).</summary>
    private static void PutText(Span<byte> record, int offset, int length, string value) => CodePage.Latin1.Encode(value, record.Slice(offset, length));

    public void Flush() => _writer.Flush();

    public void Dispose() => _writer.Dispose();
}
