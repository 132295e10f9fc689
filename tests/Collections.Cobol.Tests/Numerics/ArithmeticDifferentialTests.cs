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

    /// <summary>
    /// The evaluator keeps one literal pool per program and follows libcob's NaN after a division by zero. cobc 3.1.2
    /// (legacy flags), A 9(2)V9 0.6, Z 9 0, H S9(3)V9(8) 1, X S9(3)V9(8), B S9(11)V9(6) COMP-3:
    /// COMPUTE X = H / Z + 4 (size error); MULTIPLY A BY 4 GIVING B ROUNDED MODE PROHIBITED -> SZ N (the NaN left operand
    /// skips the alignment); COMPUTE X = A / Z + ( H + 4 ) (size error); the same MULTIPLY -> SZ Y (the subtree after
    /// the NaN still aligned "4" to scale 8).
    /// </summary>
    [Fact]
    public void Evaluate_LiteralsAfterDivisionByZero_FollowCobcNaN()
    {
        var a = new FieldSpec("A", NumericPic.Parse("9(2)V9"), FieldUsage.Display, CobolDecimal.Parse("0.6"));
        var z = new FieldSpec("Z", NumericPic.Parse("9"), FieldUsage.Display, CobolDecimal.Zero);
        var h = new FieldSpec("H", NumericPic.Parse("S9(3)V9(8)"), FieldUsage.Display, CobolDecimal.Parse("1.00000000"));
        var x = new FieldSpec("X", NumericPic.Parse("S9(3)V9(8)"), FieldUsage.Display, CobolDecimal.Zero);
        var b = new FieldSpec("B", NumericPic.Parse("S9(11)V9(6)"), FieldUsage.Packed, CobolDecimal.Zero);
        var four = new LiteralExpr("4", CobolDecimal.Parse("4"));
        ArithCase Compute(Expr e) => new(0, StatementKind.Compute, [a, z, h, x], [], x, null, e, CobolRoundingMode.Truncation, false, true);
        var multiply = new ArithCase(1, StatementKind.MultiplyGiving, [a, b], [new FieldExpr(a), four], b, null, null,
            CobolRoundingMode.Prohibited, true, true);
        var pool = new CobolLiteralPool();

        var c1 = Compute(new BinaryExpr('+', new BinaryExpr('/', new FieldExpr(h), new FieldExpr(z), false), four, false));
        Evaluator.Evaluate(c1, pool).SizeError.Should().BeTrue();
        Evaluator.Evaluate(multiply, pool).SizeError.Should().BeFalse();

        var c2 = Compute(new BinaryExpr('+', new BinaryExpr('/', new FieldExpr(a), new FieldExpr(z), false),
            new BinaryExpr('+', new FieldExpr(h), four, true), false));
        Evaluator.Evaluate(c2, pool).SizeError.Should().BeTrue();
        var after = Evaluator.Evaluate(multiply, pool);
        after.SizeError.Should().BeTrue();
        after.Value.Should().Be(CobolDecimal.Parse("2.4"));
    }
}
