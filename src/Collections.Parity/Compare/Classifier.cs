using System.Globalization;
using Collections.Parity.Config;
using Collections.Parity.Model;

namespace Collections.Parity.Compare;

/// <summary>
/// Explains numeric differences: high-order truncation (a multiple of the PIC's capacity), truncation vs rounding
/// and rounding mode (against the record's higher-precision source), rounding stage (round-then-sum vs
/// sum-then-round over the children of a roll-up), propagation (a total that differs by exactly its parts'
/// differences, traced to them) and reallocation (siblings that moved an amount between them).
/// </summary>
public static class Classifier
{
    private static readonly Rounding.Mode[] Modes = [Rounding.Mode.Truncate, Rounding.Mode.HalfUp, Rounding.Mode.HalfEven, Rounding.Mode.AwayFromZero];

    public static void Classify(List<Difference> diffs, ParityConfig config, IReadOnlyDictionary<string, CompiledFile> files,
        SideAggregates? legacy, SideAggregates? modern)
    {
        // Siblings that net to zero under an unchanged parent are a reallocation, whatever each value looks like alone.
        foreach (var r in config.Rollups) ClassifyReallocation(r, diffs);
        foreach (var d in diffs)
        {
            if (d.Class != DiffClass.Unexplained || d.LegacyUnscaled is null || d.ModernUnscaled is null) continue;
            ClassifyValue(d);
        }
        foreach (var r in config.Rollups) ClassifyRollup(r, diffs, legacy, modern);
        ClassifyDerived(diffs, files);
    }

    /// <summary>High-order truncation, truncation vs rounding, rounding mode, from the values alone.</summary>
    public static void ClassifyValue(Difference d)
    {
        var l = d.LegacyUnscaled!.Value;
        var m = d.ModernUnscaled!.Value;
        var delta = m - l;
        if (d.Digits is > 0 and < 19)
        {
            var cap = FileComparer.Pow10(d.Digits);
            if (delta % cap == 0)
            {
                d.Class = DiffClass.HighOrderTruncation;
                d.Explanation = $"differ by {delta / cap} × 10^{d.Digits} (PIC capacity): the {(Math.Abs(l) < Math.Abs(m) ? "legacy" : "modern")} side lost high-order digits";
                return;
            }
        }
        if (Math.Abs(delta) > 1 || (d.PreciseLegacy is null && d.PreciseModern is null)) return;
        var xl = d.PreciseLegacy ?? d.PreciseModern!.Value;
        var xm = d.PreciseModern ?? xl;
        var lModes = Modes.Where(md => Rounding.Round(xl, d.PreciseScale, d.Scale, md) == l).ToList();
        var mModes = Modes.Where(md => Rounding.Round(xm, d.PreciseScale, d.Scale, md) == m).ToList();
        if (lModes.Count == 0 || mModes.Count == 0) return;
        var src = FileComparer.FormatUnscaled(xl, d.PreciseScale);
        if (lModes.Intersect(mModes).Any()) return;
        var div = FileComparer.Pow10(Math.Max(0, d.PreciseScale - d.Scale));
        var exactHalf = d.PreciseScale > d.Scale && Math.Abs(xl % div) * 2 == div;
        bool Has(List<Rounding.Mode> s, Rounding.Mode m) => s.Contains(m);
        if (exactHalf && ((Has(lModes, Rounding.Mode.HalfEven) && Has(mModes, Rounding.Mode.HalfUp)) || (Has(lModes, Rounding.Mode.HalfUp) && Has(mModes, Rounding.Mode.HalfEven))))
        {
            d.Class = DiffClass.RoundingMode;
            d.Explanation = Has(lModes, Rounding.Mode.HalfEven)
                ? $"{src} is an exact half: legacy rounds half-even, modern half-up"
                : $"{src} is an exact half: legacy rounds half-up, modern half-even (or truncates)";
            return;
        }
        var lOnlyTrunc = lModes.Count == 1 && lModes[0] == Rounding.Mode.Truncate;
        var mOnlyTrunc = mModes.Count == 1 && mModes[0] == Rounding.Mode.Truncate;
        if (lOnlyTrunc != mOnlyTrunc)
        {
            d.Class = DiffClass.Truncation;
            d.Explanation = lOnlyTrunc
                ? $"legacy truncates {src}, modern rounds ({Describe(mModes)})"
                : $"legacy rounds {src} ({Describe(lModes)}), modern truncates";
            return;
        }
        d.Class = DiffClass.RoundingMode;
        d.Explanation = $"{src}: legacy {Describe(lModes)}, modern {Describe(mModes)}";
    }

    private static string Describe(List<Rounding.Mode> modes) =>
        string.Join("/", modes.Select(m => m switch
        {
            Rounding.Mode.HalfUp => "half-up",
            Rounding.Mode.HalfEven => "half-even",
            Rounding.Mode.Truncate => "truncation",
            _ => "away from zero",
        }));

    private static void ClassifyRollup(RollupSpec r, List<Difference> diffs, SideAggregates? legacy, SideAggregates? modern)
    {
        var ls = legacy?.Rollups.GetValueOrDefault(r.Id);
        var ms = modern?.Rollups.GetValueOrDefault(r.Id);
        var children = diffs.Where(d => d.File == r.Child.File && (r.Child.Type == "*" || d.RecordType == r.Child.Type)
                                        && (d.Field == r.Child.Field || d.Field == "(record)") && d.RollupKeys.ContainsKey(r.Id))
            .GroupBy(d => d.RollupKeys[r.Id], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var d in diffs)
        {
            if (d.File != r.Parent.File || d.Field != r.Parent.Field || (r.Parent.Type != "*" && d.RecordType != r.Parent.Type)) continue;
            if (!d.RollupKeys.TryGetValue(r.Id, out var pk)) continue;
            if (children.TryGetValue(pk, out var kids))
                foreach (var k in kids.Take(50))
                    d.Trace.Add($"{k.File} {k.Key} {k.Field} {k.Legacy} → {k.Modern} ({k.Class})");
            if (d.Class != DiffClass.Unexplained || d.LegacyUnscaled is null || d.ModernUnscaled is null) continue;
            var lc = ls?.GetValueOrDefault(pk);
            var mc = ms?.GetValueOrDefault(pk);
            if (lc is not null && mc is not null)
            {
                var childDelta = mc.SumField - lc.SumField;
                if (childDelta != 0 && childDelta == d.Delta)
                {
                    d.Class = DiffClass.Propagated;
                    d.Explanation = $"{r.Level} total differs by the sum of its {r.Child.File} {r.Child.Field} differences ({kids?.Count ?? 0} traced)";
                    continue;
                }
                if (r.ChildPrecise is not null)
                {
                    var ps = lc.PreciseScale;
                    var lA = lc.SumRoundedHalfUp; // round then sum
                    var lB = Rounding.Round(lc.SumPrecise, ps, d.Scale, Rounding.Mode.HalfUp); // sum then round
                    var mA = mc.SumRoundedHalfUp;
                    var mB = Rounding.Round(mc.SumPrecise, ps, d.Scale, Rounding.Mode.HalfUp);
                    var l = d.LegacyUnscaled.Value;
                    var m = d.ModernUnscaled.Value;
                    if (lA != lB && ((l == lB && m == mA) || (l == lA && m == mB)))
                    {
                        d.Class = DiffClass.RoundingStage;
                        d.Explanation = l == lB
                            ? $"legacy sums {lc.Count} unrounded {r.ChildPrecise} then rounds; modern rounds each then sums"
                            : $"legacy rounds each of {lc.Count} {r.ChildPrecise} then sums; modern sums then rounds";
                    }
                }
            }
        }
    }

    private static void ClassifyDerived(List<Difference> diffs, IReadOnlyDictionary<string, CompiledFile> files)
    {
        foreach (var rec in diffs.Where(d => d.Numeric).GroupBy(d => (d.File, d.RecordType, d.Key, d.LegacyRecordNo, d.ModernRecordNo)))
        {
            if (!files.TryGetValue(rec.Key.File, out var cf)) continue;
            var type = cf.Types.FirstOrDefault(t => t.Code == rec.Key.RecordType);
            if (type is null || type.Derived.Count == 0) continue;
            var list = rec.ToList();
            foreach (var d in list)
            {
                if (!type.Derived.TryGetValue(d.Field, out var parts) || d.Class != DiffClass.Unexplained) continue;
                var comps = list.Where(x => x != d && parts.Any(p => Matches(p, x.Field))).ToList();
                if (comps.Count == 0) continue;
                var sum = comps.Sum(x => x.Delta);
                if (sum != d.Delta) continue;
                d.Class = DiffClass.Propagated;
                d.Explanation = "sum of the differences in " + string.Join(", ", comps.Select(c => $"{c.Field} ({c.Class})"));
                foreach (var c in comps) d.Trace.Add($"{c.File} {c.Key} {c.Field} {c.Legacy} → {c.Modern} ({c.Class})");
            }
        }
    }

    private static bool Matches(string pattern, string field) =>
        pattern.EndsWith("(*)", StringComparison.Ordinal)
            ? field.StartsWith(pattern[..^3] + "(", StringComparison.Ordinal) || field == pattern[..^3]
            : field == pattern;

    private static void ClassifyReallocation(RollupSpec r, List<Difference> diffs)
    {
        var parentsWithDiff = diffs.Where(d => d.File == r.Parent.File && d.Field == r.Parent.Field && d.RollupKeys.ContainsKey(r.Id))
            .Select(d => d.RollupKeys[r.Id]).ToHashSet(StringComparer.Ordinal);
        foreach (var g in diffs.Where(d => d.File == r.Child.File && d.Field == r.Child.Field && d.RollupKeys.ContainsKey(r.Id)
                                           && d.Class == DiffClass.Unexplained)
                     .GroupBy(d => d.RollupKeys[r.Id], StringComparer.Ordinal))
        {
            var list = g.ToList();
            if (list.Count < 2 || list.Sum(d => d.Delta) != 0 || parentsWithDiff.Contains(g.Key)) continue;
            foreach (var d in list)
            {
                d.Class = DiffClass.Reallocation;
                d.Explanation = string.Create(CultureInfo.InvariantCulture,
                    $"{list.Count} {r.Child.Field} values of {r.Level} {g.Key} moved {FileComparer.FormatUnscaled(list.Where(x => x.Delta > 0).Sum(x => x.Delta), d.Scale)} between them; the total is unchanged");
            }
        }
    }
}
