using Collections.Cobol.Numerics;
using Collections.Domain.OpenItems;
using Collections.Domain.Values;

namespace Collections.Legacy.Records;

/// <summary>
/// OPENITEM (copybook OPENITEM): the open item master, old (DD OLDMAST) and new (DD NEWMAST), RECFM=F LRECL=150,
/// key REF TYPE + REFERENCE + ITEM TYPE ascending. 0-based offsets.
/// </summary>
public static class OpenItemLayout
{
    public const int RecordLength = 150;

    /// <summary>REF TYPE + REFERENCE (the match key) and ITEM TYPE: OI-KEY is the first 18 bytes.</summary>
    public const int RefKeyLength = 17, KeyLength = 18;

    public const int RefType = 0, Reference = 1, ItemType = 17, Status = 18, StatementType = 19, FilerCode = 20, ImporterNo = 23,
        Period = 35, OpenDate = 41, StatementDate = 49, DueDate = 57, BillDate = 65, LastPayDate = 73, LastActivityDate = 81,
        EntryCount = 89, AmountAssessed = 94, AmountInterest = 101, AmountPaid = 108, AmountRefund = 115, Balance = 122,
        Filler = 129, FillerLength = 21;

    /// <summary>Bytes of a S9(11)V99 COMP-3 amount.</summary>
    public const int AmountLength = 7;
}

/// <summary>
/// Converts between OPENITEM records and <see cref="OpenItem"/>. The conversion is lossless: every field keeps its
/// bytes (text one char per byte, PIC 9 and COMP-3 fields as stored, valid or not), so
/// <c>Encode(Decode(r), r)</c> leaves any record unchanged; only the FILLER is not part of the item (Encode leaves
/// the FILLER bytes of the target as they are).
/// </summary>
public static class OpenItemRecord
{
    /// <summary>The item held by a 150-byte record.</summary>
    public static OpenItem Decode(ReadOnlySpan<byte> record)
    {
        CheckLength(record.Length);
        return new OpenItem
        {
            RefType = (char)record[OpenItemLayout.RefType],
            Reference = LegacyNumeric.Text(record.Slice(OpenItemLayout.Reference, 16)),
            ItemType = (char)record[OpenItemLayout.ItemType],
            Status = (char)record[OpenItemLayout.Status],
            StatementType = DisplayNumber.FromBytes(record.Slice(OpenItemLayout.StatementType, 1)),
            FilerCode = Text(record.Slice(OpenItemLayout.FilerCode, 3)),
            ImporterNumber = Text(record.Slice(OpenItemLayout.ImporterNo, 12)),
            Period = DisplayNumber.FromBytes(record.Slice(OpenItemLayout.Period, 6)),
            OpenDate = Date(record, OpenItemLayout.OpenDate),
            StatementDate = Date(record, OpenItemLayout.StatementDate),
            DueDate = Date(record, OpenItemLayout.DueDate),
            BillDate = Date(record, OpenItemLayout.BillDate),
            LastPaymentDate = Date(record, OpenItemLayout.LastPayDate),
            LastActivityDate = Date(record, OpenItemLayout.LastActivityDate),
            EntryCount = DisplayNumber.FromBytes(record.Slice(OpenItemLayout.EntryCount, 5)),
            AmountAssessed = Amount(record, OpenItemLayout.AmountAssessed),
            AmountInterest = Amount(record, OpenItemLayout.AmountInterest),
            AmountPaid = Amount(record, OpenItemLayout.AmountPaid),
            AmountRefund = Amount(record, OpenItemLayout.AmountRefund),
            Balance = Amount(record, OpenItemLayout.Balance),
        };
    }

    /// <summary>Writes every field of <paramref name="item"/> into <paramref name="record"/> (150 bytes); the FILLER is left as it is.</summary>
    public static void Encode(OpenItem item, Span<byte> record)
    {
        ArgumentNullException.ThrowIfNull(item);
        CheckLength(record.Length);
        record[OpenItemLayout.RefType] = Byte(item.RefType);
        PutText(record.Slice(OpenItemLayout.Reference, 16), item.Reference);
        record[OpenItemLayout.ItemType] = Byte(item.ItemType);
        record[OpenItemLayout.Status] = Byte(item.Status);
        item.StatementType.CopyTo(record.Slice(OpenItemLayout.StatementType, 1));
        PutText(record.Slice(OpenItemLayout.FilerCode, 3), item.FilerCode);
        PutText(record.Slice(OpenItemLayout.ImporterNo, 12), item.ImporterNumber);
        item.Period.CopyTo(record.Slice(OpenItemLayout.Period, 6));
        item.OpenDate.CopyTo(record.Slice(OpenItemLayout.OpenDate, 8));
        item.StatementDate.CopyTo(record.Slice(OpenItemLayout.StatementDate, 8));
        item.DueDate.CopyTo(record.Slice(OpenItemLayout.DueDate, 8));
        item.BillDate.CopyTo(record.Slice(OpenItemLayout.BillDate, 8));
        item.LastPaymentDate.CopyTo(record.Slice(OpenItemLayout.LastPayDate, 8));
        item.LastActivityDate.CopyTo(record.Slice(OpenItemLayout.LastActivityDate, 8));
        item.EntryCount.CopyTo(record.Slice(OpenItemLayout.EntryCount, 5));
        item.AmountAssessed.CopyTo(record.Slice(OpenItemLayout.AmountAssessed, 7));
        item.AmountInterest.CopyTo(record.Slice(OpenItemLayout.AmountInterest, 7));
        item.AmountPaid.CopyTo(record.Slice(OpenItemLayout.AmountPaid, 7));
        item.AmountRefund.CopyTo(record.Slice(OpenItemLayout.AmountRefund, 7));
        item.Balance.CopyTo(record.Slice(OpenItemLayout.Balance, 7));
    }

    /// <summary>A new record image: spaces (MOVE SPACES TO record; the FILLER keeps them), then <paramref name="item"/>.</summary>
    public static byte[] ToNewRecord(OpenItem item)
    {
        var r = new byte[OpenItemLayout.RecordLength];
        r.AsSpan().Fill((byte)' ');
        Encode(item, r);
        return r;
    }

    /// <summary>REF TYPE + REFERENCE of a record (the 17-byte match key).</summary>
    public static ReadOnlySpan<byte> RefKey(ReadOnlySpan<byte> record) => record[..OpenItemLayout.RefKeyLength];

    /// <summary>OI-KEY: REF TYPE + REFERENCE + ITEM TYPE (18 bytes, the master's sort key).</summary>
    public static ReadOnlySpan<byte> Key(ReadOnlySpan<byte> record) => record[..OpenItemLayout.KeyLength];

    private static DisplayNumber Date(ReadOnlySpan<byte> r, int offset) => DisplayNumber.FromBytes(r.Slice(offset, 8));

    private static PackedNumber Amount(ReadOnlySpan<byte> r, int offset) =>
        PackedNumber.FromBytes(r.Slice(offset, OpenItemLayout.AmountLength), OpenItemPictures.Amount);

    /// <summary>A text field; a blank one (no filer code on a per-importer statement, no importer on the others) as the shared blank string.</summary>
    internal static string Text(ReadOnlySpan<byte> field) => FixedText.IsBlank(field) ? OpenItemText.Blank(field.Length) : LegacyNumeric.Text(field);

    internal static byte Byte(char c) => c <= '\u00FF' ? (byte)c : throw new ArgumentException($"char U+{(int)c:X4} is not one byte");

    /// <summary>Text of exactly the field's width, one byte per char (the domain keeps fields at their width).</summary>
    internal static void PutText(Span<byte> field, string text)
    {
        if (text.Length != field.Length) throw new ArgumentException($"'{text}' is not {field.Length} characters", nameof(text));
        for (var i = 0; i < field.Length; i++) field[i] = Byte(text[i]);   // a char that is not one byte throws
    }

    private static void CheckLength(int length)
    {
        if (length != OpenItemLayout.RecordLength) throw new ArgumentException($"an OPENITEM record is 150 bytes, got {length}");
    }
}
