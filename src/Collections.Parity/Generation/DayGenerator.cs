using System.Globalization;
using System.Text;

namespace Collections.Parity.Generation;

/// <summary>What to generate. Rates of defects are per record, in parts per million.</summary>
public sealed record DayGeneratorOptions
{
    public required int RunDate { get; init; }
    public required int Entries { get; init; }
    public required ulong Seed { get; init; }
    public required string OutDir { get; init; }
    /// <summary>The reference tables the legacy will load (values are drawn from them).</summary>
    public required string RefDir { get; init; }
    /// <summary>Prior cycle's output folder (OPENITEM, STMTOUT): payments are made against its open items.</summary>
    public string? PaymentsFrom { get; init; }
    /// <summary>
    /// Percent of the prior master's open receivables paid today (null: 85 % of the statements the prior cycle issued,
    /// 50 % of the older items). PAYMENTS holds at most 99,999 payments (PAY-PAYMENT-ID is P + YYMMDD + 5 digits).
    /// </summary>
    public int? PayPercent { get; init; }
    /// <summary>Probability (ppm) that a record gets a defect the legacy rejects (0 = a clean day).</summary>
    public int InvalidPpm { get; init; }
    public TrailerError TrailerError { get; init; }
    /// <summary>Mean number of lines of a random entry.</summary>
    public int MeanLines { get; init; } = 9;
    /// <summary>Start the day with the coverage scenarios (every branch of CLV100/CLV200), as many as fit.</summary>
    public bool Scenarios { get; init; } = true;
    /// <summary>Share (ppm) of random entries dated 35-100 days before the run date (<see cref="AgedEntries"/>):
    /// their receivables are past due on arrival, CLV400 bills them with interest. 0 = none (no draw is made).</summary>
    public int AgedEntryPpm { get; init; }
    /// <summary>Start PAYMENTS with the crafted CLV400 payment scenarios (<see cref="PaymentScenarios"/>); needs <see cref="PaymentsFrom"/>.</summary>
    public bool PaymentScenarios { get; init; }

    // The shape of the random entries (what drives the cost of a run). The defaults are the generator's original
    // distribution: a day generated with them has the same bytes for a seed as before the knobs existed.
    // Percentages are whole percents (0-100). Named combinations: DayProfiles.

    /// <summary>
    /// Lines of a (not large) formal entry: <see cref="MeanLines"/> ± this many, at least 1 (uniform). Null: 1 to
    /// 2 × <see cref="MeanLines"/> − 1 (uniform), the original spread.
    /// </summary>
    public int? LineSpread { get; init; }

    /// <summary>Percent of formal entries that are large (30-120 lines; on a day of 10,000 entries or more, 1 in 50 of them 990-999).</summary>
    public int LargePercent { get; init; } = 1;

    /// <summary>Percent of lines, among those whose origin has Chapter 99 headings in force, that carry one to three of them.</summary>
    public int Chapter99Percent { get; init; } = 55;

    /// <summary>Relative weights of 1, 2 and 3 Chapter 99 headings on a line that carries some.</summary>
    public IReadOnlyList<int> Chapter99CountWeights { get; init; } = DefaultChapter99CountWeights;

    /// <summary>Percent of formal lines filed under an active AD/CVD case (origin = the case's country).</summary>
    public int AdcvdPercent { get; init; } = 6;

    /// <summary>Percent of entries in a foreign currency (picked uniformly among those with certified rates); the others are USD (25/28) or blank (3/28).</summary>
    public int ForeignCurrencyPercent { get; init; } = 72;

    /// <summary>Percent of foreign-currency entries exported on a day with a daily rate (else: a quarterly rate).</summary>
    public int DailyRatePercent { get; init; } = 12;

    /// <summary>Relative weights of the entry types 01, 02, 03, 06, 07, 11, 12, 31, 32, 34, 38 (11 and 12 are informal: 1-3 lines).</summary>
    public IReadOnlyList<int> EntryTypeWeights { get; init; } = DefaultEntryTypeWeights;

    /// <summary>Percent of entries filed manually (manual flag Y); another 10 % have a blank flag.</summary>
    public int ManualPercent { get; init; } = 6;

    /// <summary>Percent of lines claiming a special program (SPI), mostly one the tariff line allows.</summary>
    public int SpiPercent { get; init; } = 35;

    /// <summary>Relative weights of the payment types 1 (single), 2 (daily statement), 6 and 7 (monthly statement).</summary>
    public IReadOnlyList<int> PaymentTypeWeights { get; init; } = DefaultPaymentTypeWeights;

    // arrays, so that the generator picks from them without a copy
    public static readonly IReadOnlyList<int> DefaultChapter99CountWeights = new[] { 60, 30, 10 };
    public static readonly IReadOnlyList<int> DefaultEntryTypeWeights = new[] { 45, 3, 10, 3, 3, 12, 3, 5, 3, 3, 3 };
    public static readonly IReadOnlyList<int> DefaultPaymentTypeWeights = new[] { 40, 30, 15, 15 };

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (Entries < 0) throw new ArgumentOutOfRangeException(nameof(Entries), Entries, "entries must not be negative");
        if (InvalidPpm is < 0 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(InvalidPpm), InvalidPpm, "invalid rate must be in [0, 1]");
        if (MeanLines is < 1 or > 400) throw new ArgumentOutOfRangeException(nameof(MeanLines), MeanLines, "mean lines must be in [1, 400]");
        if (AgedEntryPpm is < 0 or > 1_000_000) throw new ArgumentOutOfRangeException(nameof(AgedEntryPpm), AgedEntryPpm, "aged entry share must be in [0, 1]");
        if (LineSpread is { } s && (s < 0 || MeanLines + s > 999))
            throw new ArgumentOutOfRangeException(nameof(LineSpread), s, "line spread must be at least 0 and mean lines + spread at most 999");
        Percent(LargePercent, nameof(LargePercent));
        Percent(Chapter99Percent, nameof(Chapter99Percent));
        Percent(AdcvdPercent, nameof(AdcvdPercent));
        Percent(ForeignCurrencyPercent, nameof(ForeignCurrencyPercent));
        Percent(DailyRatePercent, nameof(DailyRatePercent));
        if (ManualPercent is < 0 or > 90) throw new ArgumentOutOfRangeException(nameof(ManualPercent), ManualPercent, "manual percent must be in [0, 90]");
        Percent(SpiPercent, nameof(SpiPercent));
        Weights(Chapter99CountWeights, 3, nameof(Chapter99CountWeights));
        Weights(EntryTypeWeights, DefaultEntryTypeWeights.Count, nameof(EntryTypeWeights));
        Weights(PaymentTypeWeights, DefaultPaymentTypeWeights.Count, nameof(PaymentTypeWeights));

        static void Percent(int value, string name)
        {
            if (value is < 0 or > 100) throw new ArgumentOutOfRangeException(name, value, $"{name} must be a percent in [0, 100]");
        }

        static void Weights(IReadOnlyList<int> weights, int count, string name)
        {
            if (weights is null || weights.Count != count || weights.Any(w => w < 0) || weights.Sum() == 0)
                throw new ArgumentOutOfRangeException(name, $"{name} needs {count} weights, none negative, not all zero");
        }
    }

    /// <summary>True when every shape setting (not the count, seed or defects) is the original distribution's.</summary>
    public bool HasDefaultShape => LineSpread is null && LargePercent == 1 && Chapter99Percent == 55 && AdcvdPercent == 6
        && ForeignCurrencyPercent == 72 && DailyRatePercent == 12 && ManualPercent == 6 && SpiPercent == 35
        && Chapter99CountWeights.SequenceEqual(DefaultChapter99CountWeights) && EntryTypeWeights.SequenceEqual(DefaultEntryTypeWeights)
        && PaymentTypeWeights.SequenceEqual(DefaultPaymentTypeWeights);
}

/// <summary>A defect planted in the day: the record number CLV100 will report and the reason code expected.</summary>
public sealed record PlantedDefect(long RecordNo, string EntryNo, string LineNo, Corruption Kind)
{
    public string ReasonCode => Kind.ReasonCode();
}

/// <summary>Counts of what was written, with the trailer totals and every planted defect.</summary>
public sealed record GenerationResult(
    long Records, long Headers, long Lines, long HashCents, long Payments,
    IReadOnlyList<PlantedDefect> Defects, IReadOnlyList<string> Scenarios, TrailerError TrailerError)
{
    /// <summary>Reason codes CLV100 must write to REJECTS (with their counts), derived from the planted defects.</summary>
    public IReadOnlyDictionary<string, int> ExpectedRejectCodes { get; init; } = new Dictionary<string, int>();

    /// <summary>The payment scenarios written (<see cref="DayGeneratorOptions.PaymentScenarios"/>): payment id and scenario, in PAYMENTS order.</summary>
    public IReadOnlyList<(string PaymentId, string Scenario)> ScenarioPayments { get; init; } = [];
}

/// <summary>
/// Writes one legacy input day (ENTRYIN, PAYMENTS, SYSIN) that CLV100..CLV400 accept, drawn from the legacy's own
/// reference tables, deterministic per seed, streamed record by record. Optionally plants defects of every kind
/// CLV100 rejects (<see cref="Corruption"/>) and a run-stopping trailer error (<see cref="TrailerError"/>).
/// A generation.json beside the inputs lists the scenarios and the planted defects (the legacy ignores it).
/// </summary>
public sealed class DayGenerator
{
    private static readonly string[] Filers = ["1A2", "316", "9K4", "BXA", "EH7", "M3Q", "TZ8", "W56"];
    private static readonly string[] EntryTypes = ["01", "02", "03", "06", "07", "11", "12", "31", "32", "34", "38"];
    private static readonly int[] Modes = [10, 11, 12, 20, 21, 30, 31, 32, 33, 34, 40, 41, 50, 60, 70];
    private static readonly int[] NonHmfPorts = [712, 901, 2304, 2506, 2720, 3004, 3801, 4701, 5201, 3901];
    private static readonly string[] Origins = ["CN", "MX", "CA", "JP", "DE", "KR", "VN", "IN", "GB", "FR", "IT", "TW", "CH", "AU", "CL", "BR"];
    private static readonly int[] OriginWeights = [25, 10, 8, 8, 6, 6, 6, 5, 5, 4, 4, 4, 3, 2, 2, 2];

    private readonly DayGeneratorOptions _o;
    private readonly GeneratorReferenceData _ref;
    private readonly Prng _rng;
    private readonly Prng _defectRng;
    private readonly string[] _importers;
    private readonly int _earliestEntryDate;
    private readonly int _earliestFeeDate;
    private readonly Dictionary<int, TariffRow[]> _tariffByDate = [];
    private readonly Dictionary<int, Ch99Row[]> _ch99ByDate = [];
    private readonly AdcvdRow[] _activeCases;
    private readonly AdcvdRow[] _inactiveCases;
    private readonly HashSet<int> _hmfPorts;
    private readonly HashSet<string> _spiCodes;
    private readonly HashSet<string> _htsCodes;
    private readonly Dictionary<string, int[]> _dailyDates;
    private int _headerRotation;
    private int _lineRotation;

    public DayGenerator(DayGeneratorOptions options, GeneratorReferenceData referenceData)
    {
        _o = options ?? throw new ArgumentNullException(nameof(options));
        _ref = referenceData ?? throw new ArgumentNullException(nameof(referenceData));
        options.Validate();
        _rng = new Prng(options.Seed);
        _defectRng = new Prng(options.Seed ^ 0x5DEECE66DUL);
        _importers = new string[60];
        for (var i = 0; i < _importers.Length; i++)
            _importers[i] = string.Create(CultureInfo.InvariantCulture, $"{_rng.Between(10, 99):D2}-{_rng.Between(100_000_000L, 999_999_999L):D9}");
        var fee499 = _ref.Fees.Where(f => f.FeeClass == "499").Select(f => f.EffectiveDate).DefaultIfEmpty(19900101).Min();
        var fee056 = _ref.Fees.Where(f => f.FeeClass == "056").Select(f => f.EffectiveDate).DefaultIfEmpty(19900101).Min();
        var tariff = _ref.Tariff.Select(t => (int)t.EffectiveDate).DefaultIfEmpty(19900101).Min();
        _earliestFeeDate = Math.Max(fee499, fee056);
        _earliestEntryDate = Math.Max(_earliestFeeDate, tariff);
        _activeCases = _ref.Adcvd.Where(c => c.Active).ToArray();
        _inactiveCases = _ref.Adcvd.Where(c => !c.Active).ToArray();
        _hmfPorts = [.. _ref.HmfPorts];
        _spiCodes = new HashSet<string>(_ref.Spi.Select(s => s.Code), StringComparer.Ordinal);
        _htsCodes = new HashSet<string>(_ref.Tariff.Select(t => t.Hts), StringComparer.Ordinal);
        _dailyDates = _ref.ExchangeRates.Where(r => r.Type == 'D').GroupBy(r => r.Currency, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Date).Order().ToArray(), StringComparer.Ordinal);
    }

    public GeneratorReferenceData ReferenceData => _ref;
    public int RunDate => _o.RunDate;
    public int EarliestEntryDate => _earliestEntryDate;

    /// <summary>Generates the day into <see cref="DayGeneratorOptions.OutDir"/>.</summary>
    public static GenerationResult Generate(DayGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var refData = GeneratorReferenceData.Load(options.RefDir);
        return new DayGenerator(options, refData).Run();
    }

    public GenerationResult Run()
    {
        Directory.CreateDirectory(_o.OutDir);
        File.WriteAllText(Path.Combine(_o.OutDir, "SYSIN"), "RUNDATE=" + LegacyDate.Format(_o.RunDate) + "\n", Encoding.ASCII);
        var defects = new List<PlantedDefect>();
        var expected = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var scenarioNames = new SortedSet<string>(StringComparer.Ordinal);
        long records = 0, headers = 0, lines = 0, hash = 0;

        var scenarios = _o.Scenarios ? new CoverageScenarios(this).Build() : [];
        using (var stream = new FileStream(Path.Combine(_o.OutDir, "ENTRYIN"), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            var rec = new byte[EntryRecords.Length];
            var lastLine = new byte[EntryRecords.Length];
            var reusable = new EntrySpec();
            string? previousEntryNo = null;
            var perFiler = Math.Max(1, (_o.Entries + Filers.Length - 1) / Filers.Length);
            var serials = Filers.Select(_ => (int)_rng.Between(10_000L, 2_000_000L)).ToArray();

            string? pendingW002 = null;

            void Emit(byte[] r)
            {
                stream.Write(r, 0, EntryRecords.Length);
                records++;
                if (r[0] == (byte)'H' && pendingW002 is not null)
                {
                    // CLV100 checks the line count when the next header (or the trailer) arrives
                    defects.Add(new PlantedDefect(records, pendingW002, "000", Corruption.W002LineCount));
                    expected["W002"] = expected.GetValueOrDefault("W002") + 1;
                    pendingW002 = null;
                }
                if (r[0] == (byte)'L' && EntryRecords.TryLineValue(r, out var v)) hash = checked(hash + v);
                if (r[0] == (byte)'H') headers++;
                if (r[0] == (byte)'L') lines++;
            }

            void Plant(Corruption kind, string entryNo, string lineNo, long recordNo)
            {
                defects.Add(new PlantedDefect(recordNo, entryNo, lineNo, kind));
                expected[kind.ReasonCode()] = expected.GetValueOrDefault(kind.ReasonCode()) + 1;
            }

            for (var i = 0; i < _o.Entries; i++)
            {
                EntrySpec e;
                if (i < scenarios.Count)
                {
                    e = scenarios[i];
                    scenarioNames.Add(e.Scenario);
                }
                else
                {
                    e = RandomEntry(reusable);
                }
                var filer = Math.Min(Filers.Length - 1, i / perFiler);
                serials[filer] += (int)_rng.Between(1L, 3L);
                var entryNo = EntryNumber.Make(Filers[filer], serials[filer]);
                var rate = _ref.CertifiedRate(e.Currency, e.ExportDate, out _) ?? 1_000_000;

                // header defect?
                Corruption? hdef = null;
                if (_o.InvalidPpm > 0 && _defectRng.ChancePpm(_o.InvalidPpm))
                    hdef = NextHeaderDefect(e, previousEntryNo);
                var headerEntryNo = entryNo;
                if (hdef == Corruption.R001RecordType)
                {
                    // an extra record of an unknown type before the header
                    EntryRecords.WriteHeader(rec, entryNo, e);
                    rec[0] = (byte)_defectRng.Pick(['Q', 'X', 'h', ' ', '9']);
                    Emit(rec);
                    Plant(Corruption.R001RecordType, "", "***", records);
                    hdef = null;
                }
                var savedDeclared = e.DeclaredLineCount;
                if (hdef == Corruption.W002LineCount) e.DeclaredLineCount = e.Lines.Count < 999 ? e.Lines.Count + 1 : e.Lines.Count - 1;
                EntryRecords.WriteHeader(rec, entryNo, e);
                e.DeclaredLineCount = savedDeclared;
                if (hdef is { } hk && hk != Corruption.W002LineCount)
                {
                    ApplyHeaderDefect(rec, hk, e, previousEntryNo);
                    headerEntryNo = Encoding.ASCII.GetString(rec, 1, 11);
                }
                Emit(rec);
                if (hdef is { } hk2 && hk2 != Corruption.W002LineCount) Plant(hk2, headerEntryNo, "000", records);
                var headerRejected = hdef is { } h3 && h3 != Corruption.W002LineCount;
                previousEntryNo = entryNo;

                for (var n = 0; n < e.Lines.Count; n++)
                {
                    var line = e.Lines[n];
                    var lineNo = n + 1;
                    Corruption? ldef = null;
                    if (!headerRejected && _o.InvalidPpm > 0 && _defectRng.ChancePpm(_o.InvalidPpm))
                        ldef = NextLineDefect(e, line, lineNo, rate);
                    if (ldef is Corruption.L001Orphan or Corruption.R001RecordType)
                    {
                        EntryRecords.WriteLine(rec, entryNo, lineNo, line);
                        if (ldef == Corruption.L001Orphan)
                        {
                            // a line of an entry whose header is not the current one
                            var orphan = EntryNumber.Make(Filers[filer], Math.Min(9_999_999, serials[filer] + 1));
                            EntryRecords.Text(rec, EntryRecords.LineEntryNo, 11, orphan);
                            Emit(rec);
                            Plant(Corruption.L001Orphan, orphan, LineNoText(lineNo), records);
                        }
                        else
                        {
                            rec[0] = (byte)_defectRng.Pick(['Q', 'X', 'l', ' ', '0']);
                            Emit(rec);
                            Plant(Corruption.R001RecordType, "", "***", records);
                        }
                        ldef = null;
                    }
                    EntryRecords.WriteLine(rec, headerEntryNo, lineNo, line);
                    if (ldef is { } lk) ApplyLineDefect(rec, lk, e, line, lineNo);
                    Emit(rec);
                    if (headerRejected)
                    {
                        expected["L002"] = expected.GetValueOrDefault("L002") + 1;
                    }
                    else if (ldef is { } lk2)
                    {
                        Plant(lk2, entryNo, LineNoText(lineNo), records);
                    }
                    Buffer.BlockCopy(rec, 0, lastLine, 0, rec.Length);
                }
                if (hdef == Corruption.W002LineCount) pendingW002 = entryNo;
            }

            // trailer
            var te = _o.TrailerError;
            if (pendingW002 is not null)
            {
                var at = te is TrailerError.Missing or TrailerError.ShortLast ? records : records + 1;
                defects.Add(new PlantedDefect(at, pendingW002, "000", Corruption.W002LineCount));
                expected["W002"] = expected.GetValueOrDefault("W002") + 1;
            }
            var trailerRecords = records;
            var trailerEntries = headers;
            var trailerHash = hash;
            switch (te)
            {
                case TrailerError.Count: trailerRecords++; break;
                case TrailerError.Entries: trailerEntries++; break;
                case TrailerError.Hash: trailerHash += 100; break;
            }
            if (te != TrailerError.Missing)
            {
                EntryRecords.WriteTrailer(rec, trailerRecords, trailerEntries, trailerHash);
                if (te == TrailerError.NonNumeric) EntryRecords.Text(rec, EntryRecords.TrailerRecordCount, 7, "00A0123");
                if (te == TrailerError.ShortLast)
                {
                    stream.Write(rec, 0, 120);
                }
                else
                {
                    stream.Write(rec, 0, EntryRecords.Length);
                    if (te == TrailerError.AfterTrailer) stream.Write(lastLine[0] == (byte)'L' ? lastLine : rec, 0, EntryRecords.Length);
                }
            }
            foreach (var code in te.ReasonCodes()) expected[code] = expected.GetValueOrDefault(code) + 1;
        }

        var paymentGenerator = new PaymentGenerator(_o, new Prng(_o.Seed ^ 0x9E3779B97F4A7C15UL), _defectRng);
        var payments = paymentGenerator.Write(expected);
        scenarioNames.UnionWith(paymentGenerator.Scenarios);
        var result = new GenerationResult(records, headers, lines, hash, payments, defects, [.. scenarioNames], _o.TrailerError)
        {
            ExpectedRejectCodes = expected,
            ScenarioPayments = paymentGenerator.ScenarioPayments,
        };
        GenerationSummary.Write(Path.Combine(_o.OutDir, GenerationSummary.FileName), _o, result);
        return result;
    }

    private static string LineNoText(int lineNo) => lineNo.ToString("D3", CultureInfo.InvariantCulture);

    // ------------------------------------------------------------------ random entries

    internal TariffRow[] TariffOn(int date)
    {
        if (!_tariffByDate.TryGetValue(date, out var rows))
            _tariffByDate[date] = rows = [.. _ref.TariffOn(date)];
        return rows;
    }

    internal Ch99Row[] Ch99On(int date)
    {
        if (!_ch99ByDate.TryGetValue(date, out var rows))
            _ch99ByDate[date] = rows = _ref.Ch99.Where(c => c.EffectiveDate <= date && c.EndDate >= date).ToArray();
        return rows;
    }

    internal Prng Rng => _rng;
    internal IReadOnlyList<string> Importers => _importers;
    internal IReadOnlySet<int> HmfPorts => _hmfPorts;
    internal IReadOnlyList<AdcvdRow> ActiveCases => _activeCases;
    internal IReadOnlyDictionary<string, int[]> DailyDates => _dailyDates;

    internal EntrySpec RandomEntry(EntrySpec e)
    {
        var r = _rng;
        e.Scenario = "";
        e.DeclaredLineCount = null;
        e.EntryType = EntryTypes[r.PickWeighted(Weights(_o.EntryTypeWeights))];
        e.Importer = r.Pick(_importers);
        var k = r.PickWeighted([50, 25, 25]) switch { 0 => 0, 1 => r.Between(1, 3), _ => r.Between(4, 25) };
        e.EntryDate = LegacyDate.AddDays(_o.RunDate, -k);
        if (e.EntryDate < _earliestEntryDate) e.EntryDate = _o.RunDate;
        if (_o.AgedEntryPpm > 0) e.EntryDate = AgedEntries.EntryDate(r, _o.AgedEntryPpm, _o.RunDate, _earliestEntryDate, e.EntryDate);
        ChooseCurrency(e);
        if (r.Chance(55, 100))
        {
            e.Port = r.Pick(_ref.HmfPorts);
            e.Mode = r.Chance(1, 2) ? r.Pick([10, 11]) : r.Pick(Modes);
        }
        else
        {
            e.Port = r.Pick(NonHmfPorts);
            e.Mode = r.Chance(15, 100) ? r.Pick([10, 11]) : r.Pick(Modes);
        }
        e.PaymentType = r.PickWeighted(Weights(_o.PaymentTypeWeights)) switch { 0 => 1, 1 => 2, 2 => 6, _ => 7 };
        e.StatementDate = e.PaymentType == 2 ? LegacyDate.AddDays(e.EntryDate, r.Between(1, 20)) : 0;
        var m = r.Below(100);
        e.Manual = m < _o.ManualPercent ? 'Y' : m < _o.ManualPercent + 10 ? ' ' : 'N';
        var informal = e.EntryType is "11" or "12";
        int n;
        if (informal) n = r.Between(1, 3);
        else if (r.Chance(_o.LargePercent, 100))
        {
            // large entries; on big days (10,000 entries or more) some at the 999-line limit of EH-LINE-COUNT
            n = _o.Entries >= 10_000 && r.Chance(1, 50) ? r.Between(990, 999) : r.Between(30, 120);
        }
        else if (_o.LineSpread is { } spread) n = r.Between(Math.Max(1, _o.MeanLines - spread), _o.MeanLines + spread);
        else n = r.Between(1, (2 * _o.MeanLines) - 1);
        ResizeLines(e, n);
        foreach (var l in e.Lines) RandomLine(e, l, informal);
        return e;
    }

    internal void ChooseCurrency(EntrySpec e)
    {
        var r = _rng;
        var c = r.Below(100);
        var domestic = 100 - _o.ForeignCurrencyPercent;   // USD 25/28 of them, blank 3/28 (the original 25 % and 3 %)
        e.Currency = c < domestic * 25 / 28 ? "USD" : c < domestic ? "   " : r.Pick(_ref.Currencies);
        var j = r.PickWeighted([40, 40, 20]) switch { 0 => r.Between(0, 3), 1 => r.Between(4, 30), _ => r.Between(31, 75) };
        e.ExportDate = LegacyDate.AddDays(e.EntryDate, -j);
        if (e.Currency is "USD" or "   ") return;
        if (r.Chance(_o.DailyRatePercent, 100) && _dailyDates.TryGetValue(e.Currency, out var days))
        {
            var lo = LegacyDate.AddDays(e.EntryDate, -120);
            var candidates = days.Where(d => d >= lo && d <= e.EntryDate && _ref.Rate(e.Currency, 'Q', GeneratorReferenceData.QuarterStart(d)) is not null).ToArray();
            if (candidates.Length > 0)
            {
                e.ExportDate = r.Pick(candidates);
                return;
            }
        }
        if (_ref.Rate(e.Currency, 'Q', GeneratorReferenceData.QuarterStart(e.ExportDate)) is null)
        {
            e.ExportDate = e.EntryDate;
            if (_ref.Rate(e.Currency, 'Q', GeneratorReferenceData.QuarterStart(e.ExportDate)) is null) e.Currency = "USD";
        }
    }

    /// <summary>The weights as a span for <see cref="Prng.PickWeighted"/> (no copy when they are an array, as the defaults are).</summary>
    private static ReadOnlySpan<int> Weights(IReadOnlyList<int> weights) => weights is int[] a ? a : weights.ToArray();

    internal static void ResizeLines(EntrySpec e, int n)
    {
        while (e.Lines.Count < n) e.Lines.Add(new LineSpec());
        if (e.Lines.Count > n) e.Lines.RemoveRange(n, e.Lines.Count - n);
    }

    internal void RandomLine(EntrySpec e, LineSpec l, bool informal)
    {
        var r = _rng;
        var tariffs = TariffOn(e.EntryDate);
        var t = r.Pick(tariffs);
        l.Hts = t.Hts;
        l.CaseNo = "";
        l.Ch99.Clear();
        if (!informal && _activeCases.Length > 0 && r.Chance(_o.AdcvdPercent, 100))
        {
            var c = r.Pick(_activeCases);
            l.CaseNo = c.CaseNo;
            l.Origin = c.Country;
        }
        else
        {
            l.Origin = Origins[r.PickWeighted(OriginWeights)];
        }
        var s = r.Below(100);
        l.Spi = s < 100 - _o.SpiPercent ? "  " : s < 80 && t.SpiCodes.Count > 0 ? r.Pick(t.SpiCodes) : r.Pick(_ref.Spi).Code;
        var usdCents = (informal ? r.LogUniform(1, 800) : r.LogUniform(1, 3_000_000)) * 100 + r.Below(100);
        SetUsdValue(e, l, usdCents);
        SetQuantities(l, t);
        PickCh99(e, l);
    }

    /// <summary>Foreign value whose conversion is about <paramref name="usdCents"/> at the entry's certified rate.</summary>
    internal void SetUsdValue(EntrySpec e, LineSpec l, long usdCents)
    {
        var rate = _ref.CertifiedRate(e.Currency, e.ExportDate, out _) ?? 1_000_000;
        var foreign = (long)((Int128)usdCents * rate / 1_000_000);
        l.ForeignValue = Math.Clamp(foreign, 1, 99_999_999_999_99);
    }

    internal void SetQuantities(LineSpec l, TariffRow t)
    {
        var r = _rng;
        l.Kg = (r.LogUniform(1, 500_000) * 100) + r.Below(100);
        if (t.Unit == "X  ")
        {
            l.Unit = r.Pick(["X  ", "NO ", "KG "]);
            l.Quantity = l.Unit == "KG " ? l.Kg : l.Unit == "X  " ? 0 : r.LogUniform(1, 50_000) * 100;
        }
        else
        {
            l.Unit = t.Unit;
            l.Quantity = t.Unit == "KG " ? l.Kg : (r.LogUniform(1, 50_000) * 100) + (r.Chance(1, 4) ? r.Below(100) : 0);
        }
    }

    private readonly Dictionary<(int, string), string[]> _ch99Candidates = [];
    private readonly List<string> _pick = [];

    internal void PickCh99(EntrySpec e, LineSpec l)
    {
        var r = _rng;
        l.Ch99.Clear();
        if (!_ch99Candidates.TryGetValue((e.EntryDate, l.Origin), out var all))
            _ch99Candidates[(e.EntryDate, l.Origin)] = all = Ch99On(e.EntryDate).Where(c => c.Country == l.Origin || c.Country == "**")
                .Select(c => c.Heading).Distinct(StringComparer.Ordinal).ToArray();
        if (all.Length == 0 || r.Chance(100 - _o.Chapter99Percent, 100)) return;
        _pick.Clear();
        _pick.AddRange(all);
        var k = Math.Min(_pick.Count, r.PickWeighted(Weights(_o.Chapter99CountWeights)) + 1);
        for (var i = 0; i < k; i++)
        {
            var idx = (int)r.Below(_pick.Count);
            l.Ch99.Add(_pick[idx]);
            _pick.RemoveAt(idx);
        }
    }

    // ------------------------------------------------------------------ defects

    private static readonly Corruption[] HeaderKinds =
    [
        Corruption.H001FilerInvalid, Corruption.H002CheckDigit, Corruption.H003Duplicate, Corruption.H004EntryType,
        Corruption.H005EntryDateAfterRun, Corruption.H006ExportAfterEntry, Corruption.H007PortNotNumeric, Corruption.H008Mode,
        Corruption.H009PaymentType, Corruption.H010StatementDate, Corruption.H011NoRate, Corruption.H012ManualFlag,
        Corruption.H013LineCount, Corruption.H014NoFeeSchedule, Corruption.H015ImporterMissing, Corruption.W002LineCount,
        Corruption.R001RecordType, Corruption.H001SerialNotNumeric, Corruption.H005EntryDateInvalid, Corruption.H006ExportDateInvalid,
    ];

    private static readonly Corruption[] LineKinds =
    [
        Corruption.L001Orphan, Corruption.L003LineNumber, Corruption.L004ValueBlank, Corruption.L005QuantityBadNibble,
        Corruption.L006UnknownHts, Corruption.L007UnknownSpi, Corruption.L008Unit, Corruption.L009Ch99Count,
        Corruption.L010Ch99NotValid, Corruption.L011UnknownCase, Corruption.L012CaseCountry, Corruption.L013Overflow,
        Corruption.W001InactiveCase, Corruption.R001RecordType, Corruption.L004ValueBadNibble, Corruption.L004ValueNotPositive,
        Corruption.L005KgBlank,
    ];

    private Corruption? NextHeaderDefect(EntrySpec e, string? previousEntryNo)
    {
        for (var tries = 0; tries < HeaderKinds.Length; tries++)
        {
            var kind = HeaderKinds[_headerRotation++ % HeaderKinds.Length];
            var ok = kind switch
            {
                Corruption.H003Duplicate => previousEntryNo is not null,
                Corruption.H005EntryDateAfterRun => LegacyDate.AddDays(_o.RunDate, 1) <= 20991231,
                Corruption.H014NoFeeSchedule => LegacyDate.AddDays(_earliestFeeDate, -41) >= 19900101,
                Corruption.W002LineCount => e.Lines.Count >= 1,
                _ => true,
            };
            if (ok) return kind;
        }
        return null;
    }

    private Corruption? NextLineDefect(EntrySpec e, LineSpec l, int lineNo, long rate)
    {
        for (var tries = 0; tries < LineKinds.Length; tries++)
        {
            var kind = LineKinds[_lineRotation++ % LineKinds.Length];
            var t = TariffOn(e.EntryDate).FirstOrDefault(x => x.Hts == l.Hts);
            var ok = kind switch
            {
                Corruption.L003LineNumber => lineNo == e.Lines.Count,
                Corruption.L008Unit => t is not null && t.Unit != "X  ",
                Corruption.L012CaseCountry => _activeCases.Any(c => c.Country != l.Origin),
                Corruption.L013Overflow => rate <= 1_000_000,
                Corruption.W001InactiveCase => _inactiveCases.Length > 0,
                _ => true,
            };
            if (ok) return kind;
        }
        return null;
    }

    private void ApplyHeaderDefect(byte[] rec, Corruption kind, EntrySpec e, string? previousEntryNo)
    {
        var r = _defectRng;
        switch (kind)
        {
            case Corruption.H001FilerInvalid:
                rec[EntryRecords.HeaderEntryNo + (int)r.Below(3)] = (byte)r.Pick(['-', '*', ' ', '/']);
                break;
            case Corruption.H001SerialNotNumeric:
                rec[EntryRecords.HeaderEntryNo + 3 + (int)r.Below(7)] = (byte)r.Pick(['-', ' ', '/', '.']);
                break;
            case Corruption.H002CheckDigit:
                var cd = rec[EntryRecords.HeaderEntryNo + 10] - '0';
                rec[EntryRecords.HeaderEntryNo + 10] = r.Chance(1, 4) ? (byte)'X' : (byte)('0' + ((cd + 1 + (int)r.Below(9)) % 10));
                break;
            case Corruption.H003Duplicate:
                EntryRecords.Text(rec, EntryRecords.HeaderEntryNo, 11, previousEntryNo);
                break;
            case Corruption.H004EntryType:
                EntryRecords.Text(rec, EntryRecords.HeaderEntryType, 2, r.Pick(["21", "99", "  ", "1A", "04", "00"]));
                break;
            case Corruption.H005EntryDateAfterRun:
                EntryRecords.Digits(rec, EntryRecords.HeaderEntryDate, 8, LegacyDate.AddDays(_o.RunDate, r.Between(1, 30)));
                break;
            case Corruption.H005EntryDateInvalid:
                EntryRecords.Text(rec, EntryRecords.HeaderEntryDate, 8,
                    r.Pick([string.Concat(LegacyDate.Format(e.EntryDate).AsSpan(0, 4), "1301"), "20250230", "        ", "2026X302", "19891231", "00000000"]));
                break;
            case Corruption.H006ExportAfterEntry:
                EntryRecords.Digits(rec, EntryRecords.HeaderExportDate, 8, LegacyDate.AddDays(e.EntryDate, r.Between(1, 10)));
                break;
            case Corruption.H006ExportDateInvalid:
                EntryRecords.Text(rec, EntryRecords.HeaderExportDate, 8, r.Pick(["20250231", "20251300", "        ", "2025O101", "20250100"]));
                break;
            case Corruption.H007PortNotNumeric:
                EntryRecords.Text(rec, EntryRecords.HeaderPort, 4, r.Pick(["27A4", "    ", "10-1", "O401"]));
                break;
            case Corruption.H008Mode:
                EntryRecords.Text(rec, EntryRecords.HeaderMode, 2, r.Pick(["13", "99", "AB", "00", "  ", "42"]));
                break;
            case Corruption.H009PaymentType:
                EntryRecords.Text(rec, EntryRecords.HeaderPaymentType, 1, r.Pick(["3", "5", "0", "X", " ", "8"]));
                break;
            case Corruption.H010StatementDate:
                rec[EntryRecords.HeaderPaymentType] = (byte)'2';
                EntryRecords.Text(rec, EntryRecords.HeaderStatementDate, 8, r.Pick(["00000000", "20261301", "        ", "20260229"]));
                break;
            case Corruption.H011NoRate:
                var unknown = new[] { "BRL", "TWD", "XXX", "ARS", "ZAR" }.Where(c => _ref.Rate(c, 'Q', GeneratorReferenceData.QuarterStart(e.ExportDate)) is null).ToArray();
                if (e.Currency is not ("USD" or "   ") && r.Chance(1, 3))
                {
                    // a known currency, but an export date before the first certified quarterly rate
                    var first = _ref.ExchangeRates.Where(x => x.Currency == e.Currency && x.Type == 'Q').Min(x => x.Date);
                    var d = LegacyDate.AddDays(first, -r.Between(1, 40));
                    EntryRecords.Digits(rec, EntryRecords.HeaderExportDate, 8, d);
                }
                else
                {
                    EntryRecords.Text(rec, EntryRecords.HeaderCurrency, 3, r.Pick(unknown));
                }
                break;
            case Corruption.H012ManualFlag:
                rec[EntryRecords.HeaderManual] = (byte)r.Pick(['X', 'y', '1', 'n']);
                break;
            case Corruption.H013LineCount:
                EntryRecords.Text(rec, EntryRecords.HeaderLineCount, 3, r.Pick(["000", "A12", "   ", "1 2"]));
                break;
            case Corruption.H014NoFeeSchedule:
                var entryDate = LegacyDate.AddDays(_earliestFeeDate, -r.Between(1, 40));
                EntryRecords.Digits(rec, EntryRecords.HeaderEntryDate, 8, entryDate);
                EntryRecords.Digits(rec, EntryRecords.HeaderExportDate, 8, LegacyDate.AddDays(entryDate, -r.Between(0, 10)));
                EntryRecords.Text(rec, EntryRecords.HeaderCurrency, 3, "USD");
                break;
            case Corruption.H015ImporterMissing:
                EntryRecords.Text(rec, EntryRecords.HeaderImporter, 12, "");
                break;
            default:
                throw new InvalidOperationException("not a header defect: " + kind);
        }
    }

    private void ApplyLineDefect(byte[] rec, Corruption kind, EntrySpec e, LineSpec l, int lineNo)
    {
        var r = _defectRng;
        switch (kind)
        {
            case Corruption.L003LineNumber:
                if (r.Chance(1, 2) && lineNo < 999) EntryRecords.Digits(rec, EntryRecords.LineNo, 3, lineNo + 1 + r.Between(0, Math.Min(5, 998 - lineNo)));
                else EntryRecords.Text(rec, EntryRecords.LineNo, 3, r.Pick(["X01", "   ", "0-1"]));
                break;
            case Corruption.L004ValueBlank:
                rec.AsSpan(EntryRecords.LineValue, 7).Fill((byte)' ');
                break;
            case Corruption.L004ValueBadNibble:
                rec[EntryRecords.LineValue + (int)r.Below(6)] = (byte)r.Pick([0xAB, 0xFF, 0x1A, 0xC0]);
                break;
            case Corruption.L004ValueNotPositive:
                Collections.Cobol.Codecs.PackedDecimal.Encode(r.Chance(1, 2) ? 0 : -l.ForeignValue, rec.AsSpan(EntryRecords.LineValue, 7), 13, signed: true);
                break;
            case Corruption.L005QuantityBadNibble:
                rec[EntryRecords.LineQuantity + (int)r.Below(5)] = (byte)r.Pick([0xAB, 0xFF, 0x1A, 0xE0]);
                break;
            case Corruption.L005KgBlank:
                rec.AsSpan(EntryRecords.LineKg, 6).Fill((byte)' ');
                break;
            case Corruption.L006UnknownHts:
                string hts;
                do hts = string.Concat(l.Hts.AsSpan(0, 6), r.Between(9000, 9999).ToString("D4", CultureInfo.InvariantCulture));
                while (_htsCodes.Contains(hts));
                EntryRecords.Text(rec, EntryRecords.LineHts, 10, hts);
                break;
            case Corruption.L007UnknownSpi:
                EntryRecords.Text(rec, EntryRecords.LineSpi, 2, r.Pick(new[] { "ZZ", "B ", "Q1", "GS" }.Where(s => !_spiCodes.Contains(s)).ToArray()));
                break;
            case Corruption.L008Unit:
                var t = TariffOn(e.EntryDate).First(x => x.Hts == l.Hts);
                EntryRecords.Text(rec, EntryRecords.LineUnit, 3, t.Unit == "DOZ" ? "KG " : "DOZ");
                break;
            case Corruption.L009Ch99Count:
                EntryRecords.Text(rec, EntryRecords.LineCh99Count, 1, r.Pick(["4", "5", "9", "A", " "]));
                break;
            case Corruption.L010Ch99NotValid:
                var bad = r.Chance(1, 2) ? "9903999999" : _ref.Ch99.Where(c => c.Country != "**" && c.Country != l.Origin).Select(c => c.Heading).FirstOrDefault() ?? "9903999999";
                if (_ref.Ch99.Any(c => c.Heading == bad && (c.Country == "**" || c.Country == l.Origin) && c.EffectiveDate <= e.EntryDate && c.EndDate >= e.EntryDate))
                    bad = "9903999999";
                var slot = Math.Min(l.Ch99.Count, 2);
                EntryRecords.Text(rec, EntryRecords.LineCh99 + (10 * slot), 10, bad);
                EntryRecords.Digits(rec, EntryRecords.LineCh99Count, 1, Math.Max(l.Ch99.Count, slot + 1));
                break;
            case Corruption.L011UnknownCase:
                EntryRecords.Text(rec, EntryRecords.LineCase, 10, r.Pick(["A999999999", "C000000000", "A57084800X"]));
                break;
            case Corruption.L012CaseCountry:
                EntryRecords.Text(rec, EntryRecords.LineCase, 10, r.Pick(_activeCases.Where(c => c.Country != l.Origin).ToArray()).CaseNo);
                break;
            case Corruption.L013Overflow:
                Collections.Cobol.Codecs.PackedDecimal.Encode(99_999_999_999_99, rec.AsSpan(EntryRecords.LineValue, 7), 13, signed: true);
                break;
            case Corruption.W001InactiveCase:
                var c0 = r.Pick(_inactiveCases);
                EntryRecords.Text(rec, EntryRecords.LineCase, 10, c0.CaseNo);
                EntryRecords.Text(rec, EntryRecords.LineOrigin, 2, c0.Country);
                // the origin changed: drop Chapter 99 numbers that may not hold for it
                EntryRecords.Digits(rec, EntryRecords.LineCh99Count, 1, 0);
                rec.AsSpan(EntryRecords.LineCh99, 30).Fill((byte)' ');
                break;
            default:
                throw new InvalidOperationException("not a line defect: " + kind);
        }
    }
}
