using System.Runtime.CompilerServices;
using Collections.Domain.EntryFees;
using Collections.Legacy.Records;

namespace Collections.Legacy.Clv200;

/// <summary>
/// The fields of a LINECALC record (copybook LINECALC, 250 bytes) that CLV200 reads, decoded straight from the
/// record bytes. Offsets follow the copybook.
/// </summary>
internal static class Clv200LineInput
{
    public const int RecordLength = LinecalcLayout.RecordLength;
    public const int KeyLength = 14;

    private const int EntryNo = LinecalcLayout.EntryNo, LineNo = LinecalcLayout.LineNo, LineStatus = LinecalcLayout.Status,
        EntryType = LinecalcLayout.EntryType, ImporterNo = LinecalcLayout.ImporterNo, PortCode = LinecalcLayout.PortCode,
        EntryDate = LinecalcLayout.EntryDate, TransportMode = LinecalcLayout.TransportMode, PaymentType = LinecalcLayout.PaymentType,
        StmtDate = LinecalcLayout.StatementDate, ManualFlag = LinecalcLayout.ManualFlag, HtsNo = LinecalcLayout.HtsNo,
        SpiCode = LinecalcLayout.Spi, UsdValue = LinecalcLayout.UsdValue, DutyAmt = LinecalcLayout.Duty, Ch99 = LinecalcLayout.Ch99,
        Ch99Length = LinecalcLayout.Ch99Size, AdcvdType = LinecalcLayout.AdcvdType, AdcvdAmt = LinecalcLayout.AdcvdAmount,
        RawMpf = LinecalcLayout.RawMpf, CottonFee = LinecalcLayout.CottonFee;

    public static ReadOnlySpan<byte> Key(ReadOnlySpan<byte> r) => r[..KeyLength];

    public static ReadOnlySpan<byte> EntryNumberBytes(ReadOnlySpan<byte> r) => r[..11];

    public static string EntryNumber(ReadOnlySpan<byte> r) => LegacyNumeric.Text(r.Slice(EntryNo, 11));

    public static string LineNumberText(ReadOnlySpan<byte> r) => LegacyNumeric.Text(r.Slice(LineNo, 3));

    /// <summary>Bytes of the record up to and including LC-MANUAL-FLAG: the entry data 2200-START-ENTRY keeps.</summary>
    public const int HeaderLength = ManualFlag + 1;

    /// <summary>The entry-level data carried on every line (2200-START-ENTRY takes it from the first), as the calculator needs it.</summary>
    public static EntryFeeHeader Header(ReadOnlySpan<byte> r) => new(
        FixedCode.FromLatin1(r.Slice(EntryNo, 11)),
        FixedCode.FromLatin1(r.Slice(EntryType, 2)),
        FixedCode.FromLatin1(r.Slice(PortCode, 4)),
        LegacyNumeric.TryDigits(r.Slice(EntryDate, 8), out var date) ? date : -1,
        LegacyNumeric.TryDigits(r.Slice(TransportMode, 2), out var mode) ? mode : -1,
        r[ManualFlag] == (byte)'Y');

    /// <summary>The amounts and codes of an assessable line; an invalid packed field throws <see cref="Collections.Cobol.Codecs.CobolDataException"/> naming it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop of a batch run: no tier-0 phase
    public static EntryFeeLine Line(ReadOnlySpan<byte> r)
    {
        var status = r[LineStatus];
        return new EntryFeeLine(
            LineNumber: LegacyNumeric.TryDigits(r.Slice(LineNo, 3), out var line) ? line : -1,
            IsAssessable: status is (byte)'A' or (byte)'W',
            HtsNumber: FixedCode.FromLatin1(r.Slice(HtsNo, 10)),
            SpiCode: FixedCode.FromLatin1(r.Slice(SpiCode, 2)),
            UsdValueCents: LegacyNumeric.Packed(r, UsdValue, 13, "LC-USD-VALUE"),
            DutyCents: LegacyNumeric.Packed(r, DutyAmt, 13, "LC-DUTY-AMT"),
            Chapter99First: Chapter99(r, 0),
            Chapter99Second: Chapter99(r, 1),
            Chapter99Third: Chapter99(r, 2),
            AdCvdIsCountervailing: r[AdcvdType] == (byte)'C',
            AdCvdCents: LegacyNumeric.Packed(r, AdcvdAmt, 13, "LC-ADCVD-AMT"),
            RawMpfE5: LegacyNumeric.Packed(r, RawMpf, 14, "LC-RAW-MPF"),
            CottonFeeCents: LegacyNumeric.Packed(r, CottonFee, 13, "LC-COTTON-FEE"));
    }

    /// <summary>True when the line is assessable ('A' or 'W'); the amounts of other lines are not read by CLV200.</summary>
    public static bool IsAssessable(ReadOnlySpan<byte> r) => r[LineStatus] is (byte)'A' or (byte)'W';

    private static readonly string[] Chapter99AmountNames = ["LC-CH99-AMT(1)", "LC-CH99-AMT(2)", "LC-CH99-AMT(3)"];

    private static Chapter99Charge Chapter99(ReadOnlySpan<byte> r, int index)
    {
        var at = Ch99 + (index * Ch99Length);
        if (r[at + LinecalcLayout.Ch99Applied] != (byte)'Y') return default;
        var revenueClass = Chapter99Charge.ClassOf(r.Slice(at + LinecalcLayout.Ch99RevClass, 3));
        return new Chapter99Charge(true, revenueClass, LegacyNumeric.Packed(r, at + LinecalcLayout.Ch99Amount, 13, Chapter99AmountNames[index]));
    }
}

