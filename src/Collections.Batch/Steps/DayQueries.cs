using System.Data.Common;
using Collections.Persistence;
using Collections.Persistence.Bulk;
using Collections.Persistence.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Collections.Batch.Steps;

/// <summary>
/// The hot reads of the computing steps as plain ADO.NET commands on the unit of work's connection and transaction
/// (typed column getters, no EF materialisation or change tracking), in SQL every provider takes: quoted snake_case
/// names, named parameters, key-range predicates so each read walks a primary key in order. On SQLite the same SQL
/// runs through <see cref="SqliteReader"/> (SQLitePCLRaw on the connection's handle: typed column reads, short ASCII
/// values without a new string each).
/// </summary>
internal static class DayQueries
{
    public sealed record Header(long RecordNo, string PrecedingEntryNo, long EndRecordNo, byte[] Raw);

    public readonly record struct Line(long RecordNo, long HeaderRecordNo, byte[] Raw);

    /// <summary>The entry headers of a record range (a line-duty chunk), in record order.</summary>
    public static async Task<List<Header>> HeadersAsync(CollectionsDbContext db, long runId, long first, long last, CancellationToken ct)
    {
        var list = new List<Header>();
        const string sql = "SELECT \"record_no\", \"preceding_entry_no\", \"end_record_no\", \"raw\" FROM \"entries\" "
                           + "WHERE \"run_id\" = @run AND \"record_no\" >= @first AND \"record_no\" <= @last ORDER BY \"record_no\"";
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            using var q = new SqliteReader(sqlite, sql, runId, first, last);
            while (q.Read()) list.Add(new Header(q.Int64(0), q.Text(1), q.Int64(2), q.Blob(3)));
            return list;
        }
        await using var cmd = Command(db, sql, ("run", runId), ("first", first), ("last", last));
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
            list.Add(new Header(r.GetInt64(0), DbText.FromStore(r.GetString(1)), r.GetInt64(2), (byte[])r.GetValue(3)));
        return list;
    }

    /// <summary>
    /// The lines of the entries whose headers lie in a record range, in record order: the lines with a header in the
    /// range (a line's header is the latest header before it, so those lines lie in the range too).
    /// </summary>
    public static async Task<List<Line>> LinesAsync(CollectionsDbContext db, long runId, long first, long last, CancellationToken ct)
    {
        var list = new List<Line>();
        const string sql = "SELECT \"record_no\", \"header_record_no\", \"raw\" FROM \"entry_lines\" "
                           + "WHERE \"run_id\" = @run AND \"record_no\" >= @first AND \"record_no\" <= @last AND \"header_record_no\" IS NOT NULL "
                           + "ORDER BY \"record_no\"";
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            using var q = new SqliteReader(sqlite, sql, runId, first, last);
            while (q.Read())
            {
                var h = q.Int64(1);
                if (h >= first && h <= last) list.Add(new Line(q.Int64(0), h, q.Blob(2)));
            }
            return list;
        }
        await using var cmd = Command(db, sql, ("run", runId), ("first", first), ("last", last));
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            var header = r.GetInt64(1);
            if (header >= first && header <= last) list.Add(new Line(r.GetInt64(0), header, (byte[])r.GetValue(2)));
        }
        return list;
    }

    private const string LineResultColumns =
        "\"record_no\", \"header_record_no\", \"entry_no\", \"line_no\", \"status\", \"hts_no\", \"spi_code\", \"usd_value_cents\", \"duty_cents\", "
        + "\"ch99_class1\", \"ch99_applied1\", \"ch99_cents1\", \"ch99_class2\", \"ch99_applied2\", \"ch99_cents2\", \"ch99_class3\", \"ch99_applied3\", \"ch99_cents3\", "
        + "\"adcvd_type\", \"adcvd_cents\", \"raw_mpf_e5\", \"cotton_fee_cents\"";

    /// <summary>
    /// The line results of a record range in record order (LINECALC's order), each filled into <paramref name="row"/>
    /// (reused) and passed to <paramref name="each"/>; the fields CLV200 reads. <paramref name="each"/> returns false
    /// to stop. Nothing may be written on the connection while the reader is open.
    /// </summary>
    public static async Task<bool> LineResultsAsync(CollectionsDbContext db, long runId, long after, long upTo, LineResult row, Func<LineResult, bool> each, CancellationToken ct)
    {
        const string sql = "SELECT " + LineResultColumns + " FROM \"line_results\" "
                           + "WHERE \"run_id\" = @run AND \"record_no\" > @after AND \"record_no\" <= @upTo ORDER BY \"record_no\"";
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            using var q = new SqliteReader(sqlite, sql, runId, after, upTo);
            while (q.Read())
            {
                row.RecordNo = q.Int64(0);
                row.HeaderRecordNo = q.Int64(1);
                row.EntryNo = q.Text(2);
                row.LineNo = q.Text(3);
                row.Status = q.Text(4);
                row.HtsNo = q.Text(5);
                row.SpiCode = q.Text(6);
                row.UsdValueCents = q.Int64(7);
                row.DutyCents = q.Int64(8);
                row.Ch99Class1 = q.Text(9);
                row.Ch99Applied1 = q.Text(10);
                row.Ch99Cents1 = q.Int64(11);
                row.Ch99Class2 = q.Text(12);
                row.Ch99Applied2 = q.Text(13);
                row.Ch99Cents2 = q.Int64(14);
                row.Ch99Class3 = q.Text(15);
                row.Ch99Applied3 = q.Text(16);
                row.Ch99Cents3 = q.Int64(17);
                row.AdcvdType = q.Text(18);
                row.AdcvdCents = q.Int64(19);
                row.RawMpfE5 = q.Int64(20);
                row.CottonFeeCents = q.Int64(21);
                if (!each(row)) return false;
            }
            return true;
        }
        await using var cmd = Command(db, sql, ("run", runId), ("after", after), ("upTo", upTo));
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            row.RecordNo = r.GetInt64(0);
            row.HeaderRecordNo = r.GetInt64(1);
            row.EntryNo = Text(r, 2);
            row.LineNo = Text(r, 3);
            row.Status = Text(r, 4);
            row.HtsNo = Text(r, 5);
            row.SpiCode = Text(r, 6);
            row.UsdValueCents = r.GetInt64(7);
            row.DutyCents = r.GetInt64(8);
            row.Ch99Class1 = Text(r, 9);
            row.Ch99Applied1 = Text(r, 10);
            row.Ch99Cents1 = r.GetInt64(11);
            row.Ch99Class2 = Text(r, 12);
            row.Ch99Applied2 = Text(r, 13);
            row.Ch99Cents2 = r.GetInt64(14);
            row.Ch99Class3 = Text(r, 15);
            row.Ch99Applied3 = Text(r, 16);
            row.Ch99Cents3 = r.GetInt64(17);
            row.AdcvdType = Text(r, 18);
            row.AdcvdCents = r.GetInt64(19);
            row.RawMpfE5 = r.GetInt64(20);
            row.CottonFeeCents = r.GetInt64(21);
            if (!each(row)) return false;
        }
        return true;
    }

    private static string Text(DbDataReader r, int ordinal) => DbText.FromStore(r.GetString(ordinal));

    /// <summary>A command on the context's connection and transaction with <paramref name="args"/> bound as 64-bit integers named @name.</summary>
    internal static DbCommand Command(CollectionsDbContext db, string sql, params (string Name, long Value)[] args)
    {
        var connection = db.Database.GetDbConnection();
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in args)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@" + name;
            p.DbType = System.Data.DbType.Int64;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }
}
