using System.Text;
using Collections.Parity.Config;
using Collections.Parity.Decoding;
using Collections.Parity.Io;
using Collections.Parity.Layouts;

namespace Collections.Parity.Compare;

/// <summary>An exact fixed-point amount (unscaled, scale).</summary>
public readonly record struct Amount(long Unscaled, int Scale)
{
    public Amount Rescale(int scale) => scale >= Scale
        ? new Amount(checked(Unscaled * FileComparer.Pow10(scale - Scale)), scale)
        : throw new InvalidOperationException("cannot lower the scale of an exact amount");

    public static bool AreEqual(Amount a, Amount b)
    {
        var s = Math.Max(a.Scale, b.Scale);
        return a.Rescale(s).Unscaled == b.Rescale(s).Unscaled;
    }

    public Amount Add(long unscaled, int scale)
    {
        if (scale == Scale) return new Amount(checked(Unscaled + unscaled), Scale);
        var s = Math.Max(Scale, scale);
        return new Amount(checked(Rescale(s).Unscaled + new Amount(unscaled, scale).Rescale(s).Unscaled), s);
    }

    public override string ToString() => FileComparer.FormatUnscaled(Unscaled, Scale);
}

/// <summary>Per parent key: the children's totals on one side (for roll-ups and the rounding-stage test).</summary>
public sealed class ChildStats
{
    public long SumField;
    public long SumPrecise;
    public long SumRoundedHalfUp;
    public long SumTruncated;
    public int Count;
    public int PreciseScale;
}

/// <summary>
/// Everything the gates and roll-ups need from one side's files, computed in one streaming pass per file:
/// aggregates (count / sum with filters), record identities, grouped totals, roll-up child statistics.
/// </summary>
public sealed class SideAggregates
{
    private readonly Dictionary<string, CompiledFile> _files;
    private readonly IRecordDecoder _decoder;

    public SideAggregates(string side, IReadOnlyDictionary<string, string?> paths, IEnumerable<CompiledFile> files, IRecordDecoder? decoder = null)
    {
        Side = side;
        Paths = paths;
        _files = files.ToDictionary(f => f.Name, StringComparer.Ordinal);
        _decoder = decoder ?? StrictRecordDecoder.Instance;
    }

    public string Side { get; }
    public IReadOnlyDictionary<string, string?> Paths { get; }
    public Dictionary<string, Amount?> Aggregates { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, (long Checked, long Violations, List<string> Examples)> Identities { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SortedDictionary<string, Amount>?> GroupTotals { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Dictionary<string, ChildStats>?> Rollups { get; } = new(StringComparer.Ordinal);
    public List<string> Errors { get; } = [];

    public bool Has(string file) => Paths.TryGetValue(file, out var p) && p is not null && File.Exists(p);

    /// <summary>Computes every requested figure; a file the side does not have yields null figures.</summary>
    public void Compute(ParityConfig config)
    {
        var byFile = new Dictionary<string, List<Action<CompiledType, byte[]>>>(StringComparer.Ordinal);
        void On(string file, Action<CompiledType, byte[]> a)
        {
            if (!byFile.TryGetValue(file, out var l)) byFile[file] = l = [];
            l.Add(a);
        }

        foreach (var g in config.Gates)
        {
            switch (g.Kind)
            {
                case GateKind.Equals:
                    foreach (var agg in new[] { g.Left!, g.Right! })
                    {
                        var id = agg.ToString();
                        if (Aggregates.ContainsKey(id)) continue;
                        var parts = new List<(AggregateSpec Spec, int Sign)>();
                        for (var (a, sign) = (agg, 1); a is not null; a = a.Minus, sign = -sign) parts.Add((a, sign));
                        if (parts.Any(p => !Has(p.Spec.File))) { Aggregates[id] = null; continue; }
                        Aggregates[id] = new Amount(0, 0);
                        foreach (var (part, sign) in parts)
                        {
                            if (part.Where.Count > 0 && part.Op == "sum") _unmatched.Add((id, part, parts[0].Spec));
                            On(part.File, (t, rec) =>
                            {
                                if (!TypeMatches(part.Type, t) || !Where(t, rec, part.Where)) return;
                                _matched.Add(part);
                                var cur = Aggregates[id]!.Value;
                                if (part.Op == "count") Aggregates[id] = cur.Add(sign, 0);
                                else
                                {
                                    foreach (var f in Fields(t, part.Field!))
                                        if (!FileComparer.Absent(t, f, rec)) cur = cur.Add(sign * _decoder.DecodeNumber(f, rec), f.Scale);
                                    Aggregates[id] = cur;
                                }
                            });
                        }
                    }
                    break;
                case GateKind.RecordIdentity:
                    if (!Has(g.File!)) continue;
                    Identities[g.Id] = (0, 0, []);
                    On(g.File!, (t, rec) =>
                    {
                        if (!TypeMatches(g.Type, t) || !Where(t, rec, g.Where)) return;
                        var sum = new Amount(0, 0);
                        foreach (var p in g.Plus) { var f = t.Field(p); sum = sum.Add(_decoder.DecodeNumber(f, rec), f.Scale); }
                        foreach (var p in g.Minus) { var f = t.Field(p); sum = sum.Add(-_decoder.DecodeNumber(f, rec), f.Scale); }
                        var rf = t.Field(g.Result!);
                        var result = new Amount(_decoder.DecodeNumber(rf, rec), rf.Scale);
                        var (c, v, ex) = Identities[g.Id];
                        var ok = Amount.AreEqual(sum, result);
                        if (!ok && ex.Count < 10) ex.Add($"{t.KeyOf(rec, c + 1)}: computed {sum} vs {g.Result} {result}");
                        Identities[g.Id] = (c + 1, v + (ok ? 0 : 1), ex);
                    });
                    break;
                case GateKind.GroupTotals:
                    if (!Has(g.File!)) { GroupTotals[g.Id] = null; continue; }
                    var totals = new SortedDictionary<string, Amount>(StringComparer.Ordinal);
                    GroupTotals[g.Id] = totals;
                    On(g.File!, (t, rec) =>
                    {
                        if (!TypeMatches(g.Type, t) || !Where(t, rec, g.Where)) return;
                        foreach (var f in t.FieldsMatching(g.Sum!))
                        {
                            if (FileComparer.Absent(t, f, rec)) continue;
                            var groupName = g.GroupBy!.EndsWith("(*)", StringComparison.Ordinal) && f.Name.EndsWith(')')
                                ? g.GroupBy[..^3] + f.Name[f.Name.LastIndexOf('(')..] : g.GroupBy;
                            var (o, l) = t.Span(groupName);
                            var group = Encoding.Latin1.GetString(rec, o, Math.Min(l, Math.Max(0, rec.Length - o))).Trim();
                            if (group.Length == 0) group = "(blank)";
                            var v = _decoder.DecodeNumber(f, rec);
                            if (v == 0 && group == "(blank)") continue;
                            totals[group] = totals.TryGetValue(group, out var cur) ? cur.Add(v, f.Scale) : new Amount(v, f.Scale);
                        }
                    });
                    break;
            }
        }

        foreach (var r in config.Rollups)
        {
            if (!Has(r.Child.File)) { Rollups[r.Id] = null; continue; }
            var stats = new Dictionary<string, ChildStats>(StringComparer.Ordinal);
            Rollups[r.Id] = stats;
            var parentScale = ParentScale(r);
            On(r.Child.File, (t, rec) =>
            {
                if (!TypeMatches(r.Child.Type, t) || !Where(t, rec, r.Child.Where)) return;
                var key = FileComparer.RollupKey(t, r.Child.Key, rec);
                if (!stats.TryGetValue(key, out var s)) stats[key] = s = new ChildStats();
                var f = t.Field(r.Child.Field);
                s.SumField += _decoder.DecodeNumber(f, rec);
                s.Count++;
                if (r.ChildPrecise is not null && parentScale is not null)
                {
                    var pf = t.Field(r.ChildPrecise);
                    var x = _decoder.DecodeNumber(pf, rec);
                    s.PreciseScale = pf.Scale;
                    s.SumPrecise += x;
                    s.SumRoundedHalfUp += Rounding.Round(x, pf.Scale, parentScale.Value, Rounding.Mode.HalfUp);
                    s.SumTruncated += Rounding.Round(x, pf.Scale, parentScale.Value, Rounding.Mode.Truncate);
                }
            });
        }

        foreach (var (file, actions) in byFile)
        {
            if (!_files.TryGetValue(file, out var cf)) { Errors.Add($"gate refers to unknown file {file}"); continue; }
            var path = Paths[file]!;
            using var reader = DataSetReader.Open(path, cf.Spec.Format, cf.Lrecl);
            while (reader.Next() is { } rec)
            {
                var t = cf.TypeOf(rec);
                // A short fixed record is not the record it starts like (the legacy rejects it): not aggregated.
                if (t is null || (cf.Spec.Format == RecordFormat.Fixed && rec.Length < cf.Lrecl)) continue;
                foreach (var a in actions)
                {
                    try { a(t, rec); }
                    catch (FieldDecodeException e)
                    {
                        if (Errors.Count < 50) Errors.Add($"{Side} {file} record {reader.RecordCount}: {e.Message}");
                    }
                }
            }
        }
        MarkUnmatched();
    }

    /// <summary>
    /// A sum whose filter matched no record makes its aggregate "not evaluated" (e.g. the CTLTOTS lines of a step that
    /// did not run), unless it is a subtracted part of an aggregate whose first part matched: then it is zero (e.g. no
    /// LEDGER credits on a first day without payments).
    /// </summary>
    private void MarkUnmatched()
    {
        foreach (var (id, part, head) in _unmatched)
            if (!_matched.Contains(part) && (ReferenceEquals(part, head) || !_matched.Contains(head))) Aggregates[id] = null;
    }

    private static FieldDef[] Fields(CompiledType t, string pattern) => t.FieldsMatching(pattern);

    private readonly List<(string Id, AggregateSpec Part, AggregateSpec Head)> _unmatched = [];
    private readonly HashSet<AggregateSpec> _matched = new(ReferenceEqualityComparer.Instance);

    private int? ParentScale(RollupSpec r)
    {
        if (!_files.TryGetValue(r.Parent.File, out var pf)) return null;
        var t = pf.Types.FirstOrDefault(x => TypeMatches(r.Parent.Type, x));
        try { return t?.Field(r.Parent.Field).Scale; }
        catch (KeyNotFoundException) { return null; }
    }

    private static bool TypeMatches(string wanted, CompiledType t) => wanted == "*" || string.Equals(wanted, t.Code, StringComparison.Ordinal);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[][]> WhereValues = new(StringComparer.Ordinal);

    /// <summary>Field (trimmed) equals one of the '|'-separated values; compared on bytes, no allocation per record.</summary>
    internal static bool Where(CompiledType t, byte[] rec, Dictionary<string, string> where)
    {
        foreach (var (field, value) in where)
        {
            var (o, l) = t.Span(field);
            var span = o < rec.Length ? rec.AsSpan(o, Math.Min(l, rec.Length - o)) : [];
            span = span.Trim((byte)' ');
            var values = WhereValues.GetOrAdd(value, v => [.. v.Split('|').Select(x => Encoding.Latin1.GetBytes(x.Trim()))]);
            var ok = false;
            foreach (var v in values)
                if (span.SequenceEqual(v)) { ok = true; break; }
            if (!ok) return false;
        }
        return true;
    }
}

/// <summary>Rounding of an exact unscaled value to fewer decimals.</summary>
public static class Rounding
{
    public enum Mode { Truncate, HalfUp, HalfEven, AwayFromZero }

    public static long Round(long unscaled, int fromScale, int toScale, Mode mode)
    {
        if (toScale >= fromScale) return checked(unscaled * FileComparer.Pow10(toScale - fromScale));
        var div = FileComparer.Pow10(fromScale - toScale);
        var q = unscaled / div;
        var r = Math.Abs(unscaled % div);
        if (r == 0) return q;
        var sign = unscaled < 0 ? -1 : 1;
        var twice = r * 2;
        return mode switch
        {
            Mode.Truncate => q,
            Mode.HalfUp => twice >= div ? q + sign : q,
            Mode.HalfEven => twice > div || (twice == div && (q & 1) != 0) ? q + sign : q,
            Mode.AwayFromZero => q + sign,
            _ => q,
        };
    }
}
