using Collections.Domain.EntryFees;

namespace Collections.Legacy.Clv200;

/// <summary>
/// The fields of a LINECALC record (copybook LINECALC, 250 bytes) that CLV200 reads, decoded straight from the
/// record bytes. Offsets follow the copybook.
/// </summary>
internal static class Clv200LineInput
{
    public const int RecordLength = 250;
    public const int KeyLength = 14;

    private const int EntryNo = 0, LineNo = 11, LineStatus = 14, EntryType = 19, ImporterNo = 21, PortCode = 33,
        EntryDate = 37, TransportMode = 45, PaymentType = 47, StmtDate = 48, ManualFlag = 56, HtsNo = 68, SpiCode = 80,
        UsdValue = 89, DutyAmt = 123, Ch99 = 130, Ch99Length = 25, AdcvdType = 215, AdcvdAmt = 216, RawMpf = 223,
        CottonFee = 231;

    public static ReadOnlySpan<byte> Key(ReadOnlySpan<byte> r) => r[..KeyLength];

    public static ReadOnlySpan<byte> EntryNumberBytes(ReadOnlySpan<byte> r) => r[..11];

    public static string EntryNumber(ReadOnlySpan<byte> r) => Fields.Text(r, EntryNo, 11);

    public static string LineNumberText(ReadOnlySpan<byte> r) => Fields.Text(r, LineNo, 3);

    /// <summary>The entry-level data carried on every line (2200-START-ENTRY takes it from the first).</summary>
    public static EntryHeaderData Header(ReadOnlySpan<byte> r)
    {
        var entryDateText = Fields.Text(r, EntryDate, 8);
        return new EntryHeaderData(
            EntryNumber(r),
            Fields.Text(r, EntryType, 2),
            Fields.Text(r, ImporterNo, 12),
            Fields.Text(r, PortCode, 4),
            entryDateText,
            Fields.Text(r, TransportMode, 2),
            Fields.Text(r, PaymentType, 1),
            Fields.Text(r, StmtDate, 8),
            (char)r[ManualFlag]);
    }

    public static EntryFeeLine Line(ReadOnlySpan<byte> r)
    {
        var status = r[LineStatus];
        return new EntryFeeLine(
            LineNumber: Fields.TryDigits(r, LineNo, 3, out var line) ? line : -1,
            IsAssessable: status is (byte)'A' or (byte)'W',
            HtsNumber: Fields.Text(r, HtsNo, 10),
            SpiCode: Fields.Text(r, SpiCode, 2),
            UsdValueCents: Fields.Packed(r, UsdValue, 13, "LC-USD-VALUE"),
            DutyCents: Fields.Packed(r, DutyAmt, 13, "LC-DUTY-AMT"),
            Chapter99First: Chapter99(r, 0),
            Chapter99Second: Chapter99(r, 1),
            Chapter99Third: Chapter99(r, 2),
            AdCvdIsCountervailing: r[AdcvdType] == (byte)'C',
            AdCvdCents: Fields.Packed(r, AdcvdAmt, 13, "LC-ADCVD-AMT"),
            RawMpfE5: Fields.Packed(r, RawMpf, 14, "LC-RAW-MPF"),
            CottonFeeCents: Fields.Packed(r, CottonFee, 13, "LC-COTTON-FEE"));
    }

    /// <summary>True when the line is assessable ('A' or 'W'); the amounts of other lines are not read by CLV200.</summary>
    public static bool IsAssessable(ReadOnlySpan<byte> r) => r[LineStatus] is (byte)'A' or (byte)'W';

    private static Chapter99Charge Chapter99(ReadOnlySpan<byte> r, int index)
    {
        var at = Ch99 + (index * Ch99Length);
        if (r[at + 17] != (byte)'Y') return default;
        var revenueClass = Chapter99Charge.ClassOf(Fields.Text(r, at + 10, 3));
        return new Chapter99Charge(true, revenueClass, Fields.Packed(r, at + 18, 13, $"LC-CH99-AMT({index + 1})"));
    }
}

/// <summary>Entry header fields as the bytes of the LINECALC record hold them (moved unchanged into the E record).</summary>
internal readonly record struct EntryHeaderData(
    string EntryNumber, string EntryType, string ImporterNumber, string PortCode, string EntryDate,
    string TransportMode, string PaymentType, string StatementDate, char ManualFlag);
