using System.Globalization;
using Collections.ArithDiff;
using Collections.Cobol.Numerics;
using Collections.Testing;
using Xunit.Abstractions;

namespace Collections.Cobol.Tests.Numerics;

/// <summary>
/// Item 6: random arithmetic statements compiled and run by cobc 3.1.2 with the legacy's flags, compared with
/// Collections.Cobol.Numerics. 20,000 cases (tools/Collections.ArithDiff runs 1,000,000 on demand).
/// </summary>
public class ArithmeticDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void RandomStatements_20000Cases_MatchCobc()
    {
        Cobc.IsAvailable.Should().BeTrue("the differential test needs GnuCOBOL's cobc on PATH");
        using var _ = HostileCulture.Enter();
        var report = DiffRunner.Run(new DiffOptions(Cases: 20_000, Seed: 20_260_101, Jobs: 2, BatchSize: 1000));
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        Collections.ArithDiff.Program.Print(report, w, maxPrint: 50);
        output.WriteLine(w.ToString());
        report.Errors.Should().BeEmpty();
        report.Cases.Should().Be(20_000);
        foreach (var kind in Enum.GetValues<StatementKind>())
            report.CasesPerKind.GetValueOrDefault(kind).Should().BeGreaterThan(500, $"{kind} must be exercised");
        report.SizeErrorsSeen.Should().BeGreaterThan(1000, "overflow and division by zero must be exercised");
        report.Mismatches.Should().BeEmpty(w.ToString());
    }

    [Fact]
    public void Generator_SameSeed_SameStatements()
    {
        var a = new CaseGenerator(7).Generate(200).Select(CobolWriter.StatementText).ToList();
        var b = new CaseGenerator(7).Generate(200).Select(CobolWriter.StatementText).ToList();
        a.Should().Equal(b);
        new CaseGenerator(8).Generate(200).Select(CobolWriter.StatementText).Should().NotEqual(a);
    }

    [Fact]
    public void ParseRawZoned_EbcdicOverpunch_DecodesSignAndNegativeZero()
    {
        var pic = NumericPic.Parse("S999");
        DiffRunner.ParseRawZoned("00}", pic, out var v, out bool nz).Should().BeTrue();
        v.Should().Be(CobolDecimal.Zero);
        nz.Should().BeTrue();
        DiffRunner.ParseRawZoned("12R", pic, out v, out nz).Should().BeTrue();
        v.Should().Be(CobolDecimal.Parse("-129"));
        nz.Should().BeFalse();
        DiffRunner.ParseRawZoned("12=", pic, out _, out _).Should().BeFalse();
    }
}
