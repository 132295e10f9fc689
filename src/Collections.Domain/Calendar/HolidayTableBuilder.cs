namespace Collections.Domain.Calendar;

/// <summary>What happened to a date offered to <see cref="HolidayTableBuilder.Add"/>.</summary>
public enum HolidayAddResult
{
    /// <summary>On the table.</summary>
    Added,

    /// <summary>Not later than the date before it (CLV3302E): the table is in error.</summary>
    OutOfSequence,

    /// <summary>The table already holds <see cref="HolidayTableBuilder.Capacity"/> dates (CLV3303E): the table is in error.</summary>
    Full,
}

/// <summary>
/// Builds the holiday table as CLV300 1300-LOAD-HOLIDAY-TABLE does: dates must ascend strictly (each one later than
/// the one before, the first later than 0), at most <see cref="Capacity"/> (WS-HOL-MAX), and the table must not be
/// empty. The checks run in the legacy's order: sequence first, then capacity.
/// </summary>
public sealed class HolidayTableBuilder
{
    /// <summary>WS-HOL-MAX: OCCURS 1 TO 300 TIMES.</summary>
    public const int Capacity = 300;

    private readonly List<int> _dates = [];
    private int _previous;   // WS-PREV-HOL-DATE, 0 at the start

    /// <summary>Dates on the table so far.</summary>
    public int Count => _dates.Count;

    /// <summary>Offers the next date of the table (CCYYMMDD, already known to be eight digits).</summary>
    public HolidayAddResult Add(int date)
    {
        if (date <= _previous) return HolidayAddResult.OutOfSequence;
        if (_dates.Count >= Capacity) return HolidayAddResult.Full;
        _previous = date;
        _dates.Add(date);
        return HolidayAddResult.Added;
    }

    /// <summary>The calendar; false when the table is empty (CLV3304E).</summary>
    public bool TryBuild(out WorkingDayCalendar calendar)
    {
        calendar = new WorkingDayCalendar([.. _dates]);
        return _dates.Count > 0;
    }

    /// <summary>A calendar over <paramref name="dates"/>, checked as the legacy loads its table; throws when they would not load.</summary>
    public static WorkingDayCalendar Create(IEnumerable<int> dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var builder = new HolidayTableBuilder();
        foreach (var d in dates)
        {
            var r = builder.Add(d);
            if (r != HolidayAddResult.Added) throw new ArgumentException($"holiday {d}: {r}", nameof(dates));
        }
        return builder.TryBuild(out var calendar) ? calendar : throw new ArgumentException("the holiday table is empty", nameof(dates));
    }
}
