using Collections.Domain.Calendar;
using Collections.Legacy.Records;

namespace Collections.Legacy.Clv300;

/// <summary>
/// 1300-LOAD-HOLIDAY-TABLE: the HOLIDAY records (REFHOLI, line sequential, 50 bytes) into the working-day calendar,
/// with the legacy's checks and messages: CLV3301E (date not numeric, the record shown as read), CLV3302E (not later
/// than the date before), CLV3303E (a 301st date), CLV3304E (no date), each followed by CLV3901E. Reading stops at
/// the first error.
/// </summary>
public static class HolidayTableLoader
{
    /// <summary>REFHOLI: RECORD CONTAINS 50 CHARACTERS.</summary>
    public const int RecordLength = 50;

    /// <summary>The calendar, or null after a table error (the messages are on <paramref name="sysout"/>; the run ends with RC 8).</summary>
    public static WorkingDayCalendar? Load(IEnumerable<byte[]> records, TextWriter sysout)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(sysout);
        var builder = new HolidayTableBuilder();
        var error = false;
        foreach (var record in records)
        {
            var date = record.AsSpan(0, 8);   // HOL-DATE PIC 9(08)
            if (!LegacyNumeric.IsDigits(date))
            {
                sysout.Write("CLV3301E HOLIDAY RECORD INVALID: " + LegacyNumeric.Text(record.AsSpan(0, RecordLength)) + "\n");
                error = true;
                break;
            }
            var result = builder.Add((int)LegacyNumeric.Digits(date));
            if (result == HolidayAddResult.Added) continue;
            sysout.Write(result == HolidayAddResult.OutOfSequence
                ? "CLV3302E HOLIDAY TABLE OUT OF SEQUENCE AT " + LegacyNumeric.Text(date) + "\n"
                : "CLV3303E HOLIDAY TABLE FULL\n");
            error = true;
            break;
        }
        if (!builder.TryBuild(out var calendar))
        {
            sysout.Write("CLV3304E HOLIDAY TABLE IS EMPTY\n");
            error = true;
        }
        if (!error) return calendar;
        sysout.Write("CLV3901E REFERENCE DATA ERROR - RUN STOPPED\n");
        return null;
    }
}
