using System.Globalization;
using Collections.Persistence;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Collections.Batch.Export;

/// <summary>
/// CSV for analysts: invariant culture, a header row, cents as decimal dollars (exact: cents / 100 as decimal).
/// entries: one row per entry (edit outcome, totals by revenue class and fees); lines: one row per line result;
/// payments: the payments as received; ledger: the postings (receivable side) with their contra account; open-items:
/// the open item master the day posted.
/// </summary>
public static class CsvExport
{
    /// <summary>What <c>export csv --what</c> accepts.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["entries", "lines", "payments", "ledger", "open-items"];

    public static async Task<long> WriteAsync(DatabaseOptions options, long runId, string what, string path, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Kinds.Contains(what)) throw new ArgumentException($"--what '{what}': use " + string.Join(", ", Kinds), nameof(what));
        await using var db = options.CreateContext();
        await using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions
        {
            Mode = CsvMode.Rfc4180, Separator = ',', NewLine = "\n", Quoting = CsvQuoting.WhenNeededOrWhitespace,
            Injection = CsvInjection.None, FormatProvider = CultureInfo.InvariantCulture,
        }, leaveOpen: true);
        long n = 0;
        bool header = false;
        void Row(object values)
        {
            var props = values.GetType().GetProperties();
            if (!header)
            {
                foreach (var p in props) csv.WriteField(p.Name.AsSpan());
                csv.EndRecord();
                header = true;
            }
            foreach (var p in props) csv.WriteField(Convert.ToString(p.GetValue(values), CultureInfo.InvariantCulture).AsSpan());
            csv.EndRecord();
            n++;
        }
        static decimal D(long cents) => cents / 100m;
        if (what == "entries")
        {
            var rows = db.EntryResults.AsNoTracking().Where(e => e.RunId == runId).OrderBy(e => e.RecordNo)
                .GroupJoin(db.EntryTotals.Where(t => t.RunId == runId && t.Written), e => e.RecordNo, t => t.HeaderRecordNo, (e, t) => new { e, t })
                .SelectMany(x => x.t.DefaultIfEmpty(), (x, t) => new { x.e, t }).AsAsyncEnumerable();
            await foreach (var r in rows.WithCancellation(ct).ConfigureAwait(false))
            {
                var e = r.e;
                var t = r.t;
                Row(new
                {
                    entry_no = e.EntryNo, record_no = e.RecordNo, status = e.Status, reason = e.ReasonCode ?? "", entry_type = e.EntryType,
                    importer_no = e.ImporterNo.TrimEnd(), port = e.PortCode, entry_date = e.EntryDate, payment_type = e.PaymentType, currency = e.CurrencyCode,
                    lines_accepted = t?.LinesAccepted ?? 0, lines_rejected = t?.LinesRejected ?? 0, entered_value = D(t?.EnteredValueCents ?? 0),
                    duty = D(t?.DutyCents ?? 0), s301 = D(t?.Section301Cents ?? 0), s232 = D(t?.Section232Cents ?? 0), ieepa = D(t?.IeepaCents ?? 0),
                    s122 = D(t?.Section122Cents ?? 0), other_ch99 = D(t?.OtherChapter99Cents ?? 0), antidumping = D(t?.AntidumpingCents ?? 0),
                    countervailing = D(t?.CountervailingCents ?? 0), mpf_499 = D(t?.MpfCents ?? 0), informal_311 = D(t?.InformalFeeCents ?? 0),
                    manual_500 = D(t?.ManualSurchargeCents ?? 0), hmf_501 = D(t?.HmfCents ?? 0), cotton_056 = D(t?.CottonCents ?? 0),
                    fee_total = D(t?.FeeTotalCents ?? 0), total_assessed = D(t?.TotalAssessedCents ?? 0),
                });
            }
        }
        else if (what == "payments")
        {
            var rows = db.Payments.AsNoTracking().Where(p => p.RunId == runId).OrderBy(p => p.RecordNo).AsAsyncEnumerable();
            await foreach (var p in rows.WithCancellation(ct).ConfigureAwait(false))
                Row(new
                {
                    record_no = p.RecordNo, payment_id = p.PaymentId.TrimEnd(), method = p.Method, ref_type = p.RefType, reference = p.Reference.TrimEnd(),
                    amount = D(p.AmountCents), date_received = p.DateReceived, short_record = p.IsShort,
                });
        }
        else if (what == "ledger")
        {
            var rows = db.LedgerPostings.AsNoTracking().Where(p => p.RunId == runId).OrderBy(p => p.SeqNo).AsAsyncEnumerable();
            await foreach (var p in rows.WithCancellation(ct).ConfigureAwait(false))
            {
                var (account, contra) = Steps.LedgerStep.Accounts(p.ItemType, p.TranCode, p.RevenueClass, p.PayMethod);
                Row(new
                {
                    seq_no = p.SeqNo, post_date = p.PostDate, sequence = p.Sequence, ref_type = p.RefType, reference = p.Reference.TrimEnd(), item_type = p.ItemType.Trim(),
                    tran_code = p.TranCode, revenue_class = p.RevenueClass.Trim(), debit_credit = p.DebitCredit, amount = D(p.AmountCents), pay_method = p.PayMethod.Trim(),
                    source_id = p.SourceId.TrimEnd(), effective_date = p.EffectiveDate, account, contra_account = contra,
                });
            }
        }
        else if (what == "open-items")
        {
            var rows = db.OpenItems.AsNoTracking().Where(o => o.RunId == runId).OrderBy(o => o.SeqNo).AsAsyncEnumerable();
            await foreach (var o in rows.WithCancellation(ct).ConfigureAwait(false))
                Row(new
                {
                    business_date = o.BusinessDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ref_type = o.RefType, reference = o.Reference.TrimEnd(),
                    item_type = o.ItemType, status = o.Status, statement_type = o.StatementType, filer = o.FilerCode.TrimEnd(), importer_no = o.ImporterNo.TrimEnd(),
                    period = o.Period, open_date = o.OpenDate, statement_date = o.StatementDate, due_date = o.DueDate, bill_date = o.BillDate,
                    last_payment_date = o.LastPaymentDate, last_activity_date = o.LastActivityDate, entry_count = o.EntryCount, assessed = D(o.AssessedCents),
                    interest = D(o.InterestCents), paid = D(o.PaidCents), refund = D(o.RefundCents), balance = D(o.BalanceCents),
                });
        }
        else
        {
            var rows = db.LineResults.AsNoTracking().Where(l => l.RunId == runId).OrderBy(l => l.RecordNo).AsAsyncEnumerable();
            await foreach (var l in rows.WithCancellation(ct).ConfigureAwait(false))
            {
                Row(new
                {
                    entry_no = l.EntryNo, line_no = l.LineNo, record_no = l.RecordNo, status = l.Status, reason = l.ReasonCode ?? "", hts = l.HtsNo,
                    spi = l.SpiCode.Trim(), rate_type = l.RateType.Trim(), usd_value = D(l.UsdValueCents), duty = D(l.DutyCents),
                    ch99_1_class = l.Ch99Class1.Trim(), ch99_1 = D(l.Ch99Cents1), ch99_2_class = l.Ch99Class2.Trim(), ch99_2 = D(l.Ch99Cents2),
                    ch99_3_class = l.Ch99Class3.Trim(), ch99_3 = D(l.Ch99Cents3), adcvd_type = l.AdcvdType.Trim(), adcvd = D(l.AdcvdCents),
                    raw_mpf = l.RawMpfE5 / 100000m, cotton_056 = D(l.CottonFeeCents),
                });
            }
        }
        csv.Flush();
        return n;
    }
}
