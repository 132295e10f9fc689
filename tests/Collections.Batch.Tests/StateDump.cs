using System.Globalization;
using System.Reflection;
using System.Text;
using Collections.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Collections.Batch.Tests;

/// <summary>
/// A canonical text dump of a database's business rows (every table of the day's data and results, in key order;
/// ledger timestamps and worker names left out), to compare the final state of two runs.
/// </summary>
public static class StateDump
{
    public static async Task<string> OfAsync(DatabaseOptions options)
    {
        await using var db = options.CreateContext();
        var sb = new StringBuilder();
        await Dump(sb, db.IngestSummaries.AsNoTracking().OrderBy(x => x.RunId));
        await Dump(sb, db.Entries.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.RecordNo));
        await Dump(sb, db.EntryLines.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.RecordNo));
        await Dump(sb, db.RejectedRecords.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.RecordNo).ThenBy(x => x.Seq));
        await Dump(sb, db.EntryResults.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.RecordNo));
        await Dump(sb, db.LineResults.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.RecordNo));
        await Dump(sb, db.EntryTotals.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.Seq));
        await Dump(sb, db.EntryFees.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.EntrySeq).ThenBy(x => x.FeeNo));
        await Dump(sb, db.MpfAllocations.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.EntrySeq).ThenBy(x => x.AllocationNo));
        await Dump(sb, db.ControlTotals.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.Program).ThenBy(x => x.SeqNo));
        await Dump(sb, db.StepMessages.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.StepName).ThenBy(x => x.Seq));
        await Dump(sb, db.CycleInputs.AsNoTracking().OrderBy(x => x.RunId));
        await Dump(sb, db.Payments.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.RecordNo));
        await Dump(sb, db.Statements.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.SeqNo));
        await Dump(sb, db.StatementEntries.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.SeqNo));
        await Dump(sb, db.OpenItems.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.SeqNo));
        await Dump(sb, db.LedgerPostings.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.SeqNo));
        await Dump(sb, db.JournalLines.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.PostingSeqNo).ThenBy(x => x.Leg));
        await Dump(sb, db.SuspenseItems.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.SeqNo));
        await Dump(sb, db.ReportLines.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.LineNo));
        await Dump(sb, db.ReportTotals.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.Section).ThenBy(x => x.LineNo));
        foreach (var p in await db.PostedDays.AsNoTracking().OrderBy(x => x.BusinessDate).ToListAsync())
            sb.Append(CultureInfo.InvariantCulture, $"posted {p.BusinessDate:yyyy-MM-dd} run {p.RunId}\n");
        foreach (var s in await db.Steps.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.Ordinal).ToListAsync())
            sb.Append(CultureInfo.InvariantCulture, $"step {s.RunId} {s.StepName} {s.Status} {s.ReturnCode} {s.ChunkCount}\n");
        foreach (var c in await db.Chunks.AsNoTracking().OrderBy(x => x.RunId).ThenBy(x => x.StepName).ThenBy(x => x.ChunkNo).ToListAsync())
            sb.Append(CultureInfo.InvariantCulture, $"chunk {c.RunId} {c.StepName} {c.ChunkNo} {c.FirstRecordNo}-{c.LastRecordNo} {c.Status} {c.Rows}\n");
        foreach (var r in await db.Runs.AsNoTracking().OrderBy(x => x.Id).ToListAsync())
            sb.Append(CultureInfo.InvariantCulture, $"run {r.Id} {r.BusinessDate:yyyy-MM-dd} {r.InputHash} {r.Status} {r.ReturnCode}\n");
        return sb.ToString();
    }

    private static async Task Dump<T>(StringBuilder sb, IQueryable<T> rows) where T : class
    {
        var props = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        foreach (var row in await rows.ToListAsync())
        {
            sb.Append(typeof(T).Name);
            foreach (var p in props)
            {
                var v = p.GetValue(row);
                sb.Append('|').Append(v is byte[] b ? Convert.ToHexString(b) : Convert.ToString(v, CultureInfo.InvariantCulture));
            }
            sb.Append('\n');
        }
    }
}
