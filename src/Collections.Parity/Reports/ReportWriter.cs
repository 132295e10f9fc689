using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml;
using Collections.Parity.Config;
using Collections.Parity.Model;

namespace Collections.Parity.Reports;

/// <summary>Paths of the written reports.</summary>
public sealed record ReportPaths(string Html, string Json, string Csv, string JUnit, string Bundle);

/// <summary>Writes the run's reports: HTML (people), JSON (tools), CSV (analysts), JUnit XML (CI) and the audit bundle.</summary>
public static class ReportWriter
{
    public static ReportPaths WriteAll(RunResult run, ParityConfig config, string configText, string? registerPath,
        IEnumerable<string> inputDirs, string dir)
    {
        Directory.CreateDirectory(dir);
        var paths = new ReportPaths(
            Path.Combine(dir, "parity-report.html"), Path.Combine(dir, "parity-report.json"),
            Path.Combine(dir, "parity-differences.csv"), Path.Combine(dir, "parity-junit.xml"),
            Path.Combine(dir, "parity-audit-bundle.tar.gz"));
        File.WriteAllText(paths.Json, Json(run), new UTF8Encoding(false));
        File.WriteAllText(paths.Csv, Csv(run), new UTF8Encoding(false));
        File.WriteAllText(paths.JUnit, JUnit(run), new UTF8Encoding(false));
        File.WriteAllText(paths.Html, HtmlReport.Render(run, config, configText), new UTF8Encoding(false));
        AuditBundle.Write(paths.Bundle, run, configText, registerPath, inputDirs,
            [paths.Html, paths.Json, paths.Csv, paths.JUnit]);
        return paths;
    }

    public static string Json(RunResult run) => JsonSerializer.Serialize(new
    {
        run.StartedUtc, run.Mode, run.Verdict, run.ExitCode, run.Complete, run.NotProduced, run.ConfigSha256, run.RegisterSha256, run.RegisterPath,
        run.Covered, run.Uncovered, Impact = ImpactJson(run.Impact),
        Rules = run.Rules,
        Drift = Drift(run),
        Days = run.Days.Select(d => new
        {
            d.Name, d.RunDate, d.Mode, d.Notes, Impact = ImpactJson(d.HeadlineImpact), AllMoneyImpact = ImpactJson(d.Impact),
            Files = d.Files.Select(f => new
            {
                f.Name, Status = f.Status.ToString(), f.Step, f.ByteVerdict, f.LegacyRecords, f.ModernRecords, f.Equal, f.Modified,
                f.OnlyLegacy, f.OnlyModern, f.NotProducedRecords, f.MaskedFieldDifferences, f.FieldDifferences, f.LegacySha256, f.ModernSha256,
                f.LegacyBytes, f.ModernBytes, f.LegacyTypeCounts, f.ModernTypeCounts, f.DetailTruncated, f.Errors, Impact = ImpactJson(f.Impact),
            }),
            d.Gates, ReturnCodes = d.ReturnCodes.Select(r => new { r.Step, r.Legacy, r.Modern, r.Compared, r.Equal }),
            ByClass = ByClass(d.Differences).Select(c => new { Class = c.Class.ToString(), c.Count, c.Cents }),
            Differences = d.Differences.Select(x => new
            {
                x.File, x.RecordType, x.Key, x.Field, x.Legacy, x.Modern, x.LegacyHex, x.ModernHex, x.Delta, x.Scale, x.Cents,
                Class = x.Class.ToString(), x.Explanation, x.RuleId, x.LegacyRecordNo, x.ModernRecordNo, x.Attributes, x.Trace,
            }),
        }),
    }, ParityConfig.Json);

    private static object ImpactJson(Impact i) => new
    {
        AbsoluteDollars = Dollars(i.AbsoluteCents), NetDollars = Dollars(i.NetCents), LargestDollars = Dollars(i.LargestCents), i.Count,
        Histogram = i.Histogram.ToDictionary(kv => Impact.Buckets[kv.Key].Label, kv => kv.Value),
    };

    public static string Dollars(long cents) =>
        (cents < 0 ? "-" : "") + (Math.Abs((decimal)cents) / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    public static IEnumerable<(DiffClass Class, int Count, long Cents)> ByClass(IEnumerable<Difference> diffs) =>
        diffs.GroupBy(d => d.Class).OrderBy(g => g.Key).Select(g => (g.Key, g.Count(), g.Sum(d => Math.Abs(d.Cents))));

    /// <summary>Per day: headline net and absolute impact, and their running totals.</summary>
    public static List<(string Day, long NetCents, long AbsCents, long CumNetCents, long CumAbsCents)> Drift(RunResult run)
    {
        var list = new List<(string, long, long, long, long)>();
        long cn = 0, ca = 0;
        foreach (var d in run.Days)
        {
            cn += d.HeadlineImpact.NetCents;
            ca += d.HeadlineImpact.AbsoluteCents;
            list.Add((d.Name, d.HeadlineImpact.NetCents, d.HeadlineImpact.AbsoluteCents, cn, ca));
        }
        return list;
    }

    public static string Csv(RunResult run)
    {
        var sb = new StringBuilder();
        sb.Append("day,file,record_type,key,field,legacy,modern,delta,scale,cents,class,explanation,rule,covered,legacy_record,modern_record,legacy_hex,modern_hex,attributes\n");
        foreach (var day in run.Days)
        {
            foreach (var d in day.Differences)
            {
                string[] cells =
                [
                    day.Name, d.File, d.RecordType, d.Key, d.Field, d.Legacy, d.Modern,
                    d.Delta.ToString(CultureInfo.InvariantCulture), d.Scale.ToString(CultureInfo.InvariantCulture),
                    d.Cents.ToString(CultureInfo.InvariantCulture), d.Class.ToString(), d.Explanation, d.RuleId ?? "",
                    d.Covered ? "yes" : "no", d.LegacyRecordNo.ToString(CultureInfo.InvariantCulture),
                    d.ModernRecordNo.ToString(CultureInfo.InvariantCulture), d.LegacyHex, d.ModernHex,
                    string.Join("; ", d.Attributes.Select(a => a.Key + "=" + a.Value)),
                ];
                sb.Append(string.Join(",", cells.Select(CsvCell))).Append('\n');
            }
        }
        return sb.ToString();
    }

    private static string CsvCell(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 || s.StartsWith(' ') || s.EndsWith(' ')
            ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : s;

    public static string JUnit(RunResult run)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, OmitXmlDeclaration = false }))
        {
            w.WriteStartElement("testsuites");
            w.WriteAttributeString("name", "parity");
            foreach (var day in run.Days)
            {
                var cases = new List<(string Name, string Class, string? Failure, string? Skip)>();
                foreach (var f in day.Files)
                {
                    var uncovered = day.Differences.Where(d => d.File == f.Name && !d.Covered).ToList();
                    string? fail = uncovered.Count == 0 ? null
                        : $"{f.Status}: {f.Modified} modified, {f.OnlyLegacy} only-legacy, {f.OnlyModern} only-modern; {uncovered.Count} uncovered differences, e.g. " +
                          string.Join("; ", uncovered.Take(5).Select(d => $"{d.Key} {d.Field} {d.Legacy} -> {d.Modern} ({d.Class})"));
                    var skip = f.Status == FileStatus.NotProduced ? "not produced by the modern side (step not ported)"
                        : f.Status == FileStatus.Absent ? "absent on both sides" : null;
                    cases.Add(("file " + f.Name, "files", fail, skip));
                }
                foreach (var g in day.Gates)
                {
                    var uncovered = day.Differences.Where(d => d.File == "gate:" + g.Id && !d.Covered && (d.Key == g.Side || g.Side == "compare")).ToList();
                    var fail = uncovered.Count > 0 ? $"{g.Description}: {g.Detail}" : null;
                    var skip = g.Holds is null ? g.Detail : null;
                    cases.Add(($"gate {g.Id} ({g.Side})", "gates", fail, skip));
                }
                foreach (var rc in day.ReturnCodes)
                {
                    var uncovered = day.Differences.Any(d => d.File == "rc:" + rc.Step && !d.Covered);
                    cases.Add(($"return code {rc.Step}", "return-codes", uncovered ? $"legacy {rc.Legacy} modern {rc.Modern}" : null,
                        rc.Compared ? null : "step not run by the modern side"));
                }
                w.WriteStartElement("testsuite");
                w.WriteAttributeString("name", "parity " + day.Name);
                w.WriteAttributeString("tests", cases.Count.ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("failures", cases.Count(c => c.Failure is not null).ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("skipped", cases.Count(c => c.Failure is null && c.Skip is not null).ToString(CultureInfo.InvariantCulture));
                foreach (var c in cases)
                {
                    w.WriteStartElement("testcase");
                    w.WriteAttributeString("name", c.Name);
                    w.WriteAttributeString("classname", "parity." + day.Name + "." + c.Class);
                    if (c.Failure is not null)
                    {
                        w.WriteStartElement("failure");
                        w.WriteAttributeString("message", c.Failure.Length > 300 ? c.Failure[..300] : c.Failure);
                        w.WriteString(c.Failure);
                        w.WriteEndElement();
                    }
                    else if (c.Skip is not null)
                    {
                        w.WriteStartElement("skipped");
                        w.WriteAttributeString("message", c.Skip);
                        w.WriteEndElement();
                    }
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteStartElement("testsuite");
            w.WriteAttributeString("name", "parity register");
            w.WriteAttributeString("tests", run.Rules.Count.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("failures", run.Rules.Count(r => r.Expired && r.ExpiredMatches > 0).ToString(CultureInfo.InvariantCulture));
            foreach (var r in run.Rules)
            {
                w.WriteStartElement("testcase");
                w.WriteAttributeString("name", "rule " + r.Id);
                w.WriteAttributeString("classname", "parity.register");
                if (r.Expired && r.ExpiredMatches > 0)
                {
                    w.WriteStartElement("failure");
                    w.WriteAttributeString("message", $"rule expired {r.Expires} and would cover {r.ExpiredMatches} differences");
                    w.WriteEndElement();
                }
                else if (r.MatchedNothing)
                {
                    w.WriteStartElement("skipped");
                    w.WriteAttributeString("message", r.Expired ? $"expired {r.Expires}, matched nothing" : "matched nothing");
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}

/// <summary>
/// One .tar.gz with the run's inputs, configuration, register (and its SHA-256), results and totals, plus
/// SHA256SUMS listing every member's hash.
/// </summary>
public static class AuditBundle
{
    public static void Write(string path, RunResult run, string configText, string? registerPath, IEnumerable<string> inputDirs, IEnumerable<string> results)
    {
        var members = new List<(string Name, byte[] Data)>
        {
            ("config/parity-config.json", Encoding.UTF8.GetBytes(configText)),
        };
        if (registerPath is not null && File.Exists(registerPath))
            members.Add(("register/known-differences.json", File.ReadAllBytes(registerPath)));
        members.Add(("register/VERSION", Encoding.UTF8.GetBytes($"sha256 {run.RegisterSha256}\npath {run.RegisterPath}\n")));
        foreach (var dir in inputDirs.Distinct(StringComparer.Ordinal))
        {
            if (!Directory.Exists(dir)) continue;
            var dayName = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(dir).TrimEnd('/'))) + "/" + Path.GetFileName(dir.TrimEnd('/'));
            foreach (var f in Directory.GetFiles(dir, "*", SearchOption.AllDirectories).OrderBy(x => x, StringComparer.Ordinal))
                members.Add(("inputs/" + dayName + "/" + Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes(f)));
        }
        foreach (var r in results) members.Add(("results/" + Path.GetFileName(r), File.ReadAllBytes(r)));
        var totals = JsonSerializer.Serialize(new
        {
            run.Verdict, run.ExitCode, run.Complete, run.NotProduced, run.Covered, run.Uncovered,
            AbsoluteDollars = ReportWriter.Dollars(run.Impact.AbsoluteCents), NetDollars = ReportWriter.Dollars(run.Impact.NetCents),
            Days = run.Days.Select(d => new
            {
                d.Name, d.RunDate,
                Files = d.Files.Select(f => new { f.Name, Status = f.Status.ToString(), f.LegacyRecords, f.ModernRecords, f.Equal, f.Modified, f.OnlyLegacy, f.OnlyModern, f.LegacySha256, f.ModernSha256 }),
                AbsoluteDollars = ReportWriter.Dollars(d.HeadlineImpact.AbsoluteCents), NetDollars = ReportWriter.Dollars(d.HeadlineImpact.NetCents),
            }),
        }, ParityConfig.Json);
        members.Add(("totals.json", Encoding.UTF8.GetBytes(totals)));
        var sums = new StringBuilder();
        foreach (var (name, data) in members) sums.Append(Convert.ToHexStringLower(SHA256.HashData(data))).Append("  ").Append(name).Append('\n');
        members.Add(("SHA256SUMS", Encoding.UTF8.GetBytes(sums.ToString())));

        using var fs = File.Create(path);
        using var gz = new GZipStream(fs, CompressionLevel.Optimal);
        using var tar = new TarWriter(gz, TarEntryFormat.Pax, leaveOpen: false);
        var stamp = DateTimeOffset.UtcNow;
        foreach (var (name, data) in members)
        {
            var e = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data), ModificationTime = stamp };
            tar.WriteEntry(e);
        }
    }

    /// <summary>Reads a bundle back: member name → bytes (tests, verification).</summary>
    public static Dictionary<string, byte[]> Read(string path)
    {
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var fs = File.OpenRead(path);
        using var gz = new GZipStream(fs, CompressionMode.Decompress);
        using var tar = new TarReader(gz);
        while (tar.GetNextEntry() is { } e)
        {
            using var ms = new MemoryStream();
            e.DataStream?.CopyTo(ms);
            result[e.Name] = ms.ToArray();
        }
        return result;
    }
}
