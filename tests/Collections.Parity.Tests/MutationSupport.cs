using Collections.Parity.Compare;
using Collections.Parity.Config;
using Collections.Parity.Decoding;
using Collections.Parity.Io;
using Collections.Parity.Layouts;
using Collections.Parity.Model;
using Collections.Parity.Register;
using Collections.Parity.Runs;
using Collections.Testing;

namespace Collections.Parity.Tests;

/// <summary>
/// Builds a "modern" output folder from a legacy capture with a deliberate defect applied to its records (decode,
/// alter, re-encode), and runs the harness on the pair. Stands in for engine mutations until the ports' injectable
/// policies are merged.
/// </summary>
internal sealed class MutatedDay : IDisposable
{
    private readonly TempDir _temp = new();

    public MutatedDay(string legacyDayDir)
        : this(Path.Combine(legacyDayDir, "out"), Path.Combine(legacyDayDir, "in"), Path.GetFileName(legacyDayDir),
               Path.GetFileName(legacyDayDir).Replace("-", "", StringComparison.Ordinal))
    {
    }

    /// <summary>A fixture set (input/, output/) as the legacy day.</summary>
    public static MutatedDay FromFixture(string name)
    {
        var day = FixtureDay.Load(Path.Combine(RepoPaths.LegacyFixtures, name));
        return new MutatedDay(day.OutputDir, day.InputDir, day.Name, day.RunDate);
    }

    public MutatedDay(string legacyOut, string inDir, string name, string runDate)
    {
        LegacyOut = legacyOut;
        InDir = inDir;
        Name = name;
        RunDate = runDate;
        ModernOut = Path.Combine(_temp.Path, "modern");
        CopyDir(legacyOut, ModernOut);
        Config = ParityConfig.Load(Path.Combine(RepoPaths.RepoRoot, "legacy-fixtures", "parity-config.json"));
        Files = Config.Files.Concat(Config.Inputs).ToDictionary(f => f.Name, f => new CompiledFile(f, new CopybookSource([])), StringComparer.Ordinal);
        // What the modern pipeline writes today: the outputs of the ported steps only.
        foreach (var f in Config.Files.Where(f => f.Step is not (null or "*") && !Config.PortedSteps.Contains(f.Step)))
            File.Delete(Path.Combine(ModernOut, f.Name));
        var ctl = Path.Combine(ModernOut, "CTLTOTS");
        if (File.Exists(ctl))
            File.WriteAllLines(ctl, File.ReadAllLines(ctl).Where(l => Config.PortedSteps.Any(s => l.StartsWith(s, StringComparison.Ordinal))));
    }

    public string LegacyOut { get; }
    public string InDir { get; }
    public string Name { get; }
    public string RunDate { get; }
    public string ModernOut { get; }
    public ParityConfig Config { get; }
    public Dictionary<string, CompiledFile> Files { get; }
    public string TempPath => _temp.Path;

    /// <summary>Rewrites a modern file: the function returns the records to write for each record (none = dropped).</summary>
    public void Rewrite(string file, Func<CompiledType, byte[], IEnumerable<byte[]>> change)
    {
        var cf = Files[file];
        var path = Path.Combine(ModernOut, file);
        var records = new List<byte[]>();
        using (var r = DataSetReader.Open(path, cf.Spec.Format, cf.Lrecl))
            while (r.Next() is { } rec) records.AddRange(change(cf.TypeOf(rec)!, rec));
        using var w = File.Create(path);
        foreach (var rec in records)
        {
            if (cf.Spec.Format == RecordFormat.Variable) w.Write([(byte)(rec.Length >> 8), (byte)rec.Length, 0, 0]);
            w.Write(rec);
            if (cf.Spec.Format == RecordFormat.Line) w.WriteByte((byte)'\n');
        }
    }

    /// <summary>Rewrites a whole file at once (for changes that need neighbouring records).</summary>
    public void RewriteAll(string file, Func<CompiledFile, List<byte[]>, List<byte[]>> change)
    {
        var cf = Files[file];
        var path = Path.Combine(ModernOut, file);
        var records = new List<byte[]>();
        using (var r = DataSetReader.Open(path, cf.Spec.Format, cf.Lrecl))
            while (r.Next() is { } rec) records.Add(rec);
        records = change(cf, records);
        using var w = File.Create(path);
        foreach (var rec in records)
        {
            if (cf.Spec.Format == RecordFormat.Variable) w.Write([(byte)(rec.Length >> 8), (byte)rec.Length, 0, 0]);
            w.Write(rec);
            if (cf.Spec.Format == RecordFormat.Line) w.WriteByte((byte)'\n');
        }
    }

    public static long Get(CompiledType t, byte[] rec, string field) => StrictRecordDecoder.Instance.DecodeNumber(t.Field(field), rec);

    public static void Set(CompiledType t, byte[] rec, string field, long value) => StrictRecordDecoder.Encode(t.Field(field), value, rec);

    public RunResult Run(KnownDifferenceRegister? register = null, DateOnly? today = null) =>
        ParityRunner.CompareFolders(
        [
            new DaySides
            {
                Name = Name, RunDate = RunDate, InDir = InDir, LegacyOutDir = LegacyOut, ModernOutDir = ModernOut,
                ModernSteps = ["CLV100", "CLV200"], Mode = "mutation",
            },
        ],
        new ParityRunOptions
        {
            Config = Config, ConfigText = "{}", Register = register ?? KnownDifferenceRegister.Empty(), WorkDir = _temp.Path,
            Today = today ?? new DateOnly(2026, 11, 28),
        });

    internal static void CopyDir(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(f, dest);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dest, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public void Dispose() => _temp.Dispose();
}
