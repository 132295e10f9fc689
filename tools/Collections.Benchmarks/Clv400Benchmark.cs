using System.Diagnostics;
using System.Globalization;
using System.Text;
using Collections.Cobol.Numerics;
using Collections.Domain.OpenItems;
using Collections.Legacy.Clv400;
using Collections.Legacy.Records;
using Collections.Parity.Legacy;

namespace Collections.Benchmarks;

/// <summary>
/// STEP040 alone on a generated day: an old master of N items (default 200,000: open, part paid, billed, closed
/// and refund items, some past due), R receivables (default 20,000: half adding to old items, half new) and P
/// payments (default 50,000: exact, partial, over, late, unknown, invalid), run through the legacy CLV400 and our
/// <see cref="Clv400Step"/>. Prints wall times, our peak managed heap (sampled) and peak working set, and whether
/// OPENITEM, LEDGER, SUSPENSE, CTLTOTS and sysout are byte-identical.
/// usage: clv400 [OLD_ITEMS] [RECEIVABLES] [PAYMENTS] [LEGACY_HOME]
/// </summary>
public sealed class Clv400Benchmark : IBenchmarkCommand
{
    public string Name => "clv400";

    public string Description => "STEP040 (CLV400) legacy vs port on a generated day: times, peak memory, byte parity";

    private static readonly NumericPic Amount = OpenItemPictures.Amount;

    public int Run(string[] args)
    {
        int Arg(int i, int d) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : d;
        var oldItems = Arg(0, 200_000);
        var receivables = Arg(1, 20_000);
        var payments = Arg(2, 50_000);
        var legacyHome = args.Length > 3 ? args[3] : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/legacy"));
        var suite = LegacySuite.Prepare(legacyHome);
        var intrate = Path.Combine(legacyHome, "ref", "INTRATE.DAT");
        var work = Path.Combine(Path.GetTempPath(), "clv400-bench-" + Guid.NewGuid().ToString("N"));
        var legacyDir = Path.Combine(work, "legacy");
        var oursDir = Path.Combine(work, "ours");
        try
        {
            Directory.CreateDirectory(legacyDir);
            Generate(legacyDir, oldItems, receivables, payments);
            Directory.CreateDirectory(oursDir);
            foreach (var f in new[] { "SYSIN", "OLDMAST", "STMTOUT", "PAYMENTS" }) File.Copy(Path.Combine(legacyDir, f), Path.Combine(oursDir, f));

            var env = new Dictionary<string, string>
            {
                ["COB_VARSEQ_FORMAT"] = "0", ["COB_LS_FIXED"] = "FALSE", ["COB_LS_NULLS"] = "FALSE",
                ["DD_OLDMAST"] = Path.Combine(legacyDir, "OLDMAST"), ["DD_STMTOUT"] = Path.Combine(legacyDir, "STMTOUT"),
                ["DD_PAYMENTS"] = Path.Combine(legacyDir, "PAYMENTS"), ["DD_INTRATE"] = intrate,
                ["DD_NEWMAST"] = Path.Combine(legacyDir, "OPENITEM"), ["DD_LEDGER"] = Path.Combine(legacyDir, "LEDGER"),
                ["DD_SUSPENSE"] = Path.Combine(legacyDir, "SUSPENSE"), ["DD_CTLTOTS"] = Path.Combine(legacyDir, "CTLTOTS"),
            };
            var exe = Path.Combine(suite.WorkHome, "bin", "CLV400");
            var psi = new ProcessStartInfo("sh", ["-c", $"\"{exe}\" < SYSIN > sysout 2>&1"]) { WorkingDirectory = legacyDir, UseShellExecute = false };
            foreach (var (k, v) in env) psi.Environment[k] = v;
            var legacyWatch = Stopwatch.StartNew();
            int legacyRc;
            using (var p = Process.Start(psi)!)
            {
                p.WaitForExit();
                legacyRc = p.ExitCode;
            }
            legacyWatch.Stop();

            GC.Collect();
            long peakHeap = 0;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                    try { await Task.Delay(10, sampling.Token).ConfigureAwait(false); }
                    catch (OperationCanceledException) { break; }
                }
            });
            var oursWatch = Stopwatch.StartNew();
            int oursRc;
            var files = new Clv400Files(Path.Combine(oursDir, "SYSIN"), Path.Combine(oursDir, "OLDMAST"), Path.Combine(oursDir, "STMTOUT"),
                Path.Combine(oursDir, "PAYMENTS"), intrate, Path.Combine(oursDir, "OPENITEM"), Path.Combine(oursDir, "LEDGER"),
                Path.Combine(oursDir, "SUSPENSE"), Path.Combine(oursDir, "CTLTOTS"));
            using (var sysout = new StreamWriter(Path.Combine(oursDir, "sysout"), false, Encoding.Latin1) { NewLine = "\n" })
                oursRc = Clv400Step.Run(files, sysout, diagnostics: TextWriter.Null);
            oursWatch.Stop();
            sampling.Cancel();
            sampler.Wait();

            var identical = new[] { "OPENITEM", "LEDGER", "SUSPENSE", "CTLTOTS", "sysout" }
                .Select(f => (f, File.ReadAllBytes(Path.Combine(legacyDir, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(oursDir, f)))))
                .ToList();
            var newItems = new FileInfo(Path.Combine(oursDir, "OPENITEM")).Length / OpenItemLayout.RecordLength;
            var postings = new FileInfo(Path.Combine(oursDir, "LEDGER")).Length / LedgerLayout.RecordLength;
            Console.WriteLine($"machine: {MachineInfo.Describe()}");
            Console.WriteLine($"input: {oldItems:N0} old items, {receivables:N0} receivables, {payments:N0} payments; output: {newItems:N0} items, {postings:N0} postings");
            Console.WriteLine($"| side | wall | RC |");
            Console.WriteLine($"|---|---|---|");
            Console.WriteLine($"| legacy CLV400 (cobc) | {legacyWatch.Elapsed.TotalSeconds:F2} s | {legacyRc} |");
            Console.WriteLine($"| port Clv400Step | {oursWatch.Elapsed.TotalSeconds:F2} s | {oursRc} |");
            Console.WriteLine($"port peak managed heap (sampled): {peakHeap / (1024.0 * 1024):F1} MiB; process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):F1} MiB");
            Console.WriteLine("byte-identical: " + string.Join(", ", identical.Select(x => $"{x.f}={(x.Item2 ? "yes" : "NO")}")));
            return identical.All(x => x.Item2) && legacyRc == oursRc ? 0 : 1;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Writes SYSIN, OLDMAST, STMTOUT and PAYMENTS of a generated day (run date 2026-03-03) into <paramref name="dir"/>.</summary>
    private static void Generate(string dir, int oldItems, int receivables, int payments)
    {
        const int runDate = 20260303;
        var rng = new Random(400);
        File.WriteAllText(Path.Combine(dir, "SYSIN"), $"RUNDATE={runDate}\n");
        static string Ref(int i) => "S" + i.ToString("D11", CultureInfo.InvariantCulture) + "    ";
        static DisplayNumber D(int d) => DisplayNumber.FromValue(d, 8);
        var balances = WriteOldMaster(Path.Combine(dir, "OLDMAST"), oldItems, rng, [20260310, 20260220, 20260115, 20251120, 20250901, 20260303]);
        // receivables on even references (old items) and odd ones (new), in key order
        var rcvRefs = new SortedSet<int>();
        while (rcvRefs.Count < receivables) rcvRefs.Add(rng.Next(oldItems * 2));
        var stmt = new byte[StatementHeaderLayout.RecordLength];
        using (var s = File.Create(Path.Combine(dir, "STMTOUT")))
        {
            foreach (var r in rcvRefs)
            {
                var duty = rng.NextInt64(1_00, 100_000_00);
                var mpf = rng.Next(0, 3) == 0 ? 0 : rng.NextInt64(29_66, 651_50);
                var cats = new PackedNumber[13];
                for (var c = 0; c < 13; c++) cats[c] = PackedNumber.FromUnscaled(c == 0 ? duty : c == 8 ? mpf : 0, Amount);
                ReceivableRecord.Encode(new Receivable
                {
                    RefType = 'S', Reference = Ref(r), StatementType = DisplayNumber.FromValue(2, 1), FilerCode = "F01",
                    ImporterNumber = "IMP000000001", Period = DisplayNumber.FromValue(0, 6), StatementDate = D(runDate), DueDate = D(20260317),
                    RunDate = D(runDate), EntryCount = DisplayNumber.FromValue(rng.Next(1, 9), 5), CategoryAmounts = cats,
                    TotalAmount = PackedNumber.FromUnscaled(duty + mpf, Amount),
                }, stmt);
                s.Write(stmt);
            }
        }
        var pay = new byte[PaymentLayout.RecordLength];
        using (var p = File.Create(Path.Combine(dir, "PAYMENTS")))
        {
            for (var i = 0; i < payments; i++)
            {
                var target = rng.Next(oldItems);
                var kind = rng.Next(10);
                var cents = kind switch
                {
                    0 or 1 => balances[target],
                    2 => balances[target] + rng.Next(1, 10_000),
                    _ => Math.Max(1, balances[target] / (rng.Next(2, 5))),
                };
                var reference = kind == 9 ? Ref((oldItems * 2) + i) : Ref(target * 2);
                PaymentRecord.Encode(new PaymentInput
                {
                    PaymentId = "P" + i.ToString("D11", CultureInfo.InvariantCulture), Method = "DCKD"[rng.Next(4)], RefType = i % 997 == 0 ? 'X' : 'S',
                    Reference = reference, Amount = PackedNumber.FromUnscaled(Math.Max(1, Math.Min(cents, 99_999_999_999_99)), Amount),
                    DateReceived = D(rng.Next(3) == 0 ? 20260227 : 20260302),
                }, pay);
                p.Write(pay);
            }
        }
    }

    /// <summary>
    /// Writes an old open-item master of <paramref name="oldItems"/> receivables in key order (references S + 11
    /// digits, even numbers; open, part paid, billed, closed; due dates drawn from <paramref name="dueDates"/>) plus a
    /// refund item after every 50th; returns each receivable's balance in cents.
    /// </summary>
    public static long[] WriteOldMaster(string path, int oldItems, Random rng, int[] dueDates)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(dueDates);
        static string Ref(int i) => "S" + i.ToString("D11", CultureInfo.InvariantCulture) + "    ";
        static DisplayNumber D(int d) => DisplayNumber.FromValue(d, 8);
        var record = new byte[OpenItemLayout.RecordLength];
        var balances = new long[oldItems];
        using var old = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        for (var i = 0; i < oldItems; i++)
        {
            var status = "OOPPBC"[rng.Next(6)];
            var assessed = rng.NextInt64(1_00, 5_000_000_00);
            var paid = status switch { 'P' or 'B' => assessed / 3, 'C' => assessed, _ => 0 };
            balances[i] = assessed - paid;
            var item = new OpenItem
            {
                RefType = 'S', Reference = Ref(i * 2), ItemType = 'A', Status = status, StatementType = DisplayNumber.FromValue(2, 1),
                FilerCode = "F01", ImporterNumber = "IMP" + (i % 5000).ToString("D9", CultureInfo.InvariantCulture),
                OpenDate = D(20250801), StatementDate = D(20250801), DueDate = D(dueDates[rng.Next(dueDates.Length)]),
                LastActivityDate = D(20260302), EntryCount = DisplayNumber.FromValue(rng.Next(1, 40), 5),
                AmountAssessed = PackedNumber.FromUnscaled(assessed, Amount), AmountPaid = PackedNumber.FromUnscaled(paid, Amount),
                Balance = PackedNumber.FromUnscaled(assessed - paid, Amount),
            };
            Array.Fill(record, (byte)' ');
            OpenItemRecord.Encode(item, record);
            old.Write(record);
            if (i % 50 == 0)
            {
                var refund = new OpenItem
                {
                    RefType = 'S', Reference = Ref(i * 2), ItemType = 'R', Status = 'R', OpenDate = D(20260201),
                    AmountRefund = PackedNumber.FromUnscaled(12_34, Amount), Balance = PackedNumber.FromUnscaled(-12_34, Amount),
                };
                Array.Fill(record, (byte)' ');
                OpenItemRecord.Encode(refund, record);
                old.Write(record);
            }
        }
        return balances;
    }
}
