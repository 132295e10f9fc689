using System.Globalization;
using System.Text;
using Collections.Cobol.Codecs;

namespace Collections.Parity.Invariants;

/// <summary>One cycle run as files: OUTDIR (every data set), INDIR (PAYMENTS) and the old master's folder.</summary>
/// <param name="OutDir">the cycle's OUTDIR</param>
/// <param name="InDir">INDIR (PAYMENTS), or null when not known</param>
/// <param name="PriorOutDir">the folder whose OPENITEM was the old master, or null on a first cycle</param>
public sealed record CycleFolder(string OutDir, string? InDir, string? PriorOutDir)
{
    public string Out(string name) => Path.Combine(OutDir, name);
}

/// <summary>A field that does not decode (invalid packed or zoned data): the identity it feeds cannot be evaluated.</summary>
public sealed class UndecodableFieldException(string message) : Exception(message);

/// <summary>CTLTOTS line (CTLTOTS copybook, text 80): step, sequence, count, amount in cents.</summary>
public sealed record ControlTotal(string Step, string Seq, string Description, long Count, long AmountCents);

/// <summary>LEDGER record (RECFM=F 80) fields the invariants use.</summary>
public sealed record LedgerPosting(int SeqNo, char RefType, string Reference, char ItemType, string TranCode, string RevClass, char DcInd,
    long AmountCents, char PayMethod, string SourceId);

/// <summary>SUSPENSE line (SUSPREC, text 111).</summary>
public sealed record SuspenseLine(string PaymentId, char Method, char RefType, string Reference, long AmountCents, string Reason);

/// <summary>OPENITEM record fields the invariants use (key, status, balance).</summary>
public sealed record MasterRecord(string Key, char ItemType, char Status, long BalanceCents, bool BalanceValid);

/// <summary>STMTOUT record (STMTHDR, RECFM=F 200): statement type, entries, the 13 category totals, the total.</summary>
public sealed record Receivable(string Key, int StatementType, int EntryCount, long[] CategoryCents, long TotalCents);

/// <summary>PAYMENTS record (PAYREC, RECFM=F 50): id, reference, amount when it IS NUMERIC (COMP-3 signed).</summary>
public sealed record PaymentRecord(string PaymentId, char Method, char RefType, string Reference, long? AmountCents, bool Whole);

/// <summary>Readers of the cycle's data sets for the invariants: strict where the legacy writes valid data.</summary>
public static class CycleFiles
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>Text file lines (LF separated; a last line without LF counts) padded with blanks to <paramref name="length"/>.</summary>
    public static IEnumerable<byte[]> TextRecords(string path, int length)
    {
        var data = File.ReadAllBytes(path);
        var start = 0;
        while (start < data.Length)
        {
            var nl = Array.IndexOf(data, (byte)'\n', start);
            var end = nl < 0 ? data.Length : nl;
            var rec = new byte[Math.Max(length, end - start)];
            rec.AsSpan().Fill((byte)' ');
            data.AsSpan(start, end - start).CopyTo(rec);
            yield return rec;
            start = end + 1;
        }
    }

    public static List<ControlTotal> ControlTotals(string path)
    {
        var list = new List<ControlTotal>();
        if (!File.Exists(path)) return list;
        foreach (var r in TextRecords(path, 80))
        {
            var count = ZonedDecimal.TryDecode(r.AsSpan(52, 9), 9, SignPlacement.Unsigned, OverpunchStyle.AsciiEbcdicLetters, out var c) ? c : -1;
            if (!ZonedDecimal.TryDecode(r.AsSpan(62, 17), 17, SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters, out var a))
                throw new UndecodableFieldException($"{path}: CT-AMOUNT '{Latin1.GetString(r, 62, 17)}' not numeric");
            list.Add(new ControlTotal(Latin1.GetString(r, 0, 8).TrimEnd(), Latin1.GetString(r, 18, 2), Latin1.GetString(r, 21, 30).TrimEnd(), c, a));
        }
        return list;
    }

    public static List<LedgerPosting> Ledger(string path)
    {
        var list = new List<LedgerPosting>();
        foreach (var r in Fixed(path, 80))
        {
            list.Add(new LedgerPosting(
                int.Parse(Latin1.GetString(r, 8, 7), NumberStyles.None, CultureInfo.InvariantCulture),
                (char)r[15], Latin1.GetString(r, 16, 16).TrimEnd(), (char)r[32], Latin1.GetString(r, 33, 2), Latin1.GetString(r, 35, 3),
                (char)r[38], Packed(r, 39, path, "LG-AMOUNT"), (char)r[46], Latin1.GetString(r, 47, 12).TrimEnd()));
        }
        return list;
    }

    public static List<SuspenseLine> Suspense(string path)
    {
        var list = new List<SuspenseLine>();
        if (!File.Exists(path)) return list;
        foreach (var r in TextRecords(path, 111))
        {
            if (!ZonedDecimal.TryDecode(r.AsSpan(43, 13), 13, SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters, out var a))
                throw new UndecodableFieldException($"{path}: SU-AMOUNT '{Latin1.GetString(r, 43, 13)}' not numeric");
            list.Add(new SuspenseLine(Latin1.GetString(r, 9, 12).TrimEnd(), (char)r[22], (char)r[24], Latin1.GetString(r, 26, 16).TrimEnd(), a,
                Latin1.GetString(r, 66, 4)));
        }
        return list;
    }

    /// <summary>OPENITEM records; a balance that is not valid packed data is marked, not read as zero.</summary>
    public static List<MasterRecord> Master(string path)
    {
        var list = new List<MasterRecord>();
        foreach (var r in Fixed(path, 150))
        {
            var ok = CobolNumericClass.TryDecodePacked(r.AsSpan(122, 7), signed: true, out var b);
            list.Add(new MasterRecord(Latin1.GetString(r, 0, 18), (char)r[17], (char)r[18], ok ? b : 0, ok));
        }
        return list;
    }

    public static List<Receivable> Receivables(string path)
    {
        var list = new List<Receivable>();
        foreach (var r in Fixed(path, 200))
        {
            var cats = new long[13];
            for (var k = 0; k < 13; k++) cats[k] = Packed(r, 68 + (7 * k), path, $"SH-CATEGORY-AMT({k + 1})");
            list.Add(new Receivable(Latin1.GetString(r, 0, 17), r[17] - '0',
                int.Parse(Latin1.GetString(r, 63, 5), NumberStyles.None, CultureInfo.InvariantCulture), cats, Packed(r, 159, path, "SH-TOTAL-AMT")));
        }
        return list;
    }

    /// <summary>PAYMENTS records in arrival order; a last record shorter than 50 bytes is returned with <c>Whole</c> false.</summary>
    public static List<PaymentRecord> Payments(string? inDir)
    {
        var list = new List<PaymentRecord>();
        if (inDir is null) return list;
        var path = Path.Combine(inDir, "PAYMENTS");
        if (!File.Exists(path)) return list;
        var data = File.ReadAllBytes(path);
        for (var off = 0; off < data.Length; off += 50)
        {
            var n = Math.Min(50, data.Length - off);
            var r = new byte[50];
            r.AsSpan().Fill((byte)' ');
            data.AsSpan(off, n).CopyTo(r);
            long? amount = n == 50 && CobolNumericClass.TryDecodePacked(r.AsSpan(30, 7), signed: true, out var a) ? a : null;
            list.Add(new PaymentRecord(Latin1.GetString(r, 0, 12).TrimEnd(), (char)r[12], (char)r[13], Latin1.GetString(r, 14, 16).TrimEnd(), amount, n == 50));
        }
        return list;
    }

    private static IEnumerable<byte[]> Fixed(string path, int length)
    {
        if (!File.Exists(path)) yield break;
        var data = File.ReadAllBytes(path);
        if (data.Length % length != 0) throw new UndecodableFieldException($"{path}: {data.Length} bytes is not a multiple of the record length {length}");
        for (var off = 0; off < data.Length; off += length) yield return data.AsSpan(off, length).ToArray();
    }

    private static long Packed(byte[] r, int offset, string path, string field) =>
        CobolNumericClass.TryDecodePacked(r.AsSpan(offset, 7), signed: true, out var v) ? v
            : throw new UndecodableFieldException($"{path}: {field} X'{Convert.ToHexString(r, offset, 7)}' is not valid packed data");
}
