namespace Collections.Parity.Generation;

/// <summary>
/// Named day shapes for <see cref="DayGenerator"/>: combinations of the shape settings of
/// <see cref="DayGeneratorOptions"/> that move what a run costs (lines per entry, Chapter 99 and AD/CVD lines,
/// foreign currencies and daily rates, entry types, SPI claims, payment types). <c>collections generate-day
/// --profile NAME</c> and the benchmark <c>legacy-vs-modern --profiles</c> use them.
/// </summary>
public static class DayProfiles
{
    /// <summary>The original distribution with 10 lines per entry on average (the benchmarks' day since issue 3).</summary>
    public const string Default = "default";

    private static readonly int[] FormalOnly = [45, 3, 10, 3, 3, 0, 0, 5, 3, 3, 3];

    private static readonly (string Name, string Description, Func<DayGeneratorOptions, DayGeneratorOptions> Apply)[] All =
        [
            (Default, "the original distribution, 1-19 lines per entry (mean 10), 1 % large entries",
                o => o with { MeanLines = 10 }),
            ("many-lines", "40-60 lines per entry (1 % large: 30-120 or 990-999)",
                o => o with { MeanLines = 50, LineSpread = 10 }),
            ("one-line", "every entry one line (formal entry types only, no large entries)",
                o => o with { MeanLines = 1, LineSpread = 0, LargePercent = 0, EntryTypeWeights = FormalOnly }),
            ("ch99-adcvd", "every eligible line with 1-3 Chapter 99 headings (mostly 3), 40 % of formal lines under an AD/CVD case",
                o => o with { MeanLines = 10, Chapter99Percent = 100, Chapter99CountWeights = new[] { 15, 25, 60 }, AdcvdPercent = 40 }),
            ("currencies", "every entry in a foreign currency (10 currencies), half of them on a daily-rate day",
                o => o with { MeanLines = 10, ForeignCurrencyPercent = 100, DailyRatePercent = 50 }),
            ("usd-only", "every entry in USD or blank currency, no SPI claims",
                o => o with { MeanLines = 10, ForeignCurrencyPercent = 0, SpiPercent = 0 }),
            ("mixed", "short entries (1-7 lines, 3 % large), more informal and manual entries, 80 % Chapter 99, 20 % AD/CVD, 90 % foreign currency (30 % daily), 60 % SPI, even payment types",
                o => o with
                {
                    MeanLines = 4, LineSpread = 3, LargePercent = 3, Chapter99Percent = 80, Chapter99CountWeights = new[] { 40, 40, 20 },
                    AdcvdPercent = 20, ForeignCurrencyPercent = 90, DailyRatePercent = 30,
                    EntryTypeWeights = new[] { 30, 3, 10, 3, 3, 25, 8, 6, 4, 4, 4 }, ManualPercent = 20, SpiPercent = 60,
                    PaymentTypeWeights = new[] { 25, 25, 25, 25 },
                }),
        ];

    private static readonly Dictionary<string, (string Name, string Description, Func<DayGeneratorOptions, DayGeneratorOptions> Apply)> Profiles =
        All.ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>Every profile name, the default first.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(p => p.Name)];

    /// <summary>What a profile generates, in a line.</summary>
    public static string Describe(string name) => Find(name).Description;

    /// <summary>The options with the profile's shape settings (count, seed, dates and defects are kept).</summary>
    public static DayGeneratorOptions Apply(string name, DayGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Find(name).Apply(options);
    }

    private static (string Name, string Description, Func<DayGeneratorOptions, DayGeneratorOptions> Apply) Find(string name) =>
        Profiles.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out var p)
            ? p
            : throw new ArgumentException($"unknown day profile '{name}' (known: {string.Join(", ", Names)})", nameof(name));
}
