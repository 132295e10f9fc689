using Collections.Legacy.Pipeline;
using Collections.Parity.Capture;
using Collections.Parity.Invariants;
using Collections.Testing;
using Xunit.Abstractions;

namespace Collections.Parity.Tests.Invariants;

/// <summary>
/// The cycle invariants of <see cref="CycleInvariants"/> on every committed fixture day. The identities, in cents:
/// <list type="number">
/// <item>LEDGER debits = credits. LEDGER holds one leg of each CLV400 posting: debits AS (assessment, by revenue
/// class), LI (late-payment interest), BI (bill interest); credits PY (payment applied), RF (excess to the refund
/// item), SU (payment to suspense). With the counter-account each moves: Σ D(AS+LI+BI) − Σ C(PY) = Σ closing − Σ
/// opening balances of the receivable items (A) of OPENITEM; Σ C(RF) = Σ opening − Σ closing balances of the refund
/// items (R, credit balances); Σ C(PY+RF+SU) = Σ PAYMENTS amounts that are numeric and &gt; 0 (cash); Σ D(AS) of
/// class k = Σ STMTOUT category k; Σ D(LI) = CTLTOTS CLV400 10 and Σ D(BI) = CLV400 11. "Opening" = what CLV400
/// carries from the old master (records in key order up to the first out of sequence; A not closed, and R).</item>
/// <item>Roll-forward: opening + CLV400 03 (Σ STMTOUT totals) + 10 + 11 − 07 − 09 = 13 (Σ OPENITEM balances);
/// 01 = opening + dropped (closed receivables, invalid item types).</item>
/// <item>No payment lost: 06 = PAYMENTS records = 07 + 08; 08 = SUSPENSE records and amounts; for each payment id,
/// Σ its numeric amounts − Σ its SUSPENSE amounts = Σ its PY + RF postings; SU postings = SUSPENSE amounts &gt; 0.</item>
/// <item>CLV500.RPT: every printed total = CTLTOTS and the data set it summarises (ENTCALC, STMTOUT, LEDGER, SUSPENSE,
/// OPENITEM, REJECTS; section 7 = CTLTOTS line by line), on the digits the print field holds.</item>
/// </list>
/// Checked on the legacy's captured outputs, and on the modern side's own outputs (<see cref="LegacyCycle"/> with
/// every step CLV100-CLV500, run in process on the fixture's inputs and old master): every invariant, on the same
/// data sets the legacy wrote (all ten on a day the cycle completes).
/// </summary>
public sealed class CycleInvariantsTests(ITestOutputHelper output)
{
    /// <summary>
    /// Identities that cannot be evaluated on a fixture's data, by design: garbage-M04's old master has a balance of
    /// invalid packed data (X'12345ABCDEF01F'); libcob's ADD of it has no decimal meaning, so the opening balance is
    /// unknown. Everything else must hold.
    /// </summary>
    private static readonly HashSet<(string Fixture, string Id)> NotEvaluable =
    [
        ("garbage-M04-MASTER-BAD-PACKED", CycleInvariants.LedgerDebitsEqualCredits),
        ("garbage-M04-MASTER-BAD-PACKED", CycleInvariants.MasterRollForward),
    ];

    public static TheoryData<string> FixtureNames()
    {
        var data = new TheoryData<string>();
        foreach (var s in FixtureSet.LoadAll(RepoPaths.LegacyFixtures)) data.Add(s.Name);
        return data;
    }

    private static FixtureSet Load(string name) => FixtureSet.Load(Path.Combine(RepoPaths.LegacyFixtures, name));

    /// <summary>What the legacy's run of a fixture lets us expect of an invariant: it holds, unless its step did not complete.</summary>
    private static InvariantOutcome Expected(FixtureSet fx, string id)
    {
        if (NotEvaluable.Contains((fx.Name, id))) return InvariantOutcome.NotEvaluable;
        var rc = fx.Manifest.Steps.ToDictionary(s => s.Program, s => s.ReturnCode, StringComparer.Ordinal);
        var step = id == CycleInvariants.ReportTotals ? "CLV500" : "CLV400";
        return rc.GetValueOrDefault(step) is null or >= 16 ? InvariantOutcome.NotApplicable : InvariantOutcome.Holds;
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void LegacyOutputs_EveryInvariantHoldsWhereItsStepCompleted(string name)
    {
        var fx = Load(name);
        var results = CycleInvariants.Check(new CycleFolder(fx.OutputDir, fx.InputDir, fx.PriorOutputDir));
        foreach (var r in results)
        {
            output.WriteLine("legacy " + r);
            r.Outcome.Should().Be(Expected(fx, r.Id), r.ToString());
        }
    }

    [Fact]
    public void ModernSide_EveryStepOfTheCycleIsPorted()
    {
        // the modern outputs below are checked for every invariant; a step missing from the modern side would fail them all
        LegacySteps.Discover().Select(s => s.Program).Should().Equal(LegacySteps.Cycle.Select(s => s.Program));
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void ModernOutputs_EveryInvariantHoldsOnTheDataSetsTheLegacyWrote(string name)
    {
        var fx = Load(name);
        using var tmp = new TempDir();
        var outDir = tmp.Combine("out");
        var cycle = new LegacyCycle(LegacySteps.Discover());
        cycle.Run(fx.Manifest.RunDate, fx.InputDir, outDir, fx.PriorOutputDir, fx.RefDir(Path.Combine(RepoPaths.LegacyHome, "ref")), new StringWriter(), new StringWriter());

        // the modern side writes the data sets the legacy wrote (all ten on a day the cycle completes), no fewer, no more
        static string[] DataSets(string dir) => [.. Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        DataSets(outDir).Should().Equal(DataSets(fx.OutputDir));
        if (fx.Manifest.ReturnCode < 8) DataSets(outDir).Should().Contain(Collections.Parity.Fuzz.CycleFuzzer.DataSets.Select(d => d.DataSet));

        var folder = new CycleFolder(outDir, fx.InputDir, fx.PriorOutputDir);
        foreach (var id in CycleInvariants.All)
        {
            var r = CycleInvariants.Evaluate(id, folder);
            output.WriteLine("modern " + r);
            r.Outcome.Should().Be(Expected(fx, id), r.ToString());
        }
    }

    // ------------------------------------------------------------------ the checker catches what it claims to

    /// <summary>A copy of the fixture's output folder (data sets and sysout) in <paramref name="tmp"/>/out, to alter.</summary>
    internal static string CopyFixtureOutput(TempDir tmp, FixtureSet fx)
    {
        var dir = tmp.Combine("out");
        foreach (var f in Directory.GetFiles(fx.OutputDir, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(dir, Path.GetRelativePath(fx.OutputDir, f));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(f, to);
        }
        return dir;
    }

    private static InvariantResult CheckAltered(string fixture, string id, Action<string> alter)
    {
        var fx = Load(fixture);
        using var tmp = new TempDir();
        var dir = CopyFixtureOutput(tmp, fx);
        alter(dir);
        return CycleInvariants.Evaluate(id, new CycleFolder(dir, fx.InputDir, fx.PriorOutputDir));
    }

    /// <summary>Re-encodes one LEDGER record's amount (COMP-3 at offset 39) with a cent more.</summary>
    private static void BumpLedgerAmount(string dir, string tranCode)
    {
        var path = Path.Combine(dir, "LEDGER");
        var data = File.ReadAllBytes(path);
        for (var off = 0; off < data.Length; off += 80)
        {
            if (System.Text.Encoding.ASCII.GetString(data, off + 33, 2) != tranCode) continue;
            var v = Collections.Cobol.Codecs.PackedDecimal.Decode(data.AsSpan(off + 39, 7), 13, signed: true);
            Collections.Cobol.Codecs.PackedDecimal.Encode(v + 1, data.AsSpan(off + 39, 7), 13, signed: true);
            File.WriteAllBytes(path, data);
            return;
        }
        throw new InvalidOperationException("no " + tranCode + " posting");
    }

    [Theory]
    [InlineData("AS")]
    [InlineData("PY")]
    [InlineData("RF")]
    [InlineData("LI")]
    [InlineData("SU")]
    public void Ledger_OnePostingACentOff_DebitsNoLongerEqualCredits(string tranCode)
    {
        var r = CheckAltered("chain-ye-4-20250102", CycleInvariants.LedgerDebitsEqualCredits, d => BumpLedgerAmount(d, tranCode));
        r.Outcome.Should().Be(InvariantOutcome.Fails);
    }

    [Fact]
    public void Payments_ALedgerPostingDropped_PaymentsNotAccounted()
    {
        var r = CheckAltered("chain-fy-3-20250930", CycleInvariants.PaymentsAccounted, d =>
        {
            var path = Path.Combine(d, "SUSPENSE");
            var lines = File.ReadAllLines(path);
            File.WriteAllLines(path, lines[1..]);
        });
        r.Outcome.Should().Be(InvariantOutcome.Fails);
        r.Detail.Should().Contain("08 count = SUSPENSE records");
    }

    [Fact]
    public void RollForward_ANewMasterRecordDropped_Fails()
    {
        var r = CheckAltered("chain-leap-3-20280228", CycleInvariants.MasterRollForward, d =>
        {
            var path = Path.Combine(d, "OPENITEM");
            File.WriteAllBytes(path, File.ReadAllBytes(path)[150..]);
        });
        r.Outcome.Should().Be(InvariantOutcome.Fails);
        r.Detail.Should().Contain("13 count = OPENITEM records");
    }

    [Fact]
    public void Report_ATotalLineAltered_Fails()
    {
        var r = CheckAltered("chain-ye-3-20241231", CycleInvariants.ReportTotals, d =>
        {
            var path = Path.Combine(d, "CLV500.RPT");
            var text = File.ReadAllText(path);
            var i = text.IndexOf("TOTAL PAYMENTS APPLIED", StringComparison.Ordinal);
            var end = text.IndexOf('\n', i);
            var line = text[i..end];
            var digit = line.LastIndexOfAny("123456789".ToCharArray());
            var altered = line[..digit] + (line[digit] == '9' ? '8' : (char)(line[digit] + 1)) + line[(digit + 1)..];
            File.WriteAllText(path, text[..i] + altered + text[end..]);
        });
        r.Outcome.Should().Be(InvariantOutcome.Fails);
        r.Detail.Should().Contain("TOTAL PAYMENTS APPLIED");
    }

    [Fact]
    public void OldMaster_ItemTypeInvalid_BalanceReportedAsDroppedAndIdentityStillHolds()
    {
        var fx = Load("garbage-M03-MASTER-ITEM-TYPE");
        var r = CycleInvariants.Evaluate(CycleInvariants.MasterRollForward, new CycleFolder(fx.OutputDir, fx.InputDir, fx.PriorOutputDir));
        r.Outcome.Should().Be(InvariantOutcome.Holds, r.Detail);
        r.Detail.Should().Contain("item type 'X' dropped");
    }
}
