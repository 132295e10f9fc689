using System.Globalization;
using System.Text;
using Collections.Legacy.Pipeline;
using Collections.Parity.Generation;
using Collections.Parity.Legacy;

namespace Collections.Parity.Fuzz;

/// <summary>The outcome of one fuzz case: what was generated and mutated, both sides' return codes, what differed.</summary>
public sealed record FuzzCaseResult(
    ulong Seed, string Description, IReadOnlyList<Mutation> Mutations, int LegacyRc, int ModernRc,
    IReadOnlyList<string> Differences, IReadOnlyList<string> NotProduced, string? KeptDir)
{
    /// <summary>The programs the legacy ran on the case (run-cycle.sh wrote their sysout), in cycle order.</summary>
    public IReadOnlyList<string> StepsRun { get; init; } = [];

    public bool Same => Differences.Count == 0;

    public string Report() =>
        $"seed {Seed.ToString(CultureInfo.InvariantCulture)}: {Description}; mutations: {string.Join("; ", Mutations)}; legacy RC {LegacyRc}, modern RC {ModernRc}"
        + (KeptDir is null ? "" : $"; kept in {KeptDir}") + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", Differences);
}

/// <summary>
/// Differential fuzzing of the whole cycle: a small generated day (generate-day with random options, an old master
/// from <see cref="FuzzOptions.PriorPool"/>) is damaged byte by byte (<see cref="ByteMutator"/>: ENTRYIN, PAYMENTS,
/// SYSIN, the old OPENITEM), run through the real legacy (run-cycle.sh of a built copy, <see cref="LegacySuite"/>) and
/// through <see cref="LegacyCycle"/> in process, and every data set, every sysout, the console lines, the script's
/// error lines and the return codes are compared byte for byte. The data sets of steps the modern side has not
/// ported are reported as not produced (the modern side must not write them); once every step is ported, every
/// file is required. The same seed gives the same case.
/// </summary>
public sealed class CycleFuzzer
{
    /// <summary>OUTDIR data sets and the program that writes each (SYSIN: the script; CTLTOTS: every step, by its lines).</summary>
    public static readonly IReadOnlyList<(string DataSet, string Writer)> DataSets =
    [
        ("SYSIN", "run-cycle.sh"), ("LINECALC", "CLV100"), ("REJECTS", "CLV100"), ("ENTCALC", "CLV200"), ("STMTOUT", "CLV300"),
        ("STMTDTL", "CLV300"), ("OPENITEM", "CLV400"), ("LEDGER", "CLV400"), ("SUSPENSE", "CLV400"), ("CTLTOTS", "*"), ("CLV500.RPT", "CLV500"),
    ];

    private static readonly int[] RunDates = [20241231, 20250102, 20250930, 20251001, 20260224, 20260302, 20260303, 20280229];

    private readonly LegacySuite _suite;
    private readonly FuzzOptions _o;

    public CycleFuzzer(LegacySuite suite, FuzzOptions options)
    {
        _suite = suite ?? throw new ArgumentNullException(nameof(suite));
        _o = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>Runs one case in a folder of its own under <see cref="FuzzOptions.WorkRoot"/>; the folder is kept when the sides differ.</summary>
    public FuzzCaseResult Run(ulong seed)
    {
        var dir = Path.Combine(_o.WorkRoot, "case-" + seed.ToString(CultureInfo.InvariantCulture));
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        var inDir = Path.Combine(dir, "in");
        var rng = new Prng(seed ^ 0xF0220F0220UL);
        var mutations = new List<Mutation>();

        // the day
        var runDate = rng.Pick(RunDates);
        var priorSource = _o.PriorPool.Count > 0 && rng.Chance(3, 5) ? rng.Pick(_o.PriorPool) : null;
        var gen = new DayGeneratorOptions
        {
            RunDate = runDate,
            Entries = rng.Between(1, 6),
            Seed = seed,
            OutDir = inDir,
            RefDir = _o.RefDir,
            PaymentsFrom = priorSource,
            InvalidPpm = rng.Pick([0, 0, 50_000, 300_000]),
            TrailerError = rng.Chance(1, 12) ? (TrailerError)rng.Between(1, 7) : TrailerError.None,
            MeanLines = rng.Between(1, 3),
            Scenarios = rng.Chance(1, 3),
            AgedEntryPpm = rng.Chance(1, 3) ? 300_000 : 0,
            PaymentScenarios = priorSource is not null && rng.Chance(1, 2),
        };
        DayGenerator.Generate(gen);
        File.Delete(Path.Combine(inDir, GenerationSummary.FileName));
        string? prior = null;
        if (priorSource is not null)
        {
            prior = Path.Combine(dir, "prior");
            Directory.CreateDirectory(prior);
            File.Copy(Path.Combine(priorSource, "OPENITEM"), Path.Combine(prior, "OPENITEM"));
        }
        var description = string.Create(CultureInfo.InvariantCulture,
            $"day {runDate}, {gen.Entries} entries x ~{gen.MeanLines} lines, scenarios {gen.Scenarios}, invalid {gen.InvalidPpm / 10_000}%, trailer {gen.TrailerError}, aged {gen.AgedEntryPpm > 0}, prior {(priorSource is null ? "none" : Path.GetFileName(Path.GetDirectoryName(priorSource)))}, payment scenarios {gen.PaymentScenarios}");

        // the damage
        var targets = new List<(string Path, int Length, int Weight)> { (Path.Combine(inDir, "ENTRYIN"), 250, 60), (Path.Combine(inDir, "PAYMENTS"), 50, 20), (Path.Combine(inDir, "SYSIN"), 0, 8) };
        if (prior is not null) targets.Add((Path.Combine(prior, "OPENITEM"), 150, 20));
        var files = rng.Between(1, 2);
        for (var i = 0; i < files; i++)
        {
            var (path, len, _) = targets[rng.PickWeighted([.. targets.Select(t => t.Weight)])];
            var name = Path.GetFileName(path);
            var data = File.Exists(path) ? File.ReadAllBytes(path) : [];
            var count = rng.Between(1, 3);
            // blind bytes, edge values in the copybook's fields, or both
            var mode = name == "SYSIN" ? 0 : rng.Below(3);
            if (name == "SYSIN" && data.Length >= 16 && rng.Chance(3, 4))
            {
                // keep the RUNDATE= card's first 16 columns (run-cycle.sh compares them) and damage the rest
                var tail = ByteMutator.Mutate(data[16..], 0, count, rng, "SYSIN[17..]", mutations);
                data = [.. data[..16], .. tail];
            }
            else if (mode == 1 && FieldMutator.Mutate(data, name, count, rng, mutations)) { }
            else
            {
                data = ByteMutator.Mutate(data, len, count, rng, name, mutations);
                if (mode == 2) FieldMutator.Mutate(data, name, rng.Between(1, 2), rng, mutations);
            }
            // half of the time the ENTRYIN trailer is made to agree again, so the damaged records reach CLV200 and beyond
            if (name == "ENTRYIN" && rng.Chance(1, 2) && RepairTrailer(data)) mutations.Add(new Mutation(name, "repair-trailer", "counts and hash recomputed"));
            File.WriteAllBytes(path, data);
        }

        var (legacyRc, modernRc, diffs, notProduced) = Compare(LegacyDate.Format(runDate), inDir, prior, dir);
        var legacySysout = Path.Combine(dir, "legacy", "sysout");
        var stepsRun = LegacySteps.Cycle.Select(s => s.Program)
            .Where(p => Directory.Exists(legacySysout) && Directory.EnumerateFiles(legacySysout, "*." + p).Any()).ToList();
        string? kept = null;
        if (diffs.Count > 0 || _o.KeepAll) kept = dir;
        else Directory.Delete(dir, recursive: true);
        return new FuzzCaseResult(seed, description, mutations, legacyRc, modernRc, diffs, notProduced, kept) { StepsRun = stepsRun };
    }

    /// <summary>
    /// Runs one day through both sides (OUTDIRs <paramref name="workDir"/>/legacy and /modern) and compares them:
    /// the return codes and the differences (empty = byte-identical), with the data sets not produced for steps not ported.
    /// </summary>
    public (int LegacyRc, int ModernRc, List<string> Differences, List<string> NotProduced) Compare(string runDate, string inDir, string? prior, string workDir)
    {
        var legacyOut = Path.Combine(workDir, "legacy");
        var modernOut = Path.Combine(workDir, "modern");
        Directory.CreateDirectory(legacyOut);
        Directory.CreateDirectory(modernOut);
        var legacy = _suite.RunCycle(runDate, inDir, legacyOut, prior, _o.RefDir, Encoding.Latin1);
        var steps = _o.Steps();
        var console = new StringWriter(CultureInfo.InvariantCulture);
        var errors = new StringWriter(CultureInfo.InvariantCulture);
        var diffs = new List<string>();
        LegacyCycleResult modern;
        try
        {
            modern = new LegacyCycle(steps).Run(runDate, Path.GetFullPath(inDir), Path.GetFullPath(modernOut),
                prior is null ? null : Path.GetFullPath(prior), _o.RefDir, console, errors);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // a port that throws is a difference like any other (the legacy never throws); the rest is not compared
            diffs.Add($"the modern side threw {e.GetType().Name}: {e.Message}{Environment.NewLine}{e.StackTrace}");
            return (legacy.ExitCode, -1, diffs, []);
        }
        var ported = steps.Select(s => s.Program).ToHashSet(StringComparer.Ordinal);
        var notProduced = new List<string>();
        CompareOutputs(legacyOut, modernOut, ported, diffs, notProduced);
        CompareConsole(legacy, console.ToString(), errors.ToString(), modern.MaxReturnCode, ported, diffs);
        return (legacy.ExitCode, modern.MaxReturnCode, diffs, notProduced);
    }

    /// <summary>
    /// Rewrites the last 250-byte record, when it is a trailer (T), with the record and entry counts and the value hash
    /// of the records before it as CLV100 computes them (every record, H records, L records' foreign value when valid).
    /// </summary>
    private static bool RepairTrailer(byte[] data)
    {
        const int len = EntryRecords.Length;
        var whole = data.Length / len;
        if (whole == 0 || data[(whole - 1) * len] != (byte)'T') return false;
        long records = 0, headers = 0, hash = 0;
        for (var r = 0; r < whole - 1; r++)
        {
            var rec = data.AsSpan(r * len, len);
            records++;
            if (rec[0] == (byte)'H') headers++;
            if (rec[0] == (byte)'L' && EntryRecords.TryLineValue(rec, out var v)) hash += v;
        }
        if (records > 9_999_999 || Math.Abs(hash) >= 99_999_999_999_999_999) return false;
        var trailer = new byte[len];
        EntryRecords.WriteTrailer(trailer, records, headers, hash);
        trailer.CopyTo(data, (whole - 1) * len);
        return true;
    }

    private static void CompareOutputs(string legacyOut, string modernOut, HashSet<string> ported, List<string> diffs, List<string> notProduced)
    {
        var all = ported.Count == LegacySteps.Cycle.Count;
        foreach (var (ds, writer) in DataSets)
        {
            var l = Path.Combine(legacyOut, ds);
            var m = Path.Combine(modernOut, ds);
            byte[]? lb = File.Exists(l) ? File.ReadAllBytes(l) : null;
            byte[]? mb = File.Exists(m) ? File.ReadAllBytes(m) : null;
            if (writer == "*" && !all)
            {
                // CTLTOTS: the lines of the ported steps, in the legacy's order
                if (lb is not null)
                {
                    var mine = FilterLines(lb, ported);
                    if (mine.Length < lb.Length) notProduced.Add($"{ds} (lines of steps not ported)");
                    if (mb is null && mine.Length == 0) continue;
                    lb = mine;
                }
                Compare(ds, lb, mb, diffs);
                continue;
            }
            if (writer is "run-cycle.sh" or "*" || ported.Contains(writer))
            {
                Compare(ds, lb, mb, diffs);
                continue;
            }
            if (mb is not null) diffs.Add($"{ds}: written by the modern side although {writer} is not ported");
            if (lb is not null) notProduced.Add(ds);
        }
        var lSys = Path.Combine(legacyOut, "sysout");
        var mSys = Path.Combine(modernOut, "sysout");
        var names = (Directory.Exists(lSys) ? Directory.GetFiles(lSys) : []).Concat(Directory.Exists(mSys) ? Directory.GetFiles(mSys) : [])
            .Select(Path.GetFileName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var program = name!.Split('.').Last();
            byte[]? lb = File.Exists(Path.Combine(lSys, name!)) ? File.ReadAllBytes(Path.Combine(lSys, name!)) : null;
            byte[]? mb = File.Exists(Path.Combine(mSys, name!)) ? File.ReadAllBytes(Path.Combine(mSys, name!)) : null;
            if (ported.Contains(program)) Compare("sysout/" + name, lb, mb, diffs);
            else if (mb is not null) diffs.Add($"sysout/{name}: written by the modern side although {program} is not ported");
            else notProduced.Add("sysout/" + name);
        }
    }

    private static byte[] FilterLines(byte[] data, HashSet<string> programs)
    {
        var text = Encoding.Latin1.GetString(data);
        var keep = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0) continue;
            var step = line.Length >= 8 ? line[..8].TrimEnd() : line.TrimEnd();
            if (programs.Contains(step)) keep.Append(line).Append('\n');
        }
        return Encoding.Latin1.GetBytes(keep.ToString());
    }

    private static void Compare(string name, byte[]? legacy, byte[]? modern, List<string> diffs)
    {
        if (legacy is null && modern is null) return;
        if (legacy is null) { diffs.Add($"{name}: only the modern side wrote it ({modern!.Length} bytes)"); return; }
        if (modern is null) { diffs.Add($"{name}: the modern side did not write it (legacy {legacy.Length} bytes)"); return; }
        var n = Math.Min(legacy.Length, modern.Length);
        var i = 0;
        while (i < n && legacy[i] == modern[i]) i++;
        if (i == n && legacy.Length == modern.Length) return;
        var from = Math.Max(0, i - 16);
        string Hex(byte[] b) => Convert.ToHexString(b, from, Math.Min(48, b.Length - from));
        string Txt(byte[] b) => new(Encoding.Latin1.GetString(b, from, Math.Min(48, b.Length - from)).Select(c => c is >= ' ' and <= '~' ? c : '.').ToArray());
        diffs.Add($"{name}: first difference at byte {i} (legacy {legacy.Length} bytes, modern {modern.Length}); from byte {from}: legacy {Hex(legacy)} |{Txt(legacy)}| modern {Hex(modern)} |{Txt(modern)}|");
    }

    private static void CompareConsole(LegacyRunResult legacy, string console, string errors, int modernRc, HashSet<string> ported, List<string> diffs)
    {
        var l = legacy.StdOut.Split('\n');
        var m = console.Split('\n');
        var all = ported.Count == LegacySteps.Cycle.Count;
        if (l.Length != m.Length) diffs.Add($"console: legacy {l.Length - 1} lines, modern {m.Length - 1}: legacy [{legacy.StdOut.Replace('\n', '|')}] modern [{console.Replace('\n', '|')}]");
        var legacyPortedMax = 0;
        var stoppedByPorted = false;
        for (var i = 0; i < Math.Min(l.Length, m.Length); i++)
        {
            var step = LegacySteps.Cycle.FirstOrDefault(s => l[i].StartsWith("ACSCLV01 " + s.Step + " ", StringComparison.Ordinal));
            if (step.Program is not null && !ported.Contains(step.Program))
            {
                // a step not ported: NOT RUN when a ported step stopped the cycle before it, else NOT PORTED
                var expected = stoppedByPorted ? l[i] : $"ACSCLV01 {step.Step} PGM={step.Program}   NOT PORTED";
                if (m[i] != expected) diffs.Add($"console line {i + 1}: legacy '{l[i]}' modern '{m[i]}' (expected '{expected}')");
                continue;
            }
            if (step.Program is not null && l[i].Contains("RC=", StringComparison.Ordinal))
            {
                var rc = int.Parse(l[i][(l[i].IndexOf("RC=", StringComparison.Ordinal) + 3)..], NumberStyles.None, CultureInfo.InvariantCulture);
                legacyPortedMax = Math.Max(legacyPortedMax, rc);
                if (rc >= 8) stoppedByPorted = true;
            }
            if (!all && l[i].Contains(" ENDED, MAXIMUM RETURN CODE ", StringComparison.Ordinal))
            {
                var expected = l[i][..(l[i].LastIndexOf(' ') + 1)] + legacyPortedMax.ToString("D4", CultureInfo.InvariantCulture);
                if (m[i] != expected) diffs.Add($"console line {i + 1}: modern '{m[i]}', expected '{expected}' (legacy '{l[i]}', steps not ported left out)");
                continue;
            }
            if (l[i] != m[i]) diffs.Add($"console line {i + 1}: legacy '{l[i]}' modern '{m[i]}'");
        }
        var expectedRc = all || legacy.ExitCode == 16 && !l.Any(x => x.Contains("STARTED", StringComparison.Ordinal)) ? legacy.ExitCode : legacyPortedMax;
        if (modernRc != expectedRc) diffs.Add($"return code: legacy {legacy.ExitCode} (ported steps: {expectedRc}), modern {modernRc}");
        // the script's own error lines (stderr) against the cycle's, diagnostics (other lines) aside
        var le = legacy.StdErr.Split('\n').Where(x => x.StartsWith("ACSCLV01 ", StringComparison.Ordinal)).ToList();
        var me = errors.Split('\n').Where(x => x.StartsWith("ACSCLV01 ", StringComparison.Ordinal)).ToList();
        if (!le.SequenceEqual(me, StringComparer.Ordinal)) diffs.Add($"stderr: legacy [{string.Join("|", le)}] modern [{string.Join("|", me)}]");
    }
}

/// <summary>What the fuzzer runs against.</summary>
public sealed record FuzzOptions
{
    /// <summary>Reference tables for both sides (the legacy's ref/).</summary>
    public required string RefDir { get; init; }

    /// <summary>Where each case gets its folder.</summary>
    public required string WorkRoot { get; init; }

    /// <summary>Output folders (OPENITEM, STMTOUT) to take old masters and payments from; a case uses one or none.</summary>
    public IReadOnlyList<string> PriorPool { get; init; } = [];

    /// <summary>The modern steps (a fresh set per case: <see cref="LegacySteps.Discover"/>).</summary>
    public Func<IReadOnlyList<ILegacyStep>> Steps { get; init; } = LegacySteps.Discover;

    /// <summary>Keep every case's folder, not only the differing ones.</summary>
    public bool KeepAll { get; init; }
}
