using System.Globalization;
using System.Text;
using Collections.Parity.Config;
using Collections.Parity.Decoding;
using Collections.Parity.Io;
using Collections.Parity.Layouts;
using Collections.Parity.Model;

namespace Collections.Parity.Compare;

/// <summary>
/// Compares one data set, legacy vs modern, by business key and independent of order. Both files are streamed
/// in step; a record waits in a per-side pending table only until the record with its key (and occurrence)
/// arrives from the other side, so memory stays bounded when the two sides write in (nearly) the same order and
/// degrades to a hash join when they do not. Duplicate keys pair by occurrence (first with first).
/// </summary>
public sealed class FileComparer
{
    private readonly CompiledFile _file;
    private readonly IRecordDecoder _decoder;
    private readonly IReadOnlyList<RollupSpec> _rollups;
    private readonly int _detailLimit;
    private readonly int _differenceLimit;

    public FileComparer(CompiledFile file, IRecordDecoder? decoder = null, IReadOnlyList<RollupSpec>? rollups = null,
        int detailLimit = 2000, int differenceLimit = 200_000)
    {
        _file = file;
        _decoder = decoder ?? StrictRecordDecoder.Instance;
        _rollups = rollups ?? [];
        _detailLimit = detailLimit;
        _differenceLimit = differenceLimit;
    }

    private sealed record Pending(long RecordNo, byte[] Bytes, CompiledType? Type);

    /// <summary>Compares; <paramref name="differences"/> receives every difference (up to the limit).</summary>
    public FileResult Compare(string? legacyPath, string? modernPath, List<Difference> differences, bool modernExpected = true,
        Func<string, bool>? stepPorted = null)
    {
        var result = new FileResult { Name = _file.Name, Step = _file.Spec.Step ?? "" };
        var hasL = legacyPath is not null && File.Exists(legacyPath);
        var hasM = modernPath is not null && File.Exists(modernPath);
        if (!hasL && !hasM) { result.Status = FileStatus.Absent; result.ByteVerdict = "absent on both sides"; return result; }
        if (hasL && !hasM && !modernExpected)
        {
            using var only = DataSetReader.Open(legacyPath!, _file.Spec.Format, _file.Lrecl);
            while (only.Next() is { } rec)
            {
                var t = _file.TypeOf(rec);
                var code = t?.Code ?? "?";
                result.LegacyTypeCounts[code] = result.LegacyTypeCounts.GetValueOrDefault(code) + 1;
            }
            result.LegacyRecords = only.RecordCount;
            result.LegacyBytes = only.ByteCount;
            result.LegacySha256 = only.Sha256();
            result.Status = FileStatus.NotProduced;
            result.ByteVerdict = "not produced by the modern side";
            return result;
        }

        using var l = hasL ? DataSetReader.Open(legacyPath!, _file.Spec.Format, _file.Lrecl) : null;
        using var m = hasM ? DataSetReader.Open(modernPath!, _file.Spec.Format, _file.Lrecl) : null;
        var pendL = new Dictionary<string, Queue<Pending>>(StringComparer.Ordinal);
        var pendM = new Dictionary<string, Queue<Pending>>(StringComparer.Ordinal);
        var positional = true;
        var doneL = l is null;
        var doneM = m is null;
        while (!doneL || !doneM)
        {
            if (!doneL)
            {
                var rec = l!.Next();
                if (rec is null) doneL = true;
                else Offer(rec, l.RecordCount, isLegacy: true);
            }
            if (!doneM)
            {
                var rec = m!.Next();
                if (rec is null) doneM = true;
                else Offer(rec, m.RecordCount, isLegacy: false);
            }
        }

        void Offer(byte[] rec, long no, bool isLegacy)
        {
            var type = _file.TypeOf(rec);
            var code = type?.Code ?? "?";
            var counts = isLegacy ? result.LegacyTypeCounts : result.ModernTypeCounts;
            counts[code] = counts.GetValueOrDefault(code) + 1;
            var key = type is null ? "?:" + Encoding.Latin1.GetString(rec.AsSpan(0, Math.Min(rec.Length, 16))).TrimEnd() : type.KeyOf(rec, no);
            var other = isLegacy ? pendM : pendL;
            if (other.TryGetValue(key, out var q))
            {
                var p = q.Dequeue();
                if (q.Count == 0) other.Remove(key);
                if (p.RecordNo != no) positional = false;
                if (isLegacy) Match(key, type, rec, no, p.Bytes, p.RecordNo);
                else Match(key, type, p.Bytes, p.RecordNo, rec, no);
                return;
            }
            var own = isLegacy ? pendL : pendM;
            if (!own.TryGetValue(key, out var oq)) own[key] = oq = new Queue<Pending>(1);
            oq.Enqueue(new Pending(no, rec, type));
        }

        void Match(string key, CompiledType? type, byte[] lrec, long lno, byte[] mrec, long mno)
        {
            if (Same(lrec, mrec)) { result.Equal++; return; }
            var masked = 0;
            var fields = type is null ? [] : CompareFields(type, key, lrec, lno, mrec, mno, out masked);
            result.MaskedFieldDifferences += masked;
            if (fields.Count == 0)
            {
                if (masked > 0) { result.Equal++; return; }
                // Bytes differ outside every mapped field (FILLER, record length).
                fields.Add(new Difference
                {
                    File = _file.Name, RecordType = type?.Code ?? "?", Key = key, Field = "(unmapped bytes)",
                    Legacy = $"{lrec.Length} bytes", Modern = $"{mrec.Length} bytes",
                    LegacyHex = Hex(lrec), ModernHex = Hex(mrec), Class = DiffClass.Text,
                    LegacyRecordNo = lno, ModernRecordNo = mno,
                });
            }
            result.Modified++;
            result.FieldDifferences += fields.Count;
            Keep(new RecordDiff
            {
                File = _file.Name, RecordType = type?.Code ?? "?", Key = key, Kind = "modified",
                LegacyRecordNo = lno, ModernRecordNo = mno, LegacyHex = Hex(lrec), ModernHex = Hex(mrec), Fields = fields,
            });
        }

        foreach (var (key, q) in pendL.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            foreach (var p in q) OnlyOne(key, p, isLegacy: true);
        foreach (var (key, q) in pendM.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            foreach (var p in q) OnlyOne(key, p, isLegacy: false);

        void OnlyOne(string key, Pending p, bool isLegacy)
        {
            if (isLegacy && stepPorted is not null && _file.Spec.StepField is not null && p.Type is not null)
            {
                var (so, sl) = p.Type.Span(_file.Spec.StepField);
                var step = so < p.Bytes.Length ? Encoding.Latin1.GetString(p.Bytes, so, Math.Min(sl, p.Bytes.Length - so)).Trim() : "";
                if (!stepPorted(step))
                {
                    result.NotProducedRecords++;
                    result.NotProducedTypeCounts[p.Type.Code] = result.NotProducedTypeCounts.GetValueOrDefault(p.Type.Code) + 1;
                    return;
                }
            }
            if (isLegacy) result.OnlyLegacy++; else result.OnlyModern++;
            long money = 0;
            var attrs = new Dictionary<string, string>(StringComparer.Ordinal);
            var rollupKeys = new List<string>();
            if (p.Type is not null)
            {
                foreach (var f in p.Type.Fields)
                {
                    if (!p.Type.Money.Contains(f.Name) || Absent(p.Type, f, p.Bytes)) continue;
                    try { money += ToCents(_decoder.DecodeNumber(f, p.Bytes), f.Scale); }
                    catch (FieldDecodeException) { }
                }
                FillAttributes(p.Type, p.Bytes, null, attrs, null);
            }
            var d = new Difference
            {
                File = _file.Name, RecordType = p.Type?.Code ?? "?", Key = key, Field = "(record)",
                Legacy = isLegacy ? "present" : "absent", Modern = isLegacy ? "absent" : "present",
                LegacyHex = isLegacy ? Hex(p.Bytes) : "", ModernHex = isLegacy ? "" : Hex(p.Bytes),
                Class = isLegacy ? DiffClass.MissingRecord : DiffClass.ExtraRecord,
                Explanation = isLegacy ? "record written by the legacy only" : "record written by the modern side only",
                Cents = isLegacy ? -money : money, IsMoney = money != 0,
                LegacyRecordNo = isLegacy ? p.RecordNo : 0, ModernRecordNo = isLegacy ? 0 : p.RecordNo,
                Attributes = attrs,
            };
            if (p.Type is not null) AddRollupKeys(p.Type, p.Bytes, d);
            Keep(new RecordDiff
            {
                File = _file.Name, RecordType = d.RecordType, Key = key, Kind = isLegacy ? "only-legacy" : "only-modern",
                LegacyRecordNo = d.LegacyRecordNo, ModernRecordNo = d.ModernRecordNo,
                LegacyHex = d.LegacyHex, ModernHex = d.ModernHex, Fields = [d],
            });
        }

        void Keep(RecordDiff rd)
        {
            foreach (var d in rd.Fields)
                if (differences.Count < _differenceLimit) differences.Add(d);
            if (result.Records.Count < _detailLimit) result.Records.Add(rd);
            else result.DetailTruncated = true;
        }

        if (l is not null)
        {
            result.LegacyRecords = l.RecordCount;
            result.LegacyBytes = l.ByteCount;
            result.LegacySha256 = l.Sha256();
            if (l.FormatError is not null) result.Errors.Add("legacy file: " + l.FormatError);
            else if (l.Truncated) result.Errors.Add("legacy file ends inside a record");
        }
        if (m is not null)
        {
            result.ModernRecords = m.RecordCount;
            result.ModernBytes = m.ByteCount;
            result.ModernSha256 = m.Sha256();
            if (m.FormatError is not null) result.Errors.Add("modern file: " + m.FormatError);
            else if (m.Truncated) result.Errors.Add("modern file ends inside a record");
        }

        var identical = hasL && hasM && result.LegacySha256 == result.ModernSha256 && result.LegacyBytes == result.ModernBytes;
        var recordsEqual = result.Modified == 0 && result.OnlyLegacy == 0 && result.OnlyModern == 0;
        if (!hasL) { result.Status = FileStatus.LegacyMissing; result.ByteVerdict = "the legacy did not write this file"; }
        else if (!hasM) { result.Status = FileStatus.Different; result.ByteVerdict = "the modern side did not write this file"; }
        else if (identical) { result.Status = FileStatus.Identical; result.ByteVerdict = "identical bytes"; }
        else if (recordsEqual && result.NotProducedRecords > 0 && positional)
        {
            result.Status = FileStatus.Equivalent;
            result.ByteVerdict = $"same records for the ported steps; {result.NotProducedRecords} records of steps not ported are not produced by the modern side";
        }
        else if (recordsEqual && result.MaskedFieldDifferences > 0) { result.Status = FileStatus.Equivalent; result.ByteVerdict = "bytes differ only in masked fields"; }
        else if (recordsEqual && !positional) { result.Status = FileStatus.Reordered; result.ByteVerdict = "same records in another order"; }
        else if (recordsEqual) { result.Status = FileStatus.Different; result.ByteVerdict = "same records, different bytes (framing)"; }
        else { result.Status = FileStatus.Different; result.ByteVerdict = "different"; }

        if (hasL != hasM)
        {
            // a file one side wrote and the other did not is a difference even when it holds no record
            differences.Add(new Difference
            {
                File = _file.Name, RecordType = "*", Key = "(file)", Field = "(file)", Class = hasL ? DiffClass.MissingRecord : DiffClass.ExtraRecord,
                Legacy = hasL ? $"written ({result.LegacyRecords} records)" : "(not written)",
                Modern = hasM ? $"written ({result.ModernRecords} records)" : "(not written)", Explanation = result.ByteVerdict,
            });
        }
        if (result.Status == FileStatus.Reordered || (result.Status == FileStatus.Different && recordsEqual && hasL && hasM))
        {
            differences.Add(new Difference
            {
                File = _file.Name, RecordType = "*", Key = "(file)", Field = "(record order)", Class = DiffClass.RecordOrder,
                Legacy = result.LegacySha256 ?? "", Modern = result.ModernSha256 ?? "", Explanation = result.ByteVerdict,
            });
        }
        return result;
    }

    private static bool Same(byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b);

    internal static bool Absent(CompiledType type, FieldDef f, ReadOnlySpan<byte> rec)
    {
        if (f.Offset >= rec.Length) return true;
        if (f.DependsOn is null) return false;
        try
        {
            var count = StrictRecordDecoder.Instance.DecodeNumber(type.Field(f.DependsOn), rec);
            return f.Occurrence > count;
        }
        catch (FieldDecodeException) { return false; }
    }

    private List<Difference> CompareFields(CompiledType type, string key, byte[] lrec, long lno, byte[] mrec, long mno, out int masked)
    {
        masked = 0;
        var list = new List<Difference>();
        Dictionary<string, string>? attrs = null;
        var lineFormat = _file.Spec.Format == RecordFormat.Line;
        foreach (var f in type.Fields)
        {
            var lAbsent = Absent(type, f, lrec) && !lineFormat;
            var mAbsent = Absent(type, f, mrec) && !lineFormat;
            if (lAbsent && mAbsent) continue;
            var lb = lAbsent ? [] : StrictRecordDecoder.Slice(f, lrec);
            var mb = mAbsent ? [] : StrictRecordDecoder.Slice(f, mrec);
            if (lAbsent == mAbsent && lb.SequenceEqual(mb)) continue;
            if (type.Masked.Contains(f.Name)) { masked++; continue; }
            attrs ??= FillAttributes(type, lrec, mrec, new Dictionary<string, string>(StringComparer.Ordinal), f);
            list.Add(FieldDifference(type, f, key, lrec, lno, lAbsent, mrec, mno, mAbsent, attrs));
        }
        return list;
    }

    private Difference FieldDifference(CompiledType type, FieldDef f, string key, byte[] lrec, long lno, bool lAbsent,
        byte[] mrec, long mno, bool mAbsent, Dictionary<string, string> attrs)
    {
        string lText, mText;
        long? lv = null, mv = null;
        var cls = DiffClass.Text;
        var explanation = "";
        if (f.IsNumeric)
        {
            (lText, lv) = lAbsent ? ("(absent)", null) : Number(f, lrec);
            (mText, mv) = mAbsent ? ("(absent)", null) : Number(f, mrec);
            cls = (!lAbsent && lv is null) || (!mAbsent && mv is null) ? DiffClass.InvalidData : DiffClass.Unexplained;
        }
        else
        {
            lText = lAbsent ? "(absent)" : _decoder.DecodeText(f, lrec);
            mText = mAbsent ? "(absent)" : _decoder.DecodeText(f, mrec);
        }
        var delta = (mv ?? 0) - (lv ?? 0);
        long? pl = null, pm = null;
        var ps = 0;
        if (type.Precise.TryGetValue(f.Name, out var pf))
        {
            ps = pf.Scale;
            try { pl = _decoder.DecodeNumber(pf, lrec); } catch (FieldDecodeException) { }
            try { pm = _decoder.DecodeNumber(pf, mrec); } catch (FieldDecodeException) { }
        }
        var money = type.Money.Contains(f.Name);
        var d = new Difference
        {
            File = _file.Name, RecordType = type.Code, Key = key, Field = f.Name,
            Legacy = lText, Modern = mText,
            LegacyHex = lAbsent ? "" : Convert.ToHexString(StrictRecordDecoder.Slice(f, lrec)),
            ModernHex = mAbsent ? "" : Convert.ToHexString(StrictRecordDecoder.Slice(f, mrec)),
            Numeric = f.IsNumeric, LegacyUnscaled = lv, ModernUnscaled = mv, Scale = f.Scale, Digits = f.Digits,
            Delta = delta, IsMoney = money, Cents = money ? ToCents(delta, f.Scale) : 0,
            Class = cls, Explanation = explanation, LegacyRecordNo = lno, ModernRecordNo = mno, Occurrence = f.Occurrence,
            Attributes = attrs, PreciseLegacy = pl, PreciseModern = pm, PreciseScale = ps,
        };
        AddRollupKeys(type, lAbsent ? mrec : lrec, d);
        return d;
    }

    private (string Text, long? Value) Number(FieldDef f, byte[] rec)
    {
        try
        {
            var v = _decoder.DecodeNumber(f, rec);
            return (FormatUnscaled(v, f.Scale), v);
        }
        catch (FieldDecodeException e)
        {
            return ($"(invalid: {e.Reason})", null);
        }
    }

    private void AddRollupKeys(CompiledType type, byte[] rec, Difference d)
    {
        foreach (var r in _rollups)
        {
            RollupSide? side = null;
            if (r.Child.File == _file.Name && (r.Child.Type == "*" || r.Child.Type == type.Code)) side = r.Child;
            else if (r.Parent.File == _file.Name && (r.Parent.Type == "*" || r.Parent.Type == type.Code)) side = r.Parent;
            if (side is null) continue;
            d.RollupKeys[r.Id] = RollupKey(type, side.Key, rec);
        }
    }

    /// <summary>The parent key a record carries (fields joined by '/', trimmed).</summary>
    public static string RollupKey(CompiledType type, IEnumerable<string> fields, ReadOnlySpan<byte> rec)
    {
        var sb = new StringBuilder();
        foreach (var name in fields)
        {
            if (sb.Length > 0) sb.Append('/');
            var (o, l) = type.Span(name);
            if (o < rec.Length) sb.Append(Encoding.Latin1.GetString(rec.Slice(o, Math.Min(l, rec.Length - o))).Trim());
        }
        return sb.ToString();
    }

    private Dictionary<string, string> FillAttributes(CompiledType type, byte[] primary, byte[]? secondary, Dictionary<string, string> attrs, FieldDef? diffField)
    {
        foreach (var (name, field, start, end) in type.Attributes)
        {
            var fname = field;
            if (fname.EndsWith("(*)", StringComparison.Ordinal))
            {
                if (diffField is null || !diffField.Name.EndsWith(')')) continue;
                fname = fname[..^3] + diffField.Name[diffField.Name.LastIndexOf('(')..];
            }
            try
            {
                var (o, l) = type.Span(fname);
                var rec = primary.Length > o ? primary : secondary ?? primary;
                if (o >= rec.Length) continue;
                var text = Encoding.Latin1.GetString(rec, o, Math.Min(l, rec.Length - o));
                if (start is not null) text = text.Substring(Math.Min(start.Value, text.Length), Math.Max(0, Math.Min(end!.Value, text.Length) - start.Value));
                attrs[name] = text.Trim().Length == 0 ? "(blank)" : text.Trim();
            }
            catch (KeyNotFoundException) { }
        }
        return attrs;
    }

    public static long ToCents(long unscaled, int scale)
    {
        if (scale == 2) return unscaled;
        if (scale > 2) return unscaled / Pow10(scale - 2);
        return checked(unscaled * Pow10(2 - scale));
    }

    public static long Pow10(int n)
    {
        long p = 1;
        for (var i = 0; i < n; i++) p = checked(p * 10);
        return p;
    }

    public static string FormatUnscaled(long v, int scale)
    {
        if (scale == 0) return v.ToString(CultureInfo.InvariantCulture);
        var neg = v < 0;
        var abs = ((decimal)v < 0 ? -(decimal)v : v).ToString(CultureInfo.InvariantCulture).PadLeft(scale + 1, '0');
        return (neg ? "-" : "") + abs[..^scale] + "." + abs[^scale..];
    }

    private static string Hex(byte[] b) => Convert.ToHexString(b);
}
