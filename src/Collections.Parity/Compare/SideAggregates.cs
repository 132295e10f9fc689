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
/// <para>
/// <see cref="Compute"/> reads the files itself. The day comparison instead <see cref="Prepare"/>s the figures, feeds
/// each file's records through <see cref="Sink"/> while it compares the file (so a data set is read once, not once to
/// compare and once per side for the gates), and <see cref="Finish"/>es, which reads only the files nobody fed (the
/// inputs). Per record, the figures work on bytes: field lists and filters are resolved once per record type, sums are
/// kept in local accumulators, group and roll-up keys are looked up without allocating a string for a known key.
/// </para>
/// </summary>
public sealed class SideAggregates
{
    private readonly Dictionary<string, CompiledFile> _files;
    private readonly IRecordDecoder _decoder;
    private readonly Dictionary<string, List<Action<CompiledType, byte[]>>> _byFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _fileErrors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _fed = new(StringComparer.Ordinal);
    private readonly List<Action> _finishers = [];
    private bool _prepared;

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

    /// <summary>Computes every requested figure, reading each file; a file the side does not have yields null figures.</summary>
    public void Compute(ParityConfig config)
    {
        Prepare(config);
        Finish();
    }

    /// <summary>The records of <paramref name="file"/> some figure needs (null: none). Called with every record of the
    /// file in order (its record type as <see cref="CompiledFile.TypeOf"/> gives it, null for none), the file is not read
    /// again by <see cref="Finish"/>.</summary>
    public Action<CompiledType?, byte[]>? Sink(string file)
    {
        if (!_prepared) throw new InvalidOperationException("Prepare first");
        if (!_byFile.TryGetValue(file, out var actions) || !_files.TryGetValue(file, out var cf)) return null;
        _fed.Add(file);
        var number = 0L;
        return (t, rec) => Feed(file, cf, actions, t, rec, ++number);
    }

    /// <summary>Reads the files no <see cref="Sink"/> was taken for and completes the figures.</summary>
    public void Finish() => FinishBoth(this, null);

    /// <summary>
    /// <see cref="Finish"/> for both sides of a day: a file neither side was fed and whose path is the same on both (an
    /// input, such as ENTRYIN) is read once for both.
    /// </summary>
    public static void FinishBoth(SideAggregates first, SideAggregates? second)
    {
        foreach (var side in second is null ? [first] : new[] { first, second })
        {
            var other = ReferenceEquals(side, first) ? second : first;
            foreach (var (file, actions) in side._byFile)
            {
                if (side._fed.Contains(file)) continue;
                side._fed.Add(file);
                if (!side._files.TryGetValue(file, out var cf)) { side.ErrorsOf(file).Add($"gate refers to unknown file {file}"); continue; }
                var path = side.Paths[file]!;
                List<Action<CompiledType, byte[]>>? otherActions = null;
                if (other is not null && other.Paths.TryGetValue(file, out var otherPath) && otherPath == path
                    && !other._fed.Contains(file) && other._byFile.TryGetValue(file, out otherActions))
                {
                    other._fed.Add(file);
                }
                else
                {
                    otherActions = null;
                }
                using var reader = DataSetReader.Open(path, cf.Spec.Format, cf.Lrecl);
                while (reader.Next() is { } rec)
                {
                    var t = cf.TypeOf(rec);
                    side.Feed(file, cf, actions, t, rec, reader.RecordCount);
                    if (otherActions is not null) other!.Feed(file, cf, otherActions, t, rec, reader.RecordCount);
                }
            }
        }
        first.Complete();
        second?.Complete();
    }

    private void Feed(string file, CompiledFile cf, List<Action<CompiledType, byte[]>> actions, CompiledType? t, byte[] rec, long recordNo)
    {
        // A short fixed record is not the record it starts like (the legacy rejects it): not aggregated.
        if (t is null || (cf.Spec.Format == RecordFormat.Fixed && rec.Length < cf.Lrecl)) return;
        foreach (var a in actions)
        {
            try { a(t, rec); }
            catch (FieldDecodeException e)
            {
                var errors = ErrorsOf(file);
                if (errors.Count < 50) errors.Add($"{Side} {file} record {recordNo}: {e.Message}");
            }
        }
    }

    private List<string> ErrorsOf(string file)
    {
        if (!_fileErrors.TryGetValue(file, out var list)) _fileErrors[file] = list = [];
        return list;
    }

    /// <summary>Errors in the order the files were first named by a figure (as one pass per file reports them), then
    /// the figures' final values.</summary>
    private void Complete()
    {
        foreach (var file in _byFile.Keys)
        {
            if (!_fileErrors.TryGetValue(file, out var errors)) continue;
            foreach (var e in errors)
            {
                if (Errors.Count < 50) Errors.Add(e);
            }
        }
        foreach (var f in _finishers) f();
        MarkUnmatched();
    }

    /// <summary>Registers every figure the configuration asks for (the files are read or fed afterwards).</summary>
    public void Prepare(ParityConfig config)
    {
        if (_prepared) throw new InvalidOperationException("prepared already");
        _prepared = true;
        void On(string file, Action<CompiledType, byte[]> a)
        {
            if (!_byFile.TryGetValue(file, out var l)) _byFile[file] = l = [];
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
                        var total = new AmountBox();
                        _finishers.Add(() => Aggregates[id] = total.Value);
                        foreach (var (part, sign) in parts)
                        {
                            if (part.Where.Count > 0 && part.Op == "sum") _unmatched.Add((id, part, parts[0].Spec));
                            // per record type: the filter (null when the type is not the part's) and the summed fields
                            var resolved = new PerType<(Filter? Filter, FieldDef[] Fields)>(t => TypeMatches(part.Type, t)
                                ? (new Filter(t, part.Where), part.Op == "count" ? [] : t.FieldsMatching(part.Field!))
                                : (null, []));
                            var matched = false;
                            _finishers.Add(() => { if (matched) _matched.Add(part); });
                            var count = part.Op == "count";
                            On(part.File, (t, rec) =>
                            {
                                var (filter, fields) = resolved.Get(t);
                                if (filter is null || !filter.Matches(rec)) return;
                                matched = true;
                                if (count)
                                {
                                    total.Value = total.Value.Add(sign, 0);
                                    return;
                                }
                                var cur = total.Value;
                                foreach (var f in fields)
                                    if (!FileComparer.Absent(t, f, rec)) cur = cur.Add(sign * _decoder.DecodeNumber(f, rec), f.Scale);
                                total.Value = cur;
                            });
                        }
                    }
                    break;
                case GateKind.RecordIdentity:
                {
                    if (!Has(g.File!)) continue;
                    Identities[g.Id] = (0, 0, []);
                    long checkedCount = 0, violations = 0;
                    var examples = new List<string>();
                    _finishers.Add(() => Identities[g.Id] = (checkedCount, violations, examples));
                    var filters = new PerType<Filter>(t => new Filter(t, g.Where));
                    var resolved = new PerType<(FieldDef[] Plus, FieldDef[] Minus, FieldDef Result)>(t =>
                        ([.. g.Plus.Select(t.Field)], [.. g.Minus.Select(t.Field)], t.Field(g.Result!)));
                    On(g.File!, (t, rec) =>
                    {
                        if (!TypeMatches(g.Type, t) || !filters.Get(t).Matches(rec)) return;
                        var (plus, minus, rf) = resolved.Get(t);
                        var sum = new Amount(0, 0);
                        foreach (var f in plus) sum = sum.Add(_decoder.DecodeNumber(f, rec), f.Scale);
                        foreach (var f in minus) sum = sum.Add(-_decoder.DecodeNumber(f, rec), f.Scale);
                        var result = new Amount(_decoder.DecodeNumber(rf, rec), rf.Scale);
                        var ok = Amount.AreEqual(sum, result);
                        if (!ok && examples.Count < 10) examples.Add($"{t.KeyOf(rec, checkedCount + 1)}: computed {sum} vs {g.Result} {result}");
                        checkedCount++;
                        if (!ok) violations++;
                    });
                    break;
                }
                case GateKind.GroupTotals:
                {
                    if (!Has(g.File!)) { GroupTotals[g.Id] = null; continue; }
                    var totals = new SortedDictionary<string, Amount>(StringComparer.Ordinal);
                    GroupTotals[g.Id] = totals;
                    var groups = new Dictionary<string, Amount>(StringComparer.Ordinal);
                    var lookup = groups.GetAlternateLookup<ReadOnlySpan<char>>();
                    _finishers.Add(() => { foreach (var (k, v) in groups) totals[k] = v; });
                    var filters = new PerType<Filter>(t => new Filter(t, g.Where));
                    var sums = new PerType<(FieldDef Field, int Offset, int Length)[]>(t => [.. t.FieldsMatching(g.Sum!).Select(f =>
                    {
                        var groupName = g.GroupBy!.EndsWith("(*)", StringComparison.Ordinal) && f.Name.EndsWith(')')
                            ? g.GroupBy[..^3] + f.Name[f.Name.LastIndexOf('(')..] : g.GroupBy;
                        var (o, l) = t.Span(groupName);
                        return (f, o, l);
                    })]);
                    On(g.File!, (t, rec) =>
                    {
                        if (!TypeMatches(g.Type, t) || !filters.Get(t).Matches(rec)) return;
                        Span<char> buffer = stackalloc char[128];
                        foreach (var (f, o, l) in sums.Get(t))
                        {
                            if (FileComparer.Absent(t, f, rec)) continue;
                            var raw = rec.AsSpan(Math.Min(o, rec.Length), Math.Min(l, Math.Max(0, rec.Length - o)));
                            var text = Latin1(raw, raw.Length <= buffer.Length ? buffer : new char[raw.Length]).Trim();
                            var key = text.Length == 0 ? "(blank)".AsSpan() : text;
                            var v = _decoder.DecodeNumber(f, rec);
                            if (v == 0 && key.SequenceEqual("(blank)")) continue;
                            if (lookup.TryGetValue(key, out var cur)) lookup[key] = cur.Add(v, f.Scale);
                            else groups[key.ToString()] = new Amount(v, f.Scale);
                        }
                    });
                    break;
                }
            }
        }

        foreach (var r in config.Rollups)
        {
            if (!Has(r.Child.File)) { Rollups[r.Id] = null; continue; }
            var stats = new Dictionary<string, ChildStats>(StringComparer.Ordinal);
            var lookup = stats.GetAlternateLookup<ReadOnlySpan<char>>();
            Rollups[r.Id] = stats;
            var parentScale = ParentScale(r);
            var filters = new PerType<Filter>(t => new Filter(t, r.Child.Where));
            var resolved = new PerType<((int Offset, int Length)[] Key, FieldDef Field, FieldDef? Precise)>(t =>
                ([.. r.Child.Key.Select(t.Span)], t.Field(r.Child.Field), r.ChildPrecise is not null && parentScale is not null ? t.Field(r.ChildPrecise) : null));
            // a parent's children are usually consecutive (the lines of an entry): the last key is tried first
            string? lastKey = null;
            ChildStats? last = null;
            On(r.Child.File, (t, rec) =>
            {
                if (!TypeMatches(r.Child.Type, t) || !filters.Get(t).Matches(rec)) return;
                var (keySpans, f, pf) = resolved.Get(t);
                var most = keySpans.Length;
                foreach (var (_, l) in keySpans) most += l;
                var key = RollupKey(keySpans, rec, most <= 256 ? stackalloc char[256] : new char[most]);
                ChildStats? s;
                if (last is not null && key.SequenceEqual(lastKey))
                {
                    s = last;
                }
                else
                {
                    if (!lookup.TryGetValue(key, out s)) stats[key.ToString()] = s = new ChildStats();
                    lastKey = key.ToString();
                    last = s;
                }
                s.SumField += _decoder.DecodeNumber(f, rec);
                s.Count++;
                if (pf is not null)
                {
                    var x = _decoder.DecodeNumber(pf, rec);
                    s.PreciseScale = pf.Scale;
                    s.SumPrecise += x;
                    s.SumRoundedHalfUp += Rounding.Round(x, pf.Scale, parentScale!.Value, Rounding.Mode.HalfUp);
                    s.SumTruncated += Rounding.Round(x, pf.Scale, parentScale.Value, Rounding.Mode.Truncate);
                }
            });
        }
    }

    /// <summary><see cref="FileComparer.RollupKey"/> into <paramref name="chars"/> (fields trimmed, joined by '/').</summary>
    private static ReadOnlySpan<char> RollupKey((int Offset, int Length)[] spans, byte[] rec, Span<char> chars)
    {
        var n = 0;
        for (var i = 0; i < spans.Length; i++)
        {
            if (i > 0) chars[n++] = '/';
            var (o, l) = spans[i];
            if (o >= rec.Length) continue;
            var part = Latin1(rec.AsSpan(o, Math.Min(l, rec.Length - o)), chars[n..]).Trim();
            part.CopyTo(chars[n..]);
            n += part.Length;
        }
        return chars[..n];
    }

    /// <summary>Bytes as Latin-1 characters in <paramref name="chars"/> (as Encoding.Latin1 decodes them).</summary>
    private static ReadOnlySpan<char> Latin1(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        var n = Encoding.Latin1.GetChars(bytes, chars);
        return chars[..n];
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
    internal static bool Where(CompiledType t, byte[] rec, Dictionary<string, string> where) => new Filter(t, where).Matches(rec);

    /// <summary>A figure's running sum.</summary>
    private sealed class AmountBox
    {
        public Amount Value = new(0, 0);
    }

    /// <summary>A filter (field = one of the '|'-separated values, trimmed) resolved for one record type.</summary>
    private sealed class Filter
    {
        private readonly (int Offset, int Length, byte[][] Values)[] _tests;

        public Filter(CompiledType t, Dictionary<string, string> where)
        {
            _tests = [.. where.Select(kv =>
            {
                var (o, l) = t.Span(kv.Key);
                return (o, l, WhereValues.GetOrAdd(kv.Value, v => [.. v.Split('|').Select(x => Encoding.Latin1.GetBytes(x.Trim()))]));
            })];
        }

        public bool Matches(byte[] rec)
        {
            foreach (var (o, l, values) in _tests)
            {
                var span = o < rec.Length ? rec.AsSpan(o, Math.Min(l, rec.Length - o)) : [];
                span = span.Trim((byte)' ');
                var ok = false;
                foreach (var v in values)
                    if (span.SequenceEqual(v)) { ok = true; break; }
                if (!ok) return false;
            }
            return true;
        }
    }

    /// <summary>Something resolved once per record type (a file has a handful).</summary>
    private sealed class PerType<T>(Func<CompiledType, T> resolve)
    {
        private (CompiledType Type, T Value)[] _cache = [];

        public T Get(CompiledType t)
        {
            foreach (var (type, value) in _cache)
                if (ReferenceEquals(type, t)) return value;
            var v = resolve(t);
            _cache = [.. _cache, (t, v)];
            return v;
        }
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
