using System.Text;
using Collections.Parity.Generation;

namespace Collections.Parity.Fuzz;

/// <summary>
/// Field-aware damage to the fixed-length legacy inputs: one field of a record (chosen from the copybook's layout for
/// the record's type) is set to a value at the edge of what COBOL accepts: packed fields with every sign nibble
/// (C, D, F, A, B, E), negative zero, all nines, a digit nibble above 9, blanks, NULs; display numerics with blanks,
/// a sign overpunch, leading blanks, letters; dates on and off a leap day, month 00/13, day 00/32, zeros, nines;
/// codes blank, lower case or one past the valid values. Complements <see cref="ByteMutator"/>'s blind bytes.
/// </summary>
public static class FieldMutator
{
    private enum FieldKind { Packed, Digits, Date, Text }

    private sealed record Field(string Name, int Offset, int Length, FieldKind Kind);

    private static readonly Field[] EntryHeader =
    [
        new("EH-ENTRY-NO", 1, 11, FieldKind.Text), new("EH-ENTRY-TYPE", 12, 2, FieldKind.Digits), new("EH-IMPORTER-NO", 14, 12, FieldKind.Text),
        new("EH-PORT-CODE", 26, 4, FieldKind.Digits), new("EH-ENTRY-DATE", 30, 8, FieldKind.Date), new("EH-EXPORT-DATE", 38, 8, FieldKind.Date),
        new("EH-TRANSPORT-MODE", 46, 2, FieldKind.Digits), new("EH-PAYMENT-TYPE", 48, 1, FieldKind.Digits), new("EH-STMT-DATE", 49, 8, FieldKind.Date),
        new("EH-CURRENCY", 57, 3, FieldKind.Text), new("EH-MANUAL-FLAG", 60, 1, FieldKind.Text), new("EH-LINE-COUNT", 61, 3, FieldKind.Digits),
    ];

    private static readonly Field[] EntryLine =
    [
        new("EL-ENTRY-NO", 1, 11, FieldKind.Text), new("EL-LINE-NO", 12, 3, FieldKind.Digits), new("EL-HTS", 15, 10, FieldKind.Digits),
        new("EL-ORIGIN", 25, 2, FieldKind.Text), new("EL-SPI", 27, 2, FieldKind.Text), new("EL-FOREIGN-VALUE", 29, 7, FieldKind.Packed),
        new("EL-QUANTITY", 36, 6, FieldKind.Packed), new("EL-UNIT", 42, 3, FieldKind.Text), new("EL-NET-KG", 45, 6, FieldKind.Packed),
        new("EL-CH99-COUNT", 51, 1, FieldKind.Digits), new("EL-CH99(1)", 52, 10, FieldKind.Digits), new("EL-CH99(2)", 62, 10, FieldKind.Digits),
        new("EL-CASE-NO", 82, 10, FieldKind.Text),
    ];

    private static readonly Field[] EntryTrailer =
    [
        new("ET-RECORD-COUNT", 1, 7, FieldKind.Digits), new("ET-ENTRY-COUNT", 8, 7, FieldKind.Digits), new("ET-VALUE-HASH", 15, 9, FieldKind.Packed),
    ];

    private static readonly Field[] Payment =
    [
        new("PAY-PAYMENT-ID", 0, 12, FieldKind.Text), new("PAY-METHOD", 12, 1, FieldKind.Text), new("PAY-REF-TYPE", 13, 1, FieldKind.Text),
        new("PAY-REFERENCE", 14, 16, FieldKind.Text), new("PAY-AMOUNT", 30, 7, FieldKind.Packed), new("PAY-DATE-RECEIVED", 37, 8, FieldKind.Date),
    ];

    private static readonly Field[] OpenItem =
    [
        new("OI-REF-TYPE", 0, 1, FieldKind.Text), new("OI-REFERENCE", 1, 16, FieldKind.Text), new("OI-ITEM-TYPE", 17, 1, FieldKind.Text),
        new("OI-STATUS", 18, 1, FieldKind.Text), new("OI-STMT-TYPE", 19, 1, FieldKind.Digits), new("OI-PERIOD", 35, 6, FieldKind.Digits),
        new("OI-OPEN-DATE", 41, 8, FieldKind.Date), new("OI-STMT-DATE", 49, 8, FieldKind.Date), new("OI-DUE-DATE", 57, 8, FieldKind.Date),
        new("OI-BILL-DATE", 65, 8, FieldKind.Date), new("OI-LAST-PAY-DATE", 73, 8, FieldKind.Date), new("OI-ENTRY-COUNT", 89, 5, FieldKind.Digits),
        new("OI-AMT-ASSESSED", 94, 7, FieldKind.Packed), new("OI-AMT-INTEREST", 101, 7, FieldKind.Packed), new("OI-AMT-PAID", 108, 7, FieldKind.Packed),
        new("OI-AMT-REFUND", 115, 7, FieldKind.Packed), new("OI-BALANCE", 122, 7, FieldKind.Packed),
    ];

    private static readonly string[] Dates =
        ["20280229", "20270229", "21000229", "20000229", "20260230", "20261301", "20260001", "20260100", "20260132", "00000000", "99999999",
         "19891231", "19900101", "20991231", "21000101", "2026 302", "        ", "2026030A", "20220901", "16010101"];

    private static readonly string[] Digits = ["", " ", "0", "9", "A", "{", "}", "J", "R", "-", "+", "."];

    /// <summary>The record length and field table for a data set name, or null when it has none (SYSIN).</summary>
    private static (int Length, Func<byte, Field[]> FieldsOf)? Layout(string dataSet) => dataSet switch
    {
        "ENTRYIN" => (EntryRecords.Length, t => t switch { (byte)'H' => EntryHeader, (byte)'L' => EntryLine, (byte)'T' => EntryTrailer, _ => EntryHeader }),
        "PAYMENTS" => (EntryRecords.PaymentLength, _ => Payment),
        "OPENITEM" => (MasterItem.Length, _ => OpenItem),
        _ => null,
    };

    /// <summary>Sets <paramref name="count"/> fields of whole records of <paramref name="data"/> to edge values; false when the data set has no layout or no whole record.</summary>
    public static bool Mutate(byte[] data, string dataSet, int count, Prng rng, List<Mutation> log)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(log);
        if (Layout(dataSet) is not { } layout || data.Length < layout.Length) return false;
        var records = data.Length / layout.Length;
        for (var i = 0; i < count; i++)
        {
            var r = (int)rng.Below(records);
            var rec = data.AsSpan(r * layout.Length, layout.Length);
            var field = rng.Pick(layout.FieldsOf(rec[0]));
            var target = rec.Slice(field.Offset, field.Length);
            var before = Convert.ToHexString(target);
            var what = Set(target, field.Kind, rng);
            log.Add(new Mutation(dataSet, "set-field", $"record {r + 1} {field.Name} {before} -> {Convert.ToHexString(target)} ({what})"));
        }
        return true;
    }

    private static string Set(Span<byte> f, FieldKind kind, Prng rng)
    {
        switch (kind)
        {
            case FieldKind.Packed:
            {
                var how = rng.Below(9);
                var sign = rng.Pick(new byte[] { 0xC, 0xD, 0xF, 0xA, 0xB, 0xE });
                switch (how)
                {
                    case 0: f.Fill(0x99); f[^1] = (byte)(0x90 | sign); return "all nines, sign " + sign.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
                    case 1: f.Fill(0x00); f[^1] = 0x0D; return "negative zero";
                    case 2: f[^1] = (byte)((f[^1] & 0xF0) | sign); return "sign nibble " + sign.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
                    case 3: f[(int)rng.Below(f.Length)] = (byte)(0xA0 | rng.Below(16)); return "digit nibble above 9";
                    case 4: f.Fill((byte)' '); return "blanks";
                    case 5: f.Fill(0x00); return "NULs";
                    case 6: f.Fill(0x00); f[^1] = 0x1C; return "one";
                    case 7: f.Fill(0x00); f[^2] = 0x01; f[^1] = 0x0D; return "minus ten";
                    default: f[^1] = (byte)((f[^1] & 0xF0) | 0xF); return "unsigned nibble F";
                }
            }
            case FieldKind.Date:
            {
                var d = rng.Pick(Dates);
                Encoding.ASCII.GetBytes(d.AsSpan(0, Math.Min(d.Length, f.Length)), f);
                return "date " + d;
            }
            case FieldKind.Digits:
            {
                var how = rng.Below(5);
                if (how == 0) { f.Fill((byte)' '); return "blanks"; }
                if (how == 1) { f.Fill((byte)'9'); return "nines"; }
                if (how == 2) { f.Fill((byte)'0'); return "zeros"; }
                if (how == 3) { f[0] = (byte)' '; return "leading blank"; }
                var c = rng.Pick(Digits);
                if (c.Length > 0) f[(int)rng.Below(f.Length)] = (byte)c[0];
                return "character '" + c + "'";
            }
            default:
            {
                var how = rng.Below(4);
                if (how == 0) { f.Fill((byte)' '); return "blanks"; }
                if (how == 1) { for (var i = 0; i < f.Length; i++) f[i] = (byte)char.ToLowerInvariant((char)f[i]); return "lower case"; }
                if (how == 2) { f[^1] = (byte)(f[^1] + 1); return "last byte + 1"; }
                f[0] = (byte)rng.Pick(['*', '-', '/', ' ', '0', 'Z', 'X']); return "first byte changed";
            }
        }
    }
}
