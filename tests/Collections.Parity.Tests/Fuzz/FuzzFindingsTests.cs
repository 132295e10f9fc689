using Collections.Parity.Fuzz;
using Collections.Parity.Generation;
using Collections.Parity.Legacy;
using Collections.Testing;

namespace Collections.Parity.Tests.Fuzz;

/// <summary>
/// Regression tests for what the cycle fuzz test found, each a whole-cycle differential (run-cycle.sh against
/// <see cref="Collections.Legacy.Pipeline.LegacyCycle"/>, every file, console line and return code) on a generated
/// day with the one damage that exposed the difference.
/// </summary>
public sealed class FuzzFindingsTests
{
    private static (int LegacyRc, int ModernRc, List<string> Differences) RunBoth(TempDir tmp, int runDate, Action<string> damage, string? prior = null)
    {
        var suite = LegacySuite.Prepare(RepoPaths.LegacyHome);
        var inDir = tmp.Combine("in");
        DayGenerator.Generate(new DayGeneratorOptions
        {
            RunDate = runDate, Entries = 3, Seed = 7, OutDir = inDir, RefDir = suite.RefDir, MeanLines = 2, Scenarios = false,
        });
        damage(inDir);
        var fuzzer = new CycleFuzzer(suite, new FuzzOptions { RefDir = suite.RefDir, WorkRoot = tmp.Path });
        var (l, m, d, _) = fuzzer.Compare(LegacyDate.Format(runDate), inDir, prior, tmp.Combine("run"));
        return (l, m, d);
    }

    /// <summary>
    /// Fuzz seed 205 (fuzzer with field mutations): ET-VALUE-HASH packed negative zero (X'00..0D'). CLV100 moves it
    /// to WS-TRAILER-HASH and then to CT-AMOUNT keeping the sign: CTLTOTS CLV100 05 ends in '}' (-0), not '{'.
    /// The hash compares equal to a computed 0, so only the control total shows it.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TrailerHashNegativeZero_ControlTotalKeepsTheSign(bool linesWithValue)
    {
        using var tmp = new TempDir("fuzz-finding");
        var (l, m, d) = RunBoth(tmp, 20260302, dir =>
        {
            var path = Path.Combine(dir, "ENTRYIN");
            var data = File.ReadAllBytes(path);
            if (!linesWithValue)
            {
                // every line's value zero: the computed hash is 0 as well, so the trailer balances (T004 not raised)
                for (var off = 0; off < data.Length - EntryRecords.Length; off += EntryRecords.Length)
                    if (data[off] == (byte)'L') Collections.Cobol.Codecs.PackedDecimal.Encode(0, data.AsSpan(off + 29, 7), 13, signed: true);
            }
            var t = data.Length - EntryRecords.Length;
            data.AsSpan(t + 15, 9).Clear();
            data[t + 15 + 8] = 0x0D;
            File.WriteAllBytes(path, data);
        });
        d.Should().BeEmpty();
        m.Should().Be(l);
        File.ReadAllText(tmp.Combine("run", "legacy", "CTLTOTS")).Should().Contain("RECORDS AND HASH PER TRAILER").And.Contain("0000000000000000}");
    }

    /// <summary>
    /// Fuzz seed 301338 (all five steps on a trial merge of clv500): a control card line holding X'03' (ETX). libcob's
    /// ACCEPT raises SIGINT on it within the first 8191 characters of the line: every program prints "caught signal
    /// (signal SIGINT)" after its start message and ends with RC 2 before opening a file; the cycle goes on (2 &lt; 8).
    /// A X'03' after 8191 characters, or on the second line, is not read.
    /// </summary>
    [Theory]
    [InlineData("after the date", 16, 2)]
    [InlineData("inside the card", 19, 2)]
    [InlineData("beyond column 80", 86, 2)]
    [InlineData("the last character ACCEPT reads", 8190, 2)]
    [InlineData("the first character ACCEPT does not read", 8191, 0)]
    [InlineData("on the second line", -1, 0)]
    public void ControlCardWithEtx_EveryStepEndsWithRc2LikeLibcob(string where, int offset, int expectedRc)
    {
        using var tmp = new TempDir("fuzz-finding");
        var (l, m, d) = RunBoth(tmp, 20260302, dir =>
        {
            var line = new List<byte>(System.Text.Encoding.ASCII.GetBytes("RUNDATE=20260302"));
            if (offset < 0) line.AddRange("\n\u0003\n"u8.ToArray());
            else
            {
                while (line.Count < offset) line.Add((byte)' ');
                line.Add(0x03);
                line.Add((byte)'\n');
            }
            File.WriteAllBytes(Path.Combine(dir, "SYSIN"), [.. line]);
        });
        d.Should().BeEmpty(where);
        l.Should().Be(expectedRc == 2 ? 2 : l, where);
        m.Should().Be(expectedRc == 2 ? 2 : m, where);
        var sysout = File.ReadAllText(tmp.Combine("run", "modern", "sysout", "STEP010.CLV100"));
        if (expectedRc == 2) sysout.Should().EndWith("STARTED\n\ncaught signal (signal SIGINT)\n\n", where);
        else sysout.Should().NotContain("caught signal", where);
    }
}
