using System.Globalization;
using Collections.Parity.Config;
using Collections.Parity.Decoding;
using Collections.Parity.Model;

namespace Collections.Parity.Compare;

/// <summary>What one compared day consists of: inputs, both sides' output folders and return codes.</summary>
public sealed record DaySides
{
    public required string Name { get; init; }
    public required string RunDate { get; init; }
    public string? InDir { get; init; }
    public required string LegacyOutDir { get; init; }
    public string? ModernOutDir { get; init; }
    public IReadOnlyDictionary<string, int> LegacyStepRcs { get; init; } = new Dictionary<string, int>();
    public int? LegacyCycleRc { get; init; }
    public IReadOnlyDictionary<string, int> ModernStepRcs { get; init; } = new Dictionary<string, int>();
    public int? ModernCycleRc { get; init; }

    /// <summary>Steps the modern side ran (null: the configuration's ported steps).</summary>
    public IReadOnlyCollection<string>? ModernSteps { get; init; }
    public string Mode { get; init; } = "fixtures";
}

/// <summary>Compares every configured file of a day, evaluates the gates and return codes, classifies.</summary>
public sealed class DayComparer(ParityConfig config, CopybookSource copybooks, IRecordDecoder? decoder = null)
{
    private readonly Dictionary<string, CompiledFile> _files =
        config.Files.Concat(config.Inputs).ToDictionary(f => f.Name, f => new CompiledFile(f, copybooks), StringComparer.Ordinal);

    public IReadOnlyDictionary<string, CompiledFile> Files => _files;

    public DayResult Compare(DaySides day)
    {
        var result = new DayResult { Name = day.Name, RunDate = day.RunDate, Mode = day.Mode };
        var modernSteps = day.ModernSteps ?? config.PortedSteps;

        // the gates' figures are fed by the comparison's own pass over each file (each data set is read once per side)
        var legacyPaths = Paths(day.LegacyOutDir, day.InDir);
        var modernPaths = day.ModernOutDir is null ? new Dictionary<string, string?>() : Paths(day.ModernOutDir, day.InDir);
        var legacy = new SideAggregates("legacy", legacyPaths, _files.Values, decoder);
        var modern = new SideAggregates("modern", modernPaths, _files.Values, decoder);
        legacy.Prepare(config);
        modern.Prepare(config);

        foreach (var spec in config.Files)
        {
            var expected = spec.Ported ?? (spec.Step is null or "*" || modernSteps.Contains(spec.Step, StringComparer.Ordinal));
            var cf = _files[spec.Name];
            var legacyPath = Path.Combine(day.LegacyOutDir, spec.Name);
            var modernPath = day.ModernOutDir is null ? null : Path.Combine(day.ModernOutDir, spec.Name);
            var fr = new FileComparer(cf, decoder, config.Rollups).Compare(
                legacyPath, modernPath, result.Differences, expected && day.ModernOutDir is not null,
                step => modernSteps.Contains(step, StringComparer.Ordinal),
                File.Exists(legacyPath) && legacyPaths[spec.Name] == legacyPath ? legacy.Sink(spec.Name) : null,
                modernPath is not null && File.Exists(modernPath) && modernPaths[spec.Name] == modernPath ? modern.Sink(spec.Name) : null);
            result.Files.Add(fr);
        }
        SideAggregates.FinishBoth(legacy, modern);
        foreach (var e in legacy.Errors.Concat(modern.Errors)) result.Notes.Add(e);

        Classifier.Classify(result.Differences, config, _files, legacy, modern);
        Gates(result, legacy, modern);
        ReturnCodes(day, result, modernSteps);

        foreach (var d in result.Differences) d.Day = day.Name;
        foreach (var fr in result.Files)
        {
            foreach (var d in result.Differences.Where(x => x.File == fr.Name && x.IsMoney)) fr.Impact.Add(d.Cents);
            result.Impact.Add(fr.Impact);
        }
        var headline = new Impact();
        var headlineProduced = config.Headline.Any(h => result.Files.Any(f => h.StartsWith(f.Name + ".", StringComparison.Ordinal)
                                                                          && f.Status is not (FileStatus.NotProduced or FileStatus.Absent)));
        foreach (var d in result.Differences.Where(d => config.Headline.Contains(d.File + "." + d.Field, StringComparer.Ordinal)))
            headline.Add(d.Cents);
        result.HeadlineImpact = headlineProduced ? headline : result.Impact;
        return result;
    }

    private Dictionary<string, string?> Paths(string outDir, string? inDir)
    {
        var d = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var f in config.Files) d[f.Name] = Path.Combine(outDir, f.Name);
        foreach (var f in config.Inputs) d[f.Name] = inDir is null ? null : Path.Combine(inDir, f.Name);
        return d;
    }

    private void Gates(DayResult result, SideAggregates legacy, SideAggregates modern)
    {
        // Record counts by type, per file.
        foreach (var fr in result.Files.Where(f => f.Status is not (FileStatus.NotProduced or FileStatus.Absent)))
        {
            var types = fr.LegacyTypeCounts.Keys.Union(fr.ModernTypeCounts.Keys).OrderBy(k => k, StringComparer.Ordinal);
            long Legacy(string t) => fr.LegacyTypeCounts.GetValueOrDefault(t) - fr.NotProducedTypeCounts.GetValueOrDefault(t);
            var detail = string.Join(", ", types.Select(t => $"{t}: {Legacy(t)} vs {fr.ModernTypeCounts.GetValueOrDefault(t)}"))
                         + (fr.NotProducedRecords > 0 ? $" (legacy records of steps not ported excluded: {fr.NotProducedRecords})" : "");
            var holds = types.All(t => Legacy(t) == fr.ModernTypeCounts.GetValueOrDefault(t));
            var g = new GateResult { Id = "counts:" + fr.Name, Description = $"{fr.Name} record counts by type (legacy vs modern)", Side = "compare", Holds = holds, Detail = detail };
            result.Gates.Add(g);
            if (!holds) AddGateDifference(result, g, "legacy counts", "modern counts");
        }

        foreach (var gate in config.Gates)
        {
            switch (gate.Kind)
            {
                case GateKind.Equals:
                {
                    var l = Eval(legacy, gate);
                    var m = Eval(modern, gate);
                    var gl = new GateResult { Id = gate.Id, Description = gate.Description, Side = "legacy", Holds = l.Holds, Detail = l.Detail };
                    var gm = new GateResult { Id = gate.Id, Description = gate.Description, Side = "modern", Holds = m.Holds, Detail = m.Detail };
                    result.Gates.Add(gl);
                    result.Gates.Add(gm);
                    if (m.Holds is not null && l.Holds is not null && (m.Holds != l.Holds || l.Values != m.Values))
                        AddGateDifference(result, gm, gl.Detail, gm.Detail);
                    break;
                }
                case GateKind.RecordIdentity:
                {
                    foreach (var side in new[] { legacy, modern })
                    {
                        if (!side.Identities.TryGetValue(gate.Id, out var r)) continue;
                        var g = new GateResult
                        {
                            Id = gate.Id, Description = gate.Description, Side = side.Side, Holds = r.Violations == 0,
                            Detail = $"{r.Checked} records checked, {r.Violations} violations" + (r.Examples.Count > 0 ? ": " + string.Join("; ", r.Examples) : ""),
                        };
                        result.Gates.Add(g);
                        if (side == modern && r.Violations > 0 && legacy.Identities.GetValueOrDefault(gate.Id).Violations != r.Violations)
                            AddGateDifference(result, g, "", g.Detail);
                    }
                    break;
                }
                case GateKind.GroupTotals:
                {
                    var lt = legacy.GroupTotals.GetValueOrDefault(gate.Id);
                    var mt = modern.GroupTotals.GetValueOrDefault(gate.Id);
                    if (lt is null || mt is null)
                    {
                        result.Gates.Add(new GateResult { Id = gate.Id, Description = gate.Description, Side = "compare", Holds = null, Detail = "not evaluated: file missing on a side" });
                        break;
                    }
                    var groups = lt.Keys.Union(mt.Keys).OrderBy(k => k, StringComparer.Ordinal).ToList();
                    var bad = new List<string>();
                    foreach (var k in groups)
                    {
                        var a = lt.GetValueOrDefault(k);
                        var b = mt.GetValueOrDefault(k);
                        if (Amount.AreEqual(a, b)) continue;
                        bad.Add(k);
                        var s = Math.Max(a.Scale, b.Scale);
                        var delta = b.Rescale(s).Unscaled - a.Rescale(s).Unscaled;
                        result.Differences.Add(new Difference
                        {
                            File = "gate:" + gate.Id, RecordType = "*", Key = k, Field = gate.Sum ?? "", Class = DiffClass.Gate,
                            Legacy = a.ToString(), Modern = b.ToString(), Numeric = true, Scale = s, Delta = delta,
                            Explanation = $"{gate.Description}: group {k} differs", IsMoney = false,
                        });
                    }
                    result.Gates.Add(new GateResult
                    {
                        Id = gate.Id, Description = gate.Description, Side = "compare", Holds = bad.Count == 0,
                        Detail = string.Join(", ", groups.Select(k => $"{k}: {lt.GetValueOrDefault(k)} vs {mt.GetValueOrDefault(k)}")),
                    });
                    break;
                }
            }
        }
    }

    private static (bool? Holds, string Detail, string Values) Eval(SideAggregates side, GateSpec gate)
    {
        var l = side.Aggregates.GetValueOrDefault(gate.Left!.ToString());
        var r = side.Aggregates.GetValueOrDefault(gate.Right!.ToString());
        if (l is null || r is null) return (null, "not evaluated: " + (l is null ? gate.Left.File : gate.Right.File) + " not available", "");
        var holds = Amount.AreEqual(l.Value, r.Value);
        return (holds, $"{gate.Left} = {l.Value}, {gate.Right} = {r.Value}", $"{l.Value}|{r.Value}");
    }

    private static void AddGateDifference(DayResult result, GateResult g, string legacy, string modern) =>
        result.Differences.Add(new Difference
        {
            File = "gate:" + g.Id, RecordType = "*", Key = g.Side, Field = "(gate)", Class = DiffClass.Gate,
            Legacy = legacy, Modern = modern, Explanation = g.Description,
        });

    private static void ReturnCodes(DaySides day, DayResult result, IReadOnlyCollection<string> modernSteps)
    {
        var ported = new HashSet<string>(modernSteps, StringComparer.Ordinal);
        var ran = day.ModernOutDir is not null;
        foreach (var step in day.LegacyStepRcs.Keys.Union(day.ModernStepRcs.Keys).OrderBy(s => s, StringComparer.Ordinal))
        {
            int? l = day.LegacyStepRcs.TryGetValue(step, out var lv) ? lv : null;
            int? m = day.ModernStepRcs.TryGetValue(step, out var mv) ? mv : null;
            var rc = new ReturnCodeResult { Step = step, Legacy = l, Modern = m, Compared = ran && ported.Contains(step) && day.ModernStepRcs.Count > 0 };
            result.ReturnCodes.Add(rc);
            if (!rc.Equal) AddRcDifference(result, step, l, m);
        }
        if (ran && day.ModernCycleRc is not null)
        {
            // The cycle's RC is the highest step RC: compare it over the steps both sides ran.
            var legacyRcs = day.LegacyStepRcs.Where(kv => ported.Contains(kv.Key)).Select(kv => kv.Value).ToList();
            int? l = legacyRcs.Count > 0 ? legacyRcs.Max() : day.LegacyCycleRc;
            var rc = new ReturnCodeResult { Step = "CYCLE", Legacy = l, Modern = day.ModernCycleRc, Compared = l is not null };
            result.ReturnCodes.Add(rc);
            if (!rc.Equal) AddRcDifference(result, "CYCLE", l, day.ModernCycleRc);
        }
    }

    private static void AddRcDifference(DayResult result, string step, int? l, int? m) =>
        result.Differences.Add(new Difference
        {
            File = "rc:" + step, RecordType = "*", Key = step, Field = "(return code)", Class = DiffClass.ReturnCode,
            Legacy = l?.ToString("D4", CultureInfo.InvariantCulture) ?? "(not run)",
            Modern = m?.ToString("D4", CultureInfo.InvariantCulture) ?? "(not run)",
            Explanation = "return codes differ",
        });
}
