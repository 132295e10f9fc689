using System.Text;
using Collections.Parity.Generation;
using Collections.Testing;
using static Collections.Parity.Tests.Generation.GenerationTestSupport;

namespace Collections.Parity.Tests.Generation;

/// <summary>Differential: the real legacy (cobc build of ../shared/legacy) run on generated days.</summary>
public sealed class GeneratedDayLegacyTests
{
    [Fact]
    public void ValidDay_LegacyAcceptsEverythingWithReturnCode0()
    {
        using var t = new TempDir();
        var inDir = t.Combine("in");
        var r = DayGenerator.Generate(Options(inDir, entries: 140, seed: 2026, scenarios: true, meanLines: 2));
        var run = RunLegacy("20260302", inDir, t.Combine("out"));
        run.ExitCode.Should().Be(0, run.StdOut);
        Rejects(t.Combine("out")).Should().BeEmpty();
        var ctl = File.ReadAllLines(t.Combine("out", "CTLTOTS"));
        Count(ctl, "CLV100", "ENTRIES ACCEPTED").Should().Be(r.Headers);
        Count(ctl, "CLV100", "LINES ASSESSED").Should().Be(r.Lines);
        Count(ctl, "CLV200", "ENTRIES WRITTEN").Should().Be(r.Headers);
    }

    [Fact]
    public void CoverageDay_ReachesTheBranchesOfClv100AndClv200()
    {
        using var t = new TempDir();
        var inDir = t.Combine("in");
        DayGenerator.Generate(Options(inDir, entries: 110, seed: 1, scenarios: true, meanLines: 2));
        var run = RunLegacy("20260302", inDir, t.Combine("out"));
        run.ExitCode.Should().Be(0, run.StdOut);
        var ctl = File.ReadAllLines(t.Combine("out", "CTLTOTS"));
        Count(ctl, "CLV200", "MPF MINIMUM APPLIED").Should().BePositive();
        Count(ctl, "CLV200", "MPF MAXIMUM APPLIED").Should().BePositive();
        Count(ctl, "CLV200", "HMF NOT CHARGED").Should().BePositive();
        Count(ctl, "CLV200", "HMF 501").Should().BePositive();
        Count(ctl, "CLV200", "INFORMAL ENTRY FEE").Should().BePositive();
        Count(ctl, "CLV200", "MANUAL SURCHARGE").Should().BePositive();
        Count(ctl, "CLV200", "COTTON FEE").Should().BePositive();

        // LINECALC: rate sources U/Q/D (the 5% rule used), SPI-free lines, rate types F/A/S/C, Chapter 99 numbers
        // applied and not applied (stacking), AD and CVD deposits
        var lc = File.ReadAllBytes(t.Combine("out", "LINECALC"));
        var sources = new HashSet<char>();
        var rateTypes = new HashSet<char>();
        var spiFree = 0;
        var ch99Applied = new HashSet<char>();
        var adcvdTypes = new HashSet<char>();
        for (var off = 0; off < lc.Length; off += 250)
        {
            var rec = lc.AsSpan(off, 250);
            sources.Add((char)rec[67]);
            rateTypes.Add((char)rec[111]);
            if (rec[122] == (byte)'Y') spiFree++;
            for (var i = 0; i < 3; i++) ch99Applied.Add((char)rec[130 + (i * 25) + 17]);
            adcvdTypes.Add((char)rec[215]);
        }
        sources.Should().Contain(['U', 'Q', 'D']);
        rateTypes.Should().Contain(['F', 'A', 'S', 'C']);
        spiFree.Should().BePositive();
        ch99Applied.Should().Contain(['Y', 'N']);
        adcvdTypes.Should().Contain(['A', 'C']);
    }

    [Fact]
    public void InvalidRateDay_LegacyRejectsExactlyThePlantedDefects()
    {
        using var t = new TempDir();
        var inDir = t.Combine("in");
        var r = DayGenerator.Generate(Options(inDir, entries: 120, seed: 31, invalidPpm: 250_000, meanLines: 2));
        var run = RunLegacy("20260302", inDir, t.Combine("out"));
        run.ExitCode.Should().Be(4, run.StdOut);
        var rejects = Rejects(t.Combine("out"));

        // every reason code CLV100 can give a record, each at least once
        var codes = rejects.Select(x => x.Code).ToHashSet(StringComparer.Ordinal);
        string[] all = ["R001", "H001", "H002", "H003", "H004", "H005", "H006", "H007", "H008", "H009", "H010", "H011", "H012",
            "H013", "H014", "H015", "L001", "L002", "L003", "L004", "L005", "L006", "L007", "L008", "L009", "L010", "L011",
            "L012", "L013", "W001", "W002"];
        codes.Should().BeEquivalentTo(all);

        // the counts per code are the generator's expectation, and each planted defect is reported at its record
        GenerationTestSupport.Count(rejects.Select(x => x.Code)).Should().BeEquivalentTo(r.ExpectedRejectCodes);
        var reported = rejects.ToHashSet();
        foreach (var d in r.Defects) reported.Should().Contain((d.RecordNo, d.ReasonCode), d.ToString());
    }

    [Theory]
    [InlineData(TrailerError.Count)]
    [InlineData(TrailerError.Entries)]
    [InlineData(TrailerError.Hash)]
    [InlineData(TrailerError.NonNumeric)]
    [InlineData(TrailerError.Missing)]
    [InlineData(TrailerError.ShortLast)]
    [InlineData(TrailerError.AfterTrailer)]
    public void TrailerError_StopsTheCycleWithReturnCode8AndItsReason(TrailerError error)
    {
        using var t = new TempDir();
        var inDir = t.Combine("in");
        DayGenerator.Generate(Options(inDir, entries: 5, seed: 8, trailer: error));
        var run = RunLegacy("20260302", inDir, t.Combine("out"));
        run.ExitCode.Should().Be(8, run.StdOut);
        run.StdOut.Should().Contain("STEP020 PGM=CLV200   NOT RUN");
        Rejects(t.Combine("out")).Select(x => x.Code).Should().BeEquivalentTo(error.ReasonCodes());
    }

    [Fact]
    public void PaymentsFromPriorCycle_AppliedAndSuspendedAsGenerated()
    {
        using var t = new TempDir();
        DayGenerator.Generate(Options(t.Combine("in1"), runDate: 20260302, entries: 40, seed: 41, meanLines: 2));
        RunLegacy("20260302", t.Combine("in1"), t.Combine("out1")).ExitCode.Should().Be(0);
        var r = DayGenerator.Generate(Options(t.Combine("in2"), runDate: 20260303, entries: 20, seed: 42, meanLines: 2,
            paymentsFrom: t.Combine("out1"), invalidPpm: 20_000));
        r.Payments.Should().BePositive();
        new FileInfo(t.Combine("in2", "PAYMENTS")).Length.Should().Be((r.Payments * 50) - 50 + 31);
        var run = RunLegacy("20260303", t.Combine("in2"), t.Combine("out2"), t.Combine("out1"));
        run.ExitCode.Should().Be(4, run.StdOut);
        var suspense = Suspense(t.Combine("out2"));
        var expected = r.ExpectedRejectCodes.Where(kv => kv.Key[0] == 'S').ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        GenerationTestSupport.Count(suspense).Should().BeEquivalentTo(expected);
        var ctl = File.ReadAllLines(t.Combine("out2", "CTLTOTS"));
        Count(ctl, "CLV400", "PAYMENTS APPLIED").Should().BePositive();
        Count(ctl, "CLV400", "OVERPAYMENTS TO REFUND").Should().BePositive();
    }

    private static long Count(string[] ctlTots, string step, string description)
    {
        var line = ctlTots.First(l => l.StartsWith(step, StringComparison.Ordinal) && l.AsSpan(21).StartsWith(description, StringComparison.Ordinal));
        return long.Parse(line.AsSpan(52, 9), System.Globalization.CultureInfo.InvariantCulture);
    }
}
