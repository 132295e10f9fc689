using System.Globalization;
using Collections.Parity.Generation;

namespace Collections.Parity.Fuzz;

/// <summary>One change the mutator made, for the failure report (file, kind, where, what).</summary>
public sealed record Mutation(string File, string Kind, string Detail)
{
    public override string ToString() => $"{File} {Kind} {Detail}";
}

/// <summary>
/// Byte-level damage to a legacy data set, deterministic per <see cref="Prng"/>: bytes set to values COBOL
/// edits care about (blanks, zeros, digits, overpunch letters, packed sign nibbles, LF, NUL, 0xFF) or to random
/// values, bits flipped, the file cut short, a record shortened (the rest misaligned), doubled, dropped, inserted
/// (blanks, random bytes, or a copy of another record with a byte changed) or swapped with its neighbour.
/// Fixed-length files (ENTRYIN 250, PAYMENTS 50, OPENITEM 150) are mutated by records; text files (SYSIN) by lines.
/// </summary>
public static class ByteMutator
{
    public enum Kind { SetBytes, FlipBits, TruncateFile, ShortenRecord, DoubleRecord, DropRecord, InsertRecord, SwapRecords }

    private static readonly byte[] Interesting =
    [
        (byte)' ', (byte)'0', (byte)'9', (byte)'1', (byte)'A', (byte)'Z', (byte)'{', (byte)'}', (byte)'J', (byte)'-', (byte)'.',
        0x00, 0xFF, 0x0A, 0x0D, 0x0C, 0x0D, 0x1C, 0x1D, 0x1F, 0x99, 0x9C, 0x9D, 0x9F, 0x12, 0xC0, 0xD0, 0x40, 0x7F, 0x80,
    ];

    /// <summary>Applies <paramref name="count"/> random mutations to <paramref name="data"/> (records of <paramref name="recordLength"/> bytes; 0 = text lines).</summary>
    public static byte[] Mutate(byte[] data, int recordLength, int count, Prng rng, string fileName, List<Mutation> log)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(log);
        var buf = new List<byte>(data);
        for (var i = 0; i < count; i++)
        {
            var kind = (Kind)rng.PickWeighted([40, 10, 6, 8, 8, 8, 12, 8]);
            ApplyOne(buf, recordLength, kind, rng, fileName, log);
        }
        return [.. buf];
    }

    private static void ApplyOne(List<byte> buf, int recordLength, Kind kind, Prng rng, string file, List<Mutation> log)
    {
        var records = Records(buf, recordLength);
        string At(int pos) => pos.ToString(CultureInfo.InvariantCulture);
        switch (kind)
        {
            case Kind.SetBytes when buf.Count > 0:
            {
                var n = rng.Between(1, 6);
                var changes = new List<string>();
                for (var k = 0; k < n; k++)
                {
                    var pos = (int)rng.Below(buf.Count);
                    var value = rng.Chance(3, 4) ? rng.Pick(Interesting) : (byte)rng.Below(256);
                    changes.Add($"@{At(pos)} {buf[pos]:X2}->{value:X2}");
                    buf[pos] = value;
                }
                log.Add(new Mutation(file, "set-bytes", string.Join(", ", changes)));
                break;
            }
            case Kind.FlipBits when buf.Count > 0:
            {
                var pos = (int)rng.Below(buf.Count);
                var bit = 1 << (int)rng.Below(8);
                log.Add(new Mutation(file, "flip-bit", $"@{At(pos)} {buf[pos]:X2}->{buf[pos] ^ bit:X2}"));
                buf[pos] = (byte)(buf[pos] ^ bit);
                break;
            }
            case Kind.TruncateFile when buf.Count > 0:
            {
                // mostly inside the last record, sometimes anywhere
                var last = records.Count > 0 ? records[^1].Start : 0;
                var cut = rng.Chance(2, 3) && buf.Count - last > 1 ? last + (int)rng.Below(buf.Count - last) : (int)rng.Below(buf.Count);
                log.Add(new Mutation(file, "truncate-file", $"to {At(cut)} of {At(buf.Count)} bytes"));
                buf.RemoveRange(cut, buf.Count - cut);
                break;
            }
            case Kind.ShortenRecord when records.Count > 0:
            {
                var (start, len) = rng.Pick(records);
                if (len < 2) goto default;
                var n = rng.Between(1, Math.Min(len - 1, 60));
                var at = start + (int)rng.Below(len - n);
                log.Add(new Mutation(file, "shorten-record", $"record at {At(start)}: {n} bytes removed at {At(at)}"));
                buf.RemoveRange(at, n);
                break;
            }
            case Kind.DoubleRecord when records.Count > 0:
            {
                var idx = (int)rng.Below(records.Count);
                var (start, len) = records[idx];
                log.Add(new Mutation(file, "double-record", $"record {idx + 1}"));
                buf.InsertRange(start + len, buf.GetRange(start, len));
                break;
            }
            case Kind.DropRecord when records.Count > 0:
            {
                var idx = (int)rng.Below(records.Count);
                var (start, len) = records[idx];
                log.Add(new Mutation(file, "drop-record", $"record {idx + 1}"));
                buf.RemoveRange(start, len);
                break;
            }
            case Kind.InsertRecord:
            {
                var idx = records.Count == 0 ? 0 : (int)rng.Below(records.Count + 1);
                var at = idx < records.Count ? records[idx].Start : buf.Count;
                var len = recordLength > 0 ? recordLength : records.Count > 0 ? records[0].Length : 17;
                byte[] rec;
                var how = rng.Below(3);
                if (how == 0 || records.Count == 0)
                {
                    rec = new byte[len];
                    Array.Fill(rec, (byte)' ');
                    if (recordLength == 0 && len > 0) rec[^1] = (byte)'\n';
                }
                else if (how == 1)
                {
                    rec = new byte[len];
                    for (var k = 0; k < len; k++) rec[k] = (byte)rng.Below(256);
                }
                else
                {
                    var (s, l) = rng.Pick(records);
                    rec = [.. buf.GetRange(s, l)];
                    if (rec.Length > 0) rec[(int)rng.Below(rec.Length)] = rng.Pick(Interesting);
                }
                log.Add(new Mutation(file, "insert-record", $"before record {idx + 1}: {(how == 0 ? "blanks" : how == 1 ? "random bytes" : "altered copy")}"));
                buf.InsertRange(at, rec);
                break;
            }
            case Kind.SwapRecords when records.Count > 1:
            {
                var idx = (int)rng.Below(records.Count - 1);
                var (s1, l1) = records[idx];
                var (s2, l2) = records[idx + 1];
                var a = buf.GetRange(s1, l1);
                var b = buf.GetRange(s2, l2);
                buf.RemoveRange(s1, l1 + l2);
                buf.InsertRange(s1, b.Concat(a));
                log.Add(new Mutation(file, "swap-records", $"records {idx + 1} and {idx + 2}"));
                break;
            }
            default:
            {
                // nothing to mutate that way (empty file, single record): insert a record instead
                if (kind != Kind.InsertRecord) ApplyOne(buf, recordLength, Kind.InsertRecord, rng, file, log);
                break;
            }
        }
    }

    /// <summary>(start, length) of each record: fixed slices (the last may be short), or lines including their LF.</summary>
    private static List<(int Start, int Length)> Records(List<byte> buf, int recordLength)
    {
        var list = new List<(int, int)>();
        if (recordLength > 0)
        {
            for (var s = 0; s < buf.Count; s += recordLength) list.Add((s, Math.Min(recordLength, buf.Count - s)));
            return list;
        }
        var start = 0;
        for (var i = 0; i < buf.Count; i++)
        {
            if (buf[i] != (byte)'\n') continue;
            list.Add((start, i - start + 1));
            start = i + 1;
        }
        if (start < buf.Count) list.Add((start, buf.Count - start));
        return list;
    }
}
