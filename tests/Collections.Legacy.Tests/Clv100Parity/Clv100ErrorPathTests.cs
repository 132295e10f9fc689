using System.Diagnostics;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv100Parity;

/// <summary>
/// Bad input and bad reference data: the legacy's own garbage cases (tests/garbage/make_cases.py), damaged
/// reference tables (empty, invalid numeric, out of sequence, full, missing), bad control cards. Same RC and
/// byte-identical CLV100 outputs (including which data sets exist after an abend) and sysout messages.
/// </summary>
public class Clv100ErrorPathTests
{
    private static readonly Lazy<string> GarbageWork = new(BuildGarbageCases);

    private static string BuildGarbageCases()
    {
        var work = Path.Combine(Path.GetTempPath(), "clv100-garbage-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var psi = new ProcessStartInfo("python3") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(RepoPaths.LegacyHome, "tests", "garbage", "make_cases.py"));
        psi.ArgumentList.Add(work);
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("make_cases.py failed: " + err);
        return work;
    }

    public static TheoryData<string> GarbageCases =>
    [
        "G01-EMPTY-ENTRYIN", "G02-TRUNCATED-LAST", "G03-TRUNCATED-MIDFILE", "G04-BAD-PACKED", "G05-BAD-CHECK-DIGIT",
        "G06-UNKNOWN-HTS", "G07-MISSING-RATE", "G08-HASH-MISMATCH", "G09-BAD-CONTROL-CARD", "G10-EMPTY-REF-TABLE",
        "G11-MISSING-REF-FILE", "G12-BAD-REF-RECORD", "G13-BAD-PAYMENTS", "G14-RECORD-AFTER-TRAILER", "G15-SEQUENCE-ERRORS",
        "G16-BAD-HEADER-FIELDS", "G17-EMPTY-PAYMENTS",
    ];

    [Theory]
    [MemberData(nameof(GarbageCases))]
    public void LegacyRun_LegacyGarbageCase_SameOutcome(string name)
    {
        var caseDir = Path.Combine(GarbageWork.Value, name);
        var runDate = File.ReadAllLines(Path.Combine(caseDir, "CASE"))[0];
        var refDir = Path.Combine(caseDir, "ref");
        using var temp = new TempDir("clv100-g");
        var o = Clv100Harness.Run(temp, runDate, Path.Combine(caseDir, "in"), Directory.Exists(refDir) ? refDir : null);
        Clv100Harness.AssertSame(o);
    }

    public static TheoryData<string, string> TableDamage => new()
    {
        { "TARIFF.DAT", "empty" }, { "CH99.DAT", "empty" }, { "ADCVD.DAT", "empty" }, { "SPI.DAT", "empty" }, { "FEES.DAT", "empty" },
        { "TARIFF.DAT", "swap" }, { "CH99.DAT", "swap" }, { "ADCVD.DAT", "swap" }, { "EXRATE.DAT", "swap" }, { "SPI.DAT", "swap" }, { "FEES.DAT", "swap" },
        { "TARIFF.DAT", "badnum" }, { "CH99.DAT", "badnum" }, { "ADCVD.DAT", "badnum" }, { "EXRATE.DAT", "badnum" }, { "FEES.DAT", "badnum" },
        { "TARIFF.DAT", "badcode" }, { "ADCVD.DAT", "badcode" }, { "EXRATE.DAT", "badcode" }, { "EXRATE.DAT", "zero" },
        { "SPI.DAT", "full" }, { "FEES.DAT", "full" }, { "CH99.DAT", "full" },
        { "CH99.DAT", "missing" }, { "FEES.DAT", "missing" }, { "SPI.DAT", "short" },
    };

    [Theory]
    [MemberData(nameof(TableDamage))]
    public void LegacyRun_DamagedReferenceTable_SameOutcome(string file, string damage)
    {
        using var temp = new TempDir("clv100-ref");
        var refDir = temp.Combine("ref");
        Directory.CreateDirectory(refDir);
        foreach (var f in Directory.GetFiles(Clv100Harness.Legacy.RefDir)) File.Copy(f, Path.Combine(refDir, Path.GetFileName(f)));
        var path = Path.Combine(refDir, file);
        var lines = File.ReadAllLines(path, System.Text.Encoding.Latin1).ToList();
        switch (damage)
        {
            case "empty": lines.Clear(); break;
            case "swap": (lines[1], lines[2]) = (lines[2], lines[1]); break;
            case "badnum":
                int at = file switch { "TARIFF.DAT" => 33, "CH99.DAT" => 43, "ADCVD.DAT" => 20, "EXRATE.DAT" => 20, _ => 26 };
                lines[2] = lines[2][..at] + "X" + lines[2][(at + 1)..];
                break;
            case "badcode":
                int c = file switch { "TARIFF.DAT" => 29, "ADCVD.DAT" => 14, _ => 4 };
                lines[1] = lines[1][..c] + "Z" + lines[1][(c + 1)..];
                break;
            case "zero": lines[0] = lines[0][..15] + "000000000000" + lines[0][27..]; break;
            case "full":
                var last = lines[^1];
                var extra = Enumerable.Range(1, 101).Select(i => file switch
                {
                    "SPI.DAT" => "Z" + (char)('0' + i % 10) + (i > 9 ? "" : "") + " N EXTRA",
                    "FEES.DAT" => "999 " + (20000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) + " 99999999 F 0000000 0000000 0000000 0000001 EXTRA",
                    _ => "9999" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + " ** 20250101 99999999 0100000 00 00 999 EXTRA",
                }).Distinct().ToList();
                if (file == "SPI.DAT")
                    extra = Enumerable.Range(0, 60).Select(i => "Z" + (char)('A' + i % 26) + (i >= 26 ? "" : "")).Distinct()
                        .Concat(Enumerable.Range(0, 40).Select(i => "z" + (char)('A' + i % 26))).Distinct().Select(k => k + " N EXTRA").ToList();
                lines.AddRange(extra);
                lines.Sort(StringComparer.Ordinal);
                break;
            case "missing": File.Delete(path); lines = null!; break;
            case "short": lines.Insert(0, ""); break;
        }
        if (lines is not null) File.WriteAllText(path, lines.Count == 0 ? "" : string.Join("\n", lines) + "\n", System.Text.Encoding.Latin1);
        var o = Clv100Harness.Run(temp, "20260302", Path.Combine(RepoPaths.LegacyHome, "sample", "2026-03-02", "in"), refDir);
        Clv100Harness.AssertSame(o);
        o.PortedRc.Should().BeGreaterThanOrEqualTo(damage == "short" ? 0 : 8);
    }

    [Theory]
    [InlineData("RUNDATE=20260230\n")]
    [InlineData("RUNDATE=20260302 EXTRA TEXT ON THE CARD\n")]
    [InlineData("RUNDATE=20260302")]
    [InlineData("RUNDATE=20260302\r\n")]
    [InlineData("RUNDATE=2026030\r\n")]
    public void LegacyRun_ControlCard_SameOutcome(string card)
    {
        using var temp = new TempDir("clv100-card");
        var inDir = temp.Combine("in");
        Directory.CreateDirectory(inDir);
        File.Copy(Path.Combine(RepoPaths.LegacyHome, "sample", "2026-03-02", "in", "ENTRYIN"), Path.Combine(inDir, "ENTRYIN"));
        File.WriteAllText(Path.Combine(inDir, "SYSIN"), card);
        var runDate = card.Substring(8, 8);
        var o = Clv100Harness.Run(temp, runDate, inDir);
        Clv100Harness.AssertSame(o);
    }

    [Fact]
    public void LegacyRun_SysinDoesNotMatchRunDate_Rc16LikeRunCycle()
    {
        using var temp = new TempDir("clv100-mismatch");
        var inDir = temp.Combine("in");
        Directory.CreateDirectory(inDir);
        File.Copy(Path.Combine(RepoPaths.LegacyHome, "sample", "2026-03-02", "in", "ENTRYIN"), Path.Combine(inDir, "ENTRYIN"));
        File.WriteAllText(Path.Combine(inDir, "SYSIN"), "RUNDATE=20260301\n");
        var legacy = Clv100Harness.Legacy.RunCycle("20260302", inDir, temp.Combine("l"));
        var console = new StringWriter();
        var errors = new StringWriter();
        var r = new Collections.Legacy.Pipeline.LegacyCycle([new Collections.Legacy.Clv100.Clv100Step()]).Run("20260302", inDir, temp.Combine("p"), null, Clv100Harness.Legacy.RefDir, console, errors);
        r.MaxReturnCode.Should().Be(16).And.Be(legacy.ExitCode);
        console.ToString().Should().Be(legacy.StdOut);
        errors.ToString().Should().Be(legacy.StdErr);
    }

    [Fact]
    public void LegacyRun_MissingEntryin_Rc16()
    {
        using var temp = new TempDir("clv100-noentry");
        var inDir = temp.Combine("in");
        Directory.CreateDirectory(inDir);
        var o = Clv100Harness.Run(temp, "20260302", inDir);
        Clv100Harness.AssertSame(o);
        o.PortedRc.Should().Be(16);
    }
}
