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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop of a batch run: no tier-0 phase
    public static EntryFeeLine Line(ReadOnlySpan<byte> r, TextCache cache)
    {
        var status = r[LineStatus];
        return new EntryFeeLine(
            LineNumber: Fields.TryDigits(r, LineNo, 3, out var line) ? line : -1,
            IsAssessable: status is (byte)'A' or (byte)'W',
            HtsNumber: cache.Get(r.Slice(HtsNo, 10)),
            SpiCode: cache.Get(r.Slice(SpiCode, 2)),
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
        if (r[at + LinecalcLayout.Ch99Applied] != (byte)'Y') return default;
        var revenueClass = Chapter99Charge.ClassOf(Fields.Text(r, at + LinecalcLayout.Ch99RevClass, 3));
        return new Chapter99Charge(true, revenueClass, Fields.Packed(r, at + LinecalcLayout.Ch99Amount, 13, $"LC-CH99-AMT({index + 1})"));
    }
}

/// <summary>Entry header fields as the bytes of the LINECALC record hold them (moved unchanged into the E record).</summary>
internal readonly record struct EntryHeaderData(
    string EntryNumber, string EntryType, string ImporterNumber, string PortCode, string EntryDate,
    string TransportMode, string PaymentType, string StatementDate, char ManualFlag);

/// <summary>
/// Strings for short codes (HTS numbers, SPI codes) that repeat from line to line, made once per distinct value;
/// bounded (past <see cref="MaxEntries"/> distinct values, new ones are not kept).
/// </summary>
internal sealed class TextCache
{
    public const int MaxEntries = 100_000;
    private readonly Dictionary<UInt128, string> _strings = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop of a batch run: no tier-0 phase
    public string Get(ReadOnlySpan<byte> text)
    {
        if (text.Length > 15) return Fields.Text(text, 0, text.Length);
        UInt128 key = (UInt128)text.Length;
        foreach (var b in text) key = (key << 8) | b;
        if (_strings.TryGetValue(key, out var s)) return s;
        s = Fields.Text(text, 0, text.Length);
        if (_strings.Count < MaxEntries) _strings[key] = s;
        return s;
    }
}
