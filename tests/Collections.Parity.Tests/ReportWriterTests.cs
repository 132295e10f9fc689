using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Collections.Parity.Config;
using Collections.Parity.Reports;
using Collections.Testing;

namespace Collections.Parity.Tests;

public class ReportWriterTests
{
    private static string Text(CompiledType t, byte[] rec, string field)
    {
        var (o, l) = t.Span(field);
        return Encoding.Latin1.GetString(rec, o, l);
    }

    /// <summary>A run with differences of several kinds: truncated MPF, a dropped line.</summary>
    private static (MutatedDay Day, Model.RunResult Run) Mutated()
    {
        var m = new MutatedDay(DayComparerTests.SampleDay("2026-03-02"));
        m.Rewrite("ENTCALC", (t, rec) =>
        {
            if (t.Code != "E" || Text(t, rec, "ECT-FEE-CLASS(1)") != "499" || Text(t, rec, "ECT-MPF-LIMIT-IND") != " ") return [rec];
            var delta = MutatedDay.Get(t, rec, "ECT-MPF-RAW-TOTAL") / 1000 - MutatedDay.Get(t, rec, "ECT-FEE-AMT(1)");
            foreach (var f in new[] { "ECT-FEE-AMT(1)", "ECT-FEE-TOTAL", "ECT-TOTAL-ASSESSED" })
                MutatedDay.Set(t, rec, f, MutatedDay.Get(t, rec, f) + delta);
            return [rec];
        });
        var dropped = false;
        m.Rewrite("LINECALC", (t, rec) =>
        {
            if (!dropped && MutatedDay.Get(t, rec, "LC-DUTY-AMT") > 0) { dropped = true; return []; }
            return [rec];
        });
        return (m, m.Run());
    }

    [Fact]
    public void WriteAll_MutatedDay_CsvJsonJUnitAndBundleAreConsistent()
    {
        using var _ = HostileCulture.Enter();
        var (m, run) = Mutated();
        using (m)
        {
            var dir = Path.Combine(m.TempPath, "report");
            var config = m.Config;
            var paths = ReportWriter.WriteAll(run, config, "{\"test\":1}", null, [m.InDir], dir);
            var diffs = run.Days[0].Differences;

            var csv = File.ReadAllLines(paths.Csv);
            csv.Should().HaveCount(diffs.Count + 1, "one row per difference");
            csv[0].Should().StartWith("day,file,record_type,key,field,legacy,modern");
            csv.Should().Contain(l => l.Contains(",ECT-FEE-AMT(1),", StringComparison.Ordinal) && l.Contains(",Truncation,", StringComparison.Ordinal));

            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(paths.Json));
            json.RootElement.GetProperty("exitCode").GetInt32().Should().Be(1);
            json.RootElement.GetProperty("days")[0].GetProperty("differences").GetArrayLength().Should().Be(diffs.Count);

            var junit = XDocument.Load(paths.JUnit);
            var cases = junit.Descendants("testcase").ToList();
            cases.Should().Contain(c => (string)c.Attribute("name")! == "file LINECALC" && c.Element("failure") != null);
            cases.Should().Contain(c => (string)c.Attribute("name")! == "file ENTCALC" && c.Element("failure") != null);
            cases.Should().Contain(c => (string)c.Attribute("name")! == "file STMTOUT" && c.Element("skipped") != null, "not ported steps are skipped, not passed");
            cases.Should().Contain(c => ((string)c.Attribute("name")!).StartsWith("gate ", StringComparison.Ordinal));

            var bundle = AuditBundle.Read(paths.Bundle);
            bundle.Keys.Should().Contain(["config/parity-config.json", "register/VERSION", "totals.json", "SHA256SUMS", "results/parity-report.html", "results/parity-differences.csv"]);
            bundle.Keys.Should().Contain(k => k.StartsWith("inputs/", StringComparison.Ordinal) && k.EndsWith("/ENTRYIN", StringComparison.Ordinal));
            foreach (var line in Encoding.UTF8.GetString(bundle["SHA256SUMS"]).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var hash = line[..64];
                var name = line[66..];
                Convert.ToHexStringLower(SHA256.HashData(bundle[name])).Should().Be(hash, name);
            }
        }
    }

    [Fact]
    public void Html_RenderedInHeadlessChromium_ScreenshotIsNonTrivial()
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
        if (chromium is null)
        {
            // .ci/run installs chromium; a developer machine without it still checks the HTML is self-contained.
            Console.Error.WriteLine("chromium not installed: screenshot part skipped");
        }
        var (m, run) = Mutated();
        using (m)
        {
            var dir = Path.Combine(m.TempPath, "report");
            var paths = ReportWriter.WriteAll(run, m.Config, "{}", null, [m.InDir], dir);
            var html = File.ReadAllText(paths.Html);
            html.Should().Contain("<svg").And.Contain("DIFFERENCES").And.Contain("not produced by the modern side").And.Contain("Truncation");
            html.Should().NotContainAny("src=\"http", "href=\"http", "<script src", "<link ");
            if (chromium is null) return;
            var shot = Path.Combine(m.TempPath, "report.png");
            var psi = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                                      "--disable-sync", "--no-first-run", "--user-data-dir=" + Path.Combine(m.TempPath, "chrome"),
                                      "--screenshot=" + shot, "--window-size=1400,2000", "file://" + paths.Html })
                psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var err = new StringBuilder();
            p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (err) err.AppendLine(e.Data); };
            p.OutputDataReceived += (_, _) => { };
            p.BeginErrorReadLine();
            p.BeginOutputReadLine();
            p.WaitForExit(120_000).Should().BeTrue();
            File.Exists(shot).Should().BeTrue(err.ToString());
            var png = File.ReadAllBytes(shot);
            png.Length.Should().BeGreaterThan(30_000, "a rendered report, not a blank page");
            // PNG signature and a distinct-byte count: a blank page compresses to a few KB of one colour.
            png.Take(8).Should().Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
            png.Distinct().Count().Should().BeGreaterThan(200);
            var keep = Environment.GetEnvironmentVariable("PARITY_SCREENSHOT");
            if (!string.IsNullOrEmpty(keep)) File.Copy(shot, keep, overwrite: true);
        }
    }
}
