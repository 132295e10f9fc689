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
        var meanLines = new Option<int?>("--mean-lines") { Description = "Mean lines per random entry (default 9, or the profile's)." };
        var profile = new Option<string?>("--profile")
        {
            Description = "Day shape: " + string.Join("; ", DayProfiles.Names.Select(n => n + " = " + DayProfiles.Describe(n)))
                + ". The options below override it.",
        };
        var lineSpread = new Option<int?>("--line-spread") { Description = "Lines per formal entry: mean ± this (default: 1 to 2 × mean − 1)." };
        var largePercent = Percent("--large-percent", "Percent of formal entries that are large (30-120 or 990-999 lines); default 1.");
        var ch99Percent = Percent("--ch99-percent", "Percent of eligible lines with 1-3 Chapter 99 headings; default 55.");
        var ch99Weights = Weights("--ch99-count-weights", "Weights of 1, 2, 3 Chapter 99 headings, e.g. 60,30,10 (the default).");
        var adcvdPercent = Percent("--adcvd-percent", "Percent of formal lines under an active AD/CVD case; default 6.");
        var foreignPercent = Percent("--foreign-percent", "Percent of entries in a foreign currency; default 72.");
        var dailyPercent = Percent("--daily-rate-percent", "Percent of foreign-currency entries exported on a daily-rate day; default 12.");
        var entryTypeWeights = Weights("--entry-type-weights", "Weights of entry types 01,02,03,06,07,11,12,31,32,34,38 (default 45,3,10,3,3,12,3,5,3,3,3).");
        var manualPercent = Percent("--manual-percent", "Percent of manual entries (0-90); default 6.");
        var spiPercent = Percent("--spi-percent", "Percent of lines claiming an SPI; default 35.");
        var paymentWeights = Weights("--payment-type-weights", "Weights of payment types 1,2,6,7 (default 40,30,15,15).");
        var payPercent = new Option<int?>("--pay-percent") { Description = "Percent of the prior master's open receivables paid (default: 85 issued yesterday, 50 older)." };
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
                foreach (var o in new Option[]
                 {
                     runDate, entries, seed, outDir, paymentsFrom, invalidRate, trailerError, meanLines, noScenarios, refDir, profile, lineSpread,
                     largePercent, ch99Percent, ch99Weights, adcvdPercent, foreignPercent, dailyPercent, entryTypeWeights, manualPercent, spiPercent,
                     paymentWeights, agedEntries, paymentScenarios, payPercent,
                 })
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
            var profileName = parse.GetValue(profile);
            if (profileName is not null && !DayProfiles.Names.Contains(profileName, StringComparer.Ordinal))
                return Usage($"unknown --profile {profileName} (known: {string.Join(", ", DayProfiles.Names)})");
            if (parse.GetValue(payPercent) is < 0 or > 100) return Usage("--pay-percent must be between 0 and 100");
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
                PayPercent = parse.GetValue(payPercent),
                InvalidPpm = (int)(rate * 1_000_000m),
                TrailerError = te,
                Scenarios = !parse.GetValue(noScenarios),
                AgedEntryPpm = (int)(aged * 1_000_000m),
                PaymentScenarios = parse.GetValue(paymentScenarios),
            };
            if (profileName is not null) options = DayProfiles.Apply(profileName, options);
            if (!TryWeights(parse.GetValue(ch99Weights), out var ch99WeightsGiven)
                || !TryWeights(parse.GetValue(entryTypeWeights), out var entryTypeWeightsGiven)
                || !TryWeights(parse.GetValue(paymentWeights), out var paymentWeightsGiven))
                return Usage("weights are comma-separated whole numbers, e.g. --ch99-count-weights 60,30,10");
            options = options with
            {
                MeanLines = ml ?? options.MeanLines,
                LineSpread = parse.GetValue(lineSpread) ?? options.LineSpread,
                LargePercent = parse.GetValue(largePercent) ?? options.LargePercent,
                Chapter99Percent = parse.GetValue(ch99Percent) ?? options.Chapter99Percent,
                Chapter99CountWeights = ch99WeightsGiven ?? options.Chapter99CountWeights,
                AdcvdPercent = parse.GetValue(adcvdPercent) ?? options.AdcvdPercent,
                ForeignCurrencyPercent = parse.GetValue(foreignPercent) ?? options.ForeignCurrencyPercent,
                DailyRatePercent = parse.GetValue(dailyPercent) ?? options.DailyRatePercent,
                EntryTypeWeights = entryTypeWeightsGiven ?? options.EntryTypeWeights,
                ManualPercent = parse.GetValue(manualPercent) ?? options.ManualPercent,
                SpiPercent = parse.GetValue(spiPercent) ?? options.SpiPercent,
                PaymentTypeWeights = paymentWeightsGiven ?? options.PaymentTypeWeights,
            };
            try { options.Validate(); }
            catch (ArgumentOutOfRangeException ex) { return Usage(ex.Message); }
            try
            {
                var sw = System.Diagnostics.Stopwatch.StartNew();
                var r = DayGenerator.Generate(options);
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"generated {options.OutDir}: {r.Records} records ({r.Headers} entries, {r.Lines} lines), {r.Payments} payments, {r.Defects.Count} planted defects, value hash {Collections.Cobol.Codecs.FixedPoint.Format(r.HashCents, 2)}"));
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generate-day: {sw.Elapsed.TotalSeconds:F2} s"));
                return 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidDataException)
            {
                Console.Error.WriteLine("generate-day: " + ex.Message);
                return 1;
            }
        });
        return command;
    }

    private static Option<int?> Percent(string name, string description) => new(name) { Description = description };

    private static Option<string?> Weights(string name, string description) => new(name) { Description = description };

    /// <summary>Comma-separated whole numbers ("60,30,10"), or null when <paramref name="text"/> is null.</summary>
    private static bool TryWeights(string? text, out int[]? weights)
    {
        weights = null;
        if (text is null) return true;
        var parts = text.Split(',');
        var values = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i])) return false;
        weights = values;
        return true;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine("generate-day: " + message);
        return 2;
    }
}
