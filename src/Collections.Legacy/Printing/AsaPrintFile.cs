using System.Text;

namespace Collections.Legacy.Printing;

/// <summary>ASA carriage control: the character in column 1 of a print line says how far to advance before printing it.</summary>
public static class AsaControl
{
    /// <summary>'1': skip to the top of a new page.</summary>
    public const char NewPage = '1';

    /// <summary>' ': single space (advance one line).</summary>
    public const char Single = ' ';

    /// <summary>'0': double space (one blank line before).</summary>
    public const char Double = '0';

    /// <summary>'-': triple space (two blank lines before).</summary>
    public const char Triple = '-';

    /// <summary>Lines a print line uses on its page: 2 for '0', 3 for '-', 1 for anything else ('1', ' ', ...).</summary>
    public static int Spacing(char asa) => asa switch
    {
        Double => 2,
        Triple => 3,
        _ => 1,
    };
}

/// <summary>A print line: its ASA control character and its text (column 2 onwards).</summary>
public readonly record struct PrintLine(char Asa, string Text);

/// <summary>
/// A print file with page control as the legacy's report programs do it (CLV500 8100-PRINT-LINE, 8200-PAGE-HEADING,
/// 8250-WRITE-REPORT-RECORD, 8300-START-SECTION):
/// <list type="bullet">
/// <item>The line count starts above the page (99), so the first line opens page 1.</item>
/// <item>A line uses as many lines as its ASA character says (<see cref="AsaControl.Spacing"/>); when the line count
/// plus that would pass <see cref="LinesPerPage"/>, a page heading comes first.</item>
/// <item>A page heading adds 1 to the page number, writes the fixed heading lines (the first carries '1'), and, when a
/// section is current, its title and column headings again, each with '0'. The line count becomes the lines the
/// heading used.</item>
/// <item>A section starts on a new page when fewer than <see cref="SectionReserve"/> lines are left; otherwise its title
/// (with '-') and column headings (with '0') are printed as ordinary lines.</item>
/// </list>
/// Each record is the ASA character and the text padded to <see cref="RecordLength"/>; it goes to the sink (a line
/// sequential writer removes the trailing blanks). Counters keep the legacy's field sizes: page number PIC S9(04),
/// lines printed PIC S9(07).
/// </summary>
public sealed class AsaPrintFile
{
    private readonly Action<ReadOnlySpan<byte>> _sink;
    private readonly Func<int, IReadOnlyList<PrintLine>> _pageHeading;
    private readonly byte[] _record;

    /// <param name="sink">receives each record (<see cref="RecordLength"/> bytes, Latin-1)</param>
    /// <param name="pageHeading">the fixed heading lines of a page, given its number</param>
    /// <param name="linesPerPage">WS-LINES-PER-PAGE</param>
    /// <param name="recordLength">the print record's length, ASA character included</param>
    /// <param name="sectionReserve">a section starts on a new page unless this many lines are left</param>
    public AsaPrintFile(Action<ReadOnlySpan<byte>> sink, Func<int, IReadOnlyList<PrintLine>> pageHeading, int linesPerPage = 50, int recordLength = 133, int sectionReserve = 10)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(pageHeading);
        ArgumentOutOfRangeException.ThrowIfLessThan(linesPerPage, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(recordLength, 2);
        _sink = sink;
        _pageHeading = pageHeading;
        LinesPerPage = linesPerPage;
        RecordLength = recordLength;
        SectionReserve = sectionReserve;
        _record = new byte[recordLength];
        SectionTitle = SectionColumns = "";
    }

    public int LinesPerPage { get; }
    public int RecordLength { get; }
    public int SectionReserve { get; }

    /// <summary>WS-LINE-COUNT: lines used on the current page (99 before the first page).</summary>
    public int LineCount { get; private set; } = 99;

    /// <summary>WS-PAGE-NO: pages started (PIC S9(04): the count wraps after 9999).</summary>
    public int PageNumber { get; private set; }

    /// <summary>WS-LINES-PRINTED: records written, headings included (PIC S9(07) COMP-3: wraps after 9,999,999).</summary>
    public long LinesPrinted { get; private set; }

    /// <summary>The current section's title line (repeated under each page heading); blank: none.</summary>
    public string SectionTitle { get; private set; }

    /// <summary>The current section's column headings.</summary>
    public string SectionColumns { get; private set; }

    /// <summary>8100-PRINT-LINE: prints one line, after a page heading when it does not fit on the page.</summary>
    public void Print(char asa, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spacing = AsaControl.Spacing(asa);
        if (LineCount + spacing > LinesPerPage) PageHeading();
        Write(asa, text);
        LineCount += spacing;
    }

    /// <summary>8300-START-SECTION: makes the section current and prints its title and column headings.</summary>
    public void StartSection(string title, string columns)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(columns);
        SectionTitle = title;
        SectionColumns = columns;
        if (LineCount + SectionReserve > LinesPerPage) PageHeading();
        else
        {
            Print(AsaControl.Triple, title);
            Print(AsaControl.Double, columns);
        }
    }

    /// <summary>No current section (MOVE SPACES TO WS-SECTION-TITLE WS-SECTION-COLUMNS): later page headings stop at the fixed lines.</summary>
    public void EndSection() => SectionTitle = SectionColumns = "";

    // 8200-PAGE-HEADING
    private void PageHeading()
    {
        PageNumber = (PageNumber + 1) % 10_000;
        var used = 0;
        foreach (var line in _pageHeading(PageNumber))
        {
            Write(line.Asa, line.Text);
            used += AsaControl.Spacing(line.Asa);
        }
        LineCount = used;
        if (SectionTitle.AsSpan().Trim(' ').IsEmpty) return;   // WS-SECTION-TITLE = SPACES
        Write(AsaControl.Double, SectionTitle);
        Write(AsaControl.Double, SectionColumns);
        LineCount += 2 * AsaControl.Spacing(AsaControl.Double);
    }

    // 8250-WRITE-REPORT-RECORD
    private void Write(char asa, string text)
    {
        _record.AsSpan().Fill((byte)' ');
        _record[0] = (byte)asa;
        var n = Math.Min(text.Length, RecordLength - 1);
        Encoding.Latin1.GetBytes(text.AsSpan(0, n), _record.AsSpan(1));
        _sink(_record);
        LinesPrinted = (LinesPrinted + 1) % 10_000_000;
    }
}
