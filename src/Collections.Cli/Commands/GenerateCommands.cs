using System.CommandLine;
using System.Globalization;
using Collections.Parity.Generation;

namespace Collections.Cli.Commands;

/// <summary>
/// <c>collections generate-day</c>: writes a legacy input day (ENTRYIN, PAYMENTS, SYSIN, generation.json).
/// Exit codes: 0 written; 1 generation failed (I/O, bad prior master); 2 usage or environment error.
/// </summary>
internal static class GenerateCommands
{
    public static Command Create()
    {
        var command = new Command("generate-day", "Generate a valid (or deliberately corrupt) legacy input day.");
        var runDate = new Option<string>("--rundate") { Description = "Business date CCYYMMDD.", Required = true };
        var entries = new Option<int>("--entries") { Description = "Number of entries (headers).", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "PRNG seed: the same seed gives the same bytes.", DefaultValueFactory = _ => 1 };
        var outDir = new Option<string>("--out") { Description = "Folder to write ENTRYIN, PAYMENTS, SYSIN into.", Required = true };
        var paymentsFrom = new Option<string?>("--payments-from") { Description = "Prior cycle's output folder: pay its open items (OPENITEM, STMTOUT)." };
        var invalidRate = new Option<string>("--invalid-rate") { Description = "Share of records (0..1) given a defect the legacy rejects.", DefaultValueFactory = _ => "0" };
        var trailerError = new Option<string>("--trailer-error")
        {
            Description = "Run-stopping file defect: none|count|entries|hash|non-numeric|missing|short-last|after-trailer.",
            DefaultValueFactory = _ => "none",
        };
        var meanLines = new Option<int>("--mean-lines") { Description = "Mean lines per random entry.", DefaultValueFactory = _ => 9 };
        var noScenarios = new Option<bool>("--no-scenarios") { Description = "Random entries only (no coverage scenarios first)." };
        var refDir = new Option<string?>("--ref") { Description = "Reference tables (default: ACS_REFLIB, ACS_LEGACY_HOME/ref, ../shared/legacy/ref)." };
        var agedEntries = new Option<string>("--aged-entries")
        {
            Description = "Share of random entries (0..1) dated 35-100 days back: past due on arrival, billed with interest by CLV400.",
            DefaultValueFactory = _ => "0",
        };
        var paymentScenarios = new Option<bool>("--payment-scenarios")
        {
            Description = "With --payments-from: start PAYMENTS with the crafted CLV400 scenarios (on time, late, across a rate change, duplicate, after closing, ...).",
        };
        foreach (var o in new Option[] { runDate, entries, seed, outDir, paymentsFrom, invalidRate, trailerError, meanLines, noScenarios, refDir, agedEntries, paymentScenarios })
            command.Options.Add(o);

        command.SetAction(parse =>
        {
            if (!LegacyDate.TryParse(parse.GetValue(runDate), out var rd))
                return Usage("--rundate must be a valid CCYYMMDD date");
            var n = parse.GetValue(entries);
            if (n < 0) return Usage("--entries must not be negative");
            if (!decimal.TryParse(parse.GetValue(invalidRate), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || rate > 1)
                return Usage("--invalid-rate must be a number between 0 and 1");
            TrailerError te;
            try { te = CorruptionCodes.ParseTrailerError(parse.GetValue(trailerError) ?? "none"); }
            catch (ArgumentException ex) { return Usage(ex.Message); }
            if (!decimal.TryParse(parse.GetValue(agedEntries), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var aged) || aged > 1)
                return Usage("--aged-entries must be a number between 0 and 1");
            var ml = parse.GetValue(meanLines);
            if (ml is < 1 or > 400) return Usage("--mean-lines must be between 1 and 400");
            string refs;
            try { refs = ReferenceLocator.Resolve(parse.GetValue(refDir)); }
            catch (DirectoryNotFoundException ex) { return Usage(ex.Message); }
            var prior = parse.GetValue(paymentsFrom);
            if (prior is not null && !File.Exists(Path.Combine(prior, "OPENITEM")))
                return Usage($"--payments-from {prior} has no OPENITEM");
            if (parse.GetValue(paymentScenarios) && prior is null) return Usage("--payment-scenarios needs --payments-from");
            var options = new DayGeneratorOptions
            {
                RunDate = rd,
                Entries = n,
                Seed = parse.GetValue(seed),
                OutDir = parse.GetValue(outDir)!,
                RefDir = refs,
                PaymentsFrom = prior,
                InvalidPpm = (int)(rate * 1_000_000m),
                TrailerError = te,
                MeanLines = ml,
                Scenarios = !parse.GetValue(noScenarios),
                AgedEntryPpm = (int)(aged * 1_000_000m),
                PaymentScenarios = parse.GetValue(paymentScenarios),
            };
            try
            {
                var sw = System.Diagnostics.Stopwatch.StartNew();
                var r = DayGenerator.Generate(options);
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"generated {options.OutDir}: {r.Records} records ({r.Headers} entries, {r.Lines} lines), {r.Payments} payments, {r.Defects.Count} planted defects, value hash {Collections.Cobol.Codecs.FixedPoint.Format(r.HashCents, 2)}"));
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generate-day: {sw.Elapsed.TotalSeconds:F2} s"));
                return 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                Console.Error.WriteLine("generate-day: " + ex.Message);
                return 1;
            }
        });
        return command;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine("generate-day: " + message);
        return 2;
    }
}
