using System.Globalization;
using System.Text.Json;

namespace Collections.Parity.Generation;

/// <summary>
/// generation.json beside the generated inputs: the parameters, the coverage scenarios, the counts and trailer
/// totals, and every planted defect with the reason code the legacy must give it. Written deterministically.
/// </summary>
public static class GenerationSummary
{
    public const string FileName = "generation.json";

    public static void Write(string path, DayGeneratorOptions o, GenerationResult r)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(r);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("generator", "collections generate-day");
        w.WriteString("runDate", LegacyDate.Format(o.RunDate));
        w.WriteNumber("entries", o.Entries);
        w.WriteString("seed", o.Seed.ToString(CultureInfo.InvariantCulture));
        w.WriteString("invalidRate", (o.InvalidPpm / 1_000_000m).ToString(CultureInfo.InvariantCulture));
        w.WriteString("trailerError", r.TrailerError.ToString());
        w.WriteNumber("meanLines", o.MeanLines);
        w.WriteBoolean("scenarios", o.Scenarios);
        if (!o.HasDefaultShape)
        {
            // only when a shape setting differs: a default day's generation.json is as before the settings existed
            w.WriteStartObject("shape");
            if (o.LineSpread is { } spread) w.WriteNumber("lineSpread", spread);
            w.WriteNumber("largePercent", o.LargePercent);
            w.WriteNumber("chapter99Percent", o.Chapter99Percent);
            Weights("chapter99CountWeights", o.Chapter99CountWeights);
            w.WriteNumber("adcvdPercent", o.AdcvdPercent);
            w.WriteNumber("foreignCurrencyPercent", o.ForeignCurrencyPercent);
            w.WriteNumber("dailyRatePercent", o.DailyRatePercent);
            Weights("entryTypeWeights", o.EntryTypeWeights);
            w.WriteNumber("manualPercent", o.ManualPercent);
            w.WriteNumber("spiPercent", o.SpiPercent);
            Weights("paymentTypeWeights", o.PaymentTypeWeights);
            w.WriteEndObject();
        }
        w.WriteString("paymentsFrom", o.PaymentsFrom is null ? null : Path.GetFileName(Path.TrimEndingDirectorySeparator(o.PaymentsFrom)));
        // written only when used, so the days generated without them keep their bytes
        if (o.AgedEntryPpm > 0) w.WriteString("agedEntries", (o.AgedEntryPpm / 1_000_000m).ToString(CultureInfo.InvariantCulture));
        if (o.PaymentScenarios) w.WriteBoolean("paymentScenarios", true);
        w.WriteNumber("records", r.Records);
        w.WriteNumber("headers", r.Headers);
        w.WriteNumber("lines", r.Lines);
        w.WriteString("valueHash", Collections.Cobol.Codecs.FixedPoint.Format(r.HashCents, 2));
        w.WriteNumber("payments", r.Payments);
        w.WriteStartArray("coverageScenarios");
        foreach (var s in r.Scenarios) w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteStartObject("expectedReasonCodes");
        foreach (var (code, count) in r.ExpectedRejectCodes.OrderBy(kv => kv.Key, StringComparer.Ordinal)) w.WriteNumber(code, count);
        w.WriteEndObject();
        if (r.ScenarioPayments.Count > 0)
        {
            // which remittance is there for which CLV400 scenario (only with --payment-scenarios)
            w.WriteStartArray("scenarioPayments");
            foreach (var (id, scenario) in r.ScenarioPayments)
            {
                w.WriteStartObject();
                w.WriteString("paymentId", id);
                w.WriteString("scenario", scenario);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteStartArray("plantedDefects");
        foreach (var d in r.Defects)
        {
            w.WriteStartObject();
            w.WriteNumber("record", d.RecordNo);
            w.WriteString("entry", d.EntryNo);
            w.WriteString("line", d.LineNo);
            w.WriteString("code", d.ReasonCode);
            w.WriteString("kind", d.Kind.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();

        void Weights(string name, IReadOnlyList<int> weights)
        {
            w.WriteStartArray(name);
            foreach (var x in weights) w.WriteNumberValue(x);
            w.WriteEndArray();
        }
    }
}
