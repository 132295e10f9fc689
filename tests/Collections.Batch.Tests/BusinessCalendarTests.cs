using Collections.Batch.Jobs;
using Collections.Legacy.RefData;

namespace Collections.Batch.Tests;

public sealed class BusinessCalendarTests
{
    private static readonly HashSet<DateOnly> Holidays = BusinessCalendar.Holidays(Cycle.ReferenceLibrary.Records(ShippedReferenceLibrary.Read("HOLIDAY.DAT")));

    [Theory]
    [InlineData("2026-03-02", true)]    // Monday
    [InlineData("2026-03-07", false)]   // Saturday
    [InlineData("2026-03-08", false)]   // Sunday
    [InlineData("2026-07-03", false)]   // Independence Day observed (Friday)
    [InlineData("2026-12-25", false)]   // Christmas
    [InlineData("2026-12-24", true)]
    public void IsBusinessDay_WeekendsAndHolidaysOfTheReferenceTable(string date, bool expected)
    {
        BusinessCalendar.IsBusinessDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Holidays).Should().Be(expected);
    }

    [Fact]
    public void DateInNewYork_LateEveningUtcIsStillThePreviousDay()
    {
        BusinessCalendar.DateInNewYork(new DateTimeOffset(2026, 3, 3, 3, 0, 0, TimeSpan.Zero)).Should().Be(new DateOnly(2026, 3, 2));
        BusinessCalendar.DateInNewYork(new DateTimeOffset(2026, 7, 1, 3, 59, 0, TimeSpan.Zero)).Should().Be(new DateOnly(2026, 6, 30));
        BusinessCalendar.DateInNewYork(new DateTimeOffset(2026, 7, 1, 4, 0, 0, TimeSpan.Zero)).Should().Be(new DateOnly(2026, 7, 1));
    }
}
