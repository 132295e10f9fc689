using Collections.Testing;

namespace Collections.Parity.Tests.Generation;

[Collection("console")]
public sealed class GenerateCommandTests
{
    [Fact]
    public void GenerateDay_UnderTurkishCulture_WritesTheDay()
    {
        using var t = new TempDir();
        using var _ = HostileCulture.Enter();
        var rc = Collections.Cli.Program.BuildRoot().Parse(["generate-day", "--rundate", "20260302", "--entries", "5", "--seed", "3",
            "--out", t.Path, "--invalid-rate", "0.5", "--ref", GenerationTestSupport.RefDir]).Invoke();
        rc.Should().Be(0);
        new FileInfo(t.Combine("ENTRYIN")).Length.Should().BePositive();
        File.ReadAllText(t.Combine("generation.json")).Should().Contain("\"invalidRate\": \"0.5\"");
    }

    [Theory]
    [InlineData("--rundate", "20260230")]
    [InlineData("--invalid-rate", "1.5")]
    [InlineData("--trailer-error", "sideways")]
    [InlineData("--profile", "sideways")]
    [InlineData("--ch99-count-weights", "60,x,10")]
    [InlineData("--ch99-count-weights", "60,30")]
    [InlineData("--adcvd-percent", "101")]
    [InlineData("--line-spread", "-1")]
    [InlineData("--aged-entries", "1.5")]
    [InlineData("--aged-entries", "x")]
    public void GenerateDay_BadArgument_ExitCode2(string option, string value)
    {
        using var t = new TempDir();
        var args = new List<string> { "generate-day", "--rundate", "20260302", "--entries", "5", "--out", t.Path, "--ref", GenerationTestSupport.RefDir };
        var i = args.IndexOf(option);
        if (i >= 0) args[i + 1] = value;
        else args.AddRange([option, value]);
        Collections.Cli.Program.BuildRoot().Parse(args).Invoke().Should().Be(2);
    }

    [Fact]
    public void GenerateDay_ProfileAndOverrides_ShapeInTheSummary()
    {
        using var t = new TempDir();
        var rc = Collections.Cli.Program.BuildRoot().Parse(["generate-day", "--rundate", "20260302", "--entries", "5", "--out", t.Path,
            "--ref", GenerationTestSupport.RefDir, "--profile", "ch99-adcvd", "--adcvd-percent", "10", "--payment-type-weights", "1,0,0,1"]).Invoke();
        rc.Should().Be(0);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(t.Combine("generation.json")));
        var shape = json.RootElement.GetProperty("shape");
        shape.GetProperty("adcvdPercent").GetInt32().Should().Be(10, "the option overrides the profile");
        shape.GetProperty("chapter99Percent").GetInt32().Should().Be(100, "from the profile");
        shape.GetProperty("paymentTypeWeights").EnumerateArray().Select(e => e.GetInt32()).Should().Equal(1, 0, 0, 1);
        json.RootElement.GetProperty("meanLines").GetInt32().Should().Be(10, "the profile's mean");
    }

    [Fact]
    public void GenerateDay_PaymentScenariosWithoutAPrior_ExitCode2()
    {
        using var t = new TempDir();
        Collections.Cli.Program.BuildRoot().Parse(["generate-day", "--rundate", "20260302", "--entries", "2", "--out", t.Path,
            "--ref", GenerationTestSupport.RefDir, "--payment-scenarios"]).Invoke().Should().Be(2);
    }

    [Fact]
    public void GenerateDay_AgedEntriesAndPaymentScenarios_WrittenToGenerationJson()
    {
        using var t = new TempDir();
        using var _ = HostileCulture.Enter();
        var prior = Path.Combine(RepoPaths.LegacyFixtures, "chain-fy-2-20250929", "output");
        Collections.Cli.Program.BuildRoot().Parse(["generate-day", "--rundate", "20250930", "--entries", "3", "--out", t.Path,
            "--ref", GenerationTestSupport.RefDir, "--aged-entries", "0.5", "--payments-from", prior, "--payment-scenarios"]).Invoke().Should().Be(0);
        var json = File.ReadAllText(t.Combine("generation.json"));
        json.Should().Contain("\"agedEntries\": \"0.5\"").And.Contain("\"paymentScenarios\": true").And.Contain("\"scenarioPayments\"");
    }

    [Theory]
    [InlineData("sideways", 2)]
    [InlineData("out-of-sequence", 0)]
    public void DamageMaster_Defect_ExitCode(string defect, int expected)
    {
        using var t = new TempDir();
        var master = Path.Combine(RepoPaths.LegacyFixtures, "chain-fy-2-20250929", "output", "OPENITEM");
        var rc = Collections.Cli.Program.BuildRoot().Parse(["damage-master", "--master", master, "--defect", defect, "--out", t.Combine("M")]).Invoke();
        rc.Should().Be(expected);
        File.Exists(t.Combine("M")).Should().Be(expected == 0);
    }
}
