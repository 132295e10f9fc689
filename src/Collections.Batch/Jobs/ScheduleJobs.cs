using System.Globalization;
using Collections.Batch.Cycle;
using Collections.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Collections.Batch.Jobs;

/// <summary>
/// Business days for the recurring schedule: Monday to Friday in America/New_York, except the federal holidays
/// (observed) of the reference table HOLIDAY.DAT in force.
/// </summary>
public static class BusinessCalendar
{
    public const string TimeZoneId = "America/New_York";

    public static TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>Holiday dates from HOLIDAY.DAT records (HOL-DATE 9(08) in columns 1-8).</summary>
    public static HashSet<DateOnly> Holidays(IEnumerable<byte[]> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var set = new HashSet<DateOnly>();
        foreach (var r in records)
        {
            if (r.Length < 8) continue;
            var text = System.Text.Encoding.ASCII.GetString(r, 0, 8);
            if (DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) set.Add(d);
        }
        return set;
    }

    public static bool IsBusinessDay(DateOnly date, ISet<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(date);
    }

    /// <summary>The business date in New York at <paramref name="instant"/>.</summary>
    public static DateOnly DateInNewYork(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);
}

/// <summary>
/// The recurring schedule: at the cycle time on weekdays (America/New_York), submits the day found in the inbox
/// (INBOX/CCYY-MM-DD holding ENTRYIN, PAYMENTS, SYSIN) unless the date is a holiday. Never rename.
/// </summary>
public sealed class ScheduleJobs(CycleEngine engine, IBackgroundJobClient jobs)
{
    public const string RecurringId = "daily-cycle";

    /// <summary>Registers the recurring job (cron in New York time, Monday to Friday).</summary>
    public static void Register(JobStorage storage, string inbox, string cron = "0 18 * * 1-5")
    {
        var manager = new RecurringJobManager(storage);
        manager.AddOrUpdate<ScheduleJobs>(RecurringId, CycleJobs.Queue, j => j.SubmitScheduledDayAsync(inbox, CancellationToken.None), cron,
            new RecurringJobOptions { TimeZone = BusinessCalendar.TimeZone });
    }

    [Queue(CycleJobs.Queue)]
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task SubmitScheduledDayAsync(string inbox, CancellationToken ct)
    {
        var today = BusinessCalendar.DateInNewYork(TimeProvider.System.GetUtcNow());
        await using (var db = engine.Options.CreateContext())
        {
            var versions = await ReferenceLibrary.InForceAsync(db, today, ct).ConfigureAwait(false);
            if (versions.TryGetValue("HOLIDAY.DAT", out var v))
            {
                var records = await db.ReferenceRecords.AsNoTracking().Where(r => r.VersionId == v).Select(r => r.Data).ToListAsync(ct).ConfigureAwait(false);
                if (!BusinessCalendar.IsBusinessDay(today, BusinessCalendar.Holidays(records))) return;
            }
            else if (!BusinessCalendar.IsBusinessDay(today, new HashSet<DateOnly>())) return;
        }
        var dir = Path.Combine(inbox, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"scheduled cycle for {today:yyyy-MM-dd}: no input folder {dir}");
        var submitted = await engine.SubmitAsync(today, dir, CycleEngine.DefaultChunkLines, ct).ConfigureAwait(false);
        if (submitted.Run is { } run && submitted.Kind != SubmitKind.Refused)
            jobs.Enqueue<CycleJobs>(j => j.ResumeAsync(run.Id, CancellationToken.None));
    }
}
