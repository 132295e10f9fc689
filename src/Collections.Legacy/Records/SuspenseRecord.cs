using Collections.Cobol.Codecs;
using Collections.Cobol.Numerics;
using Collections.Domain.OpenItems;

namespace Collections.Legacy.Records;

/// <summary>SUSPREC: unapplied payments (DD SUSPENSE), line sequential, 111 bytes (trailing blanks removed on write). 0-based offsets.</summary>
public static class SuspenseLayout
{
    public const int RecordLength = 111;

    public const int RunDate = 0, PaymentId = 9, Method = 22, RefType = 24, Reference = 26, Amount = 43, DateReceived = 57,
        ReasonCode = 66, Message = 71;

    /// <summary>SU-AMOUNT PIC S9(11)V99: 13 bytes of signed zoned decimal, sign over-punched in the last byte.</summary>
    public const int AmountLength = 13;
}

/// <summary>
/// Converts between SUSPENSE records and <see cref="SuspenseItem"/> (8700-WRITE-SUSPENSE: MOVE SPACES, then the
/// fields). The amount is written as MOVE of the packed amount to SU-AMOUNT writes it: signed zoned decimal with the
/// sign over-punched in the last byte ('{' 'A'-'I' positive, '}' 'J'-'R' negative), a negative zero keeping its '}'.
/// </summary>
public static class SuspenseRecord
{
    /// <summary>Fills a 111-byte record.</summary>
    public static void Encode(SuspenseItem item, Span<byte> record)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (record.Length != SuspenseLayout.RecordLength) throw new ArgumentException("a SUSPENSE record is 111 bytes", nameof(record));
        record.Fill((byte)' ');
        item.RunDate.CopyTo(record.Slice(SuspenseLayout.RunDate, 8));
        OpenItemRecord.PutText(record.Slice(SuspenseLayout.PaymentId, 12), item.PaymentId);
        record[SuspenseLayout.Method] = OpenItemRecord.Byte(item.Method);
        record[SuspenseLayout.RefType] = OpenItemRecord.Byte(item.RefType);
        OpenItemRecord.PutText(record.Slice(SuspenseLayout.Reference, 16), item.Reference);
        EncodeAmount(item.Amount, record.Slice(SuspenseLayout.Amount, SuspenseLayout.AmountLength));
        OpenItemRecord.PutText(record.Slice(SuspenseLayout.DateReceived, 8), item.DateReceived);
        OpenItemRecord.PutText(record.Slice(SuspenseLayout.ReasonCode, 4), item.ReasonCode);
        LegacyNumeric.PutText(record.Slice(SuspenseLayout.Message, 40), item.Message);
    }

    /// <summary>
    /// MOVE of a COMP-3 S9(11)V99 amount to the S9(11)V99 DISPLAY SU-AMOUNT: the digits, and the sign of the sign
    /// nibble (D negative, even for zero digits). The amounts CLV400 moves there are valid packed numbers.
    /// </summary>
    public static void EncodeAmount(PackedNumber amount, Span<byte> field)
    {
        var unscaled = amount.Unscaled;
        var negative = unscaled < 0 || (unscaled == 0 && amount.SignNibble == 0x0D);
        ZonedDecimal.Encode(Math.Abs(unscaled) % 10_000_000_000_000, field, 13, SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters);
        if (negative) field[^1] = (byte)"}JKLMNOPQR"[field[^1] == (byte)'{' ? 0 : field[^1] - 'A' + 1];
    }

    /// <summary>
    /// The item held by a record (a line padded to 111 bytes). The amount is read as signed zoned decimal; when it is
    /// not (<see cref="IsAmountNumeric"/> false), <see cref="SuspenseItem.Amount"/> is zero and the bytes are in
    /// <see cref="AmountBytes"/>.
    /// </summary>
    public static SuspenseItem Decode(ReadOnlySpan<byte> record)
    {
        if (record.Length != SuspenseLayout.RecordLength) throw new ArgumentException("a SUSPENSE record is 111 bytes", nameof(record));
        var amount = PackedNumber.Zero(OpenItemPictures.Amount);
        var field = AmountBytes(record);
        if (ZonedDecimal.TryDecode(field, 13, SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters, out var cents))
        {
            amount = PackedNumber.FromUnscaled(cents, OpenItemPictures.Amount, negativeZero: field[^1] == (byte)'}');
        }
        return new SuspenseItem(
            DisplayNumber.FromBytes(record.Slice(SuspenseLayout.RunDate, 8)),
            LegacyNumeric.Text(record.Slice(SuspenseLayout.PaymentId, 12)),
            (char)record[SuspenseLayout.Method],
            (char)record[SuspenseLayout.RefType],
            LegacyNumeric.Text(record.Slice(SuspenseLayout.Reference, 16)),
            amount,
            LegacyNumeric.Text(record.Slice(SuspenseLayout.DateReceived, 8)),
            LegacyNumeric.Text(record.Slice(SuspenseLayout.ReasonCode, 4)),
            LegacyNumeric.Text(record.Slice(SuspenseLayout.Message, 40)));
    }

    /// <summary>SU-AMOUNT's 13 bytes.</summary>
    public static ReadOnlySpan<byte> AmountBytes(ReadOnlySpan<byte> record) => record.Slice(SuspenseLayout.Amount, SuspenseLayout.AmountLength);

    /// <summary>True when SU-AMOUNT is valid signed zoned decimal.</summary>
    public static bool IsAmountNumeric(ReadOnlySpan<byte> record) =>
        ZonedDecimal.TryDecode(AmountBytes(record), 13, SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters, out _);
}
