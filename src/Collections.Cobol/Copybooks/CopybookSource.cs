using System.Text;

namespace Collections.Cobol.Copybooks;

/// <summary>
/// Reads fixed-format COBOL source into tokens: sequence area (columns 1-6) and columns 73-80 ignored,
/// indicator column 7 ('*' and '/' comment, 'D' debugging line treated as comment as cobc does without
/// -fdebugging-line, '-' continuation, blank), areas A and B (columns 8-72), floating comments (*&gt;).
/// Tabs are expanded first, to stops every 8 columns, as cobc does (a copybook typed with tabs lays out as cobc lays it out).
/// </summary>
internal static class CopybookSource
{
    private const int AreaStart = 7;   // 0-based column 8
    private const int AreaEnd = 72;    // exclusive, 0-based: columns 8..72

    public static List<CopybookToken> Tokenize(string text, string fileName)
    {
        var (logical, lineStarts) = BuildLogicalText(text, fileName);
        return Lex(logical, lineStarts, fileName);
    }

    /// <summary>cobc's default tab width (-ftab-width=8): a tab advances to the next column that follows a multiple of 8.</summary>
    public const int TabWidth = 8;

    /// <summary>
    /// Expands tab characters as cobc's preprocessor does before it looks at the columns: each tab becomes the spaces
    /// up to the next tab stop (stops after columns 8, 16, 24, ...). Verified with <c>cobc -E</c> (3.1.2): eight tabs
    /// put the next character in column 65, and "  \t*" puts the asterisk in column 9 (area A, not the indicator).
    /// </summary>
    internal static string ExpandTabs(string line)
    {
        if (!line.Contains('\t', StringComparison.Ordinal)) return line;
        var sb = new StringBuilder(line.Length + 16);
        foreach (var c in line)
        {
            if (c != '\t') { sb.Append(c); continue; }
            sb.Append(' ', TabWidth - (sb.Length % TabWidth));
        }
        return sb.ToString();
    }

    /// <summary>Joins the program-text areas of all lines, applying continuation, and maps positions to line numbers.</summary>
    private static (string Text, List<(int Pos, int Line)> LineStarts) BuildLogicalText(string text, string fileName)
    {
        var sb = new StringBuilder(text.Length);
        var lineStarts = new List<(int Pos, int Line)>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        char openQuote = '\0';            // quote of a literal left open at the end of the last appended line
        int lastLineFullLength = 0;       // length of the last appended line's area when padded to column 72
        int lastLineTrimmedLength = 0;    // length actually appended (trailing blanks removed)
        bool haveLine = false;
        for (int n = 0; n < lines.Length; n++)
        {
            int lineNo = n + 1;
            var raw = ExpandTabs(lines[n]);
            if (raw.Length <= 6) continue; // sequence area only
            char indicator = raw[6];
            var area = raw.Length > AreaStart ? raw.Substring(AreaStart, Math.Min(raw.Length, AreaEnd) - AreaStart) : string.Empty;
            switch (indicator)
            {
                case '*': case '/': case 'D': case 'd':
                    continue;
                case ' ':
                    if (openQuote != '\0')
                        throw new CopybookException(fileName, lineNo - 1, "alphanumeric literal not closed (the next line is not a continuation line)");
                    break;
                case '-':
                    if (!haveLine) throw new CopybookException(fileName, lineNo, "continuation line with nothing to continue");
                    break;
                default:
                    throw new CopybookException(fileName, lineNo, $"invalid indicator '{indicator}' in column 7");
            }

            if (indicator == '-')
            {
                // Remove the separator newline appended after the previous line.
                if (sb.Length > 0 && sb[^1] == '\n') sb.Length--;
                int first = IndexOfNonBlank(area);
                if (first < 0) continue; // blank continuation line: nothing to add
                if (openQuote != '\0')
                {
                    if (area[first] != openQuote)
                        throw new CopybookException(fileName, lineNo, "continuation of an alphanumeric literal must start with a quote");
                    // The literal runs to column 72 of the continued line, blanks included.
                    sb.Append(' ', lastLineFullLength - lastLineTrimmedLength);
                    var rest = area[(first + 1)..];
                    lineStarts.Add((sb.Length, lineNo));
                    openQuote = AppendLine(sb, rest, openQuote, out lastLineTrimmedLength, fileName, lineNo);
                    lastLineFullLength = rest.Length + (AreaEnd - AreaStart - area.Length);
                }
                else
                {
                    // A word or number continued: joined without blanks.
                    while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
                    var rest = area[first..];
                    lineStarts.Add((sb.Length, lineNo));
                    openQuote = AppendLine(sb, rest, '\0', out lastLineTrimmedLength, fileName, lineNo);
                    lastLineFullLength = rest.Length + (AreaEnd - AreaStart - area.Length);
                }
                sb.Append('\n');
                continue;
            }

            lineStarts.Add((sb.Length, lineNo));
            openQuote = AppendLine(sb, area, '\0', out lastLineTrimmedLength, fileName, lineNo);
            lastLineFullLength = AreaEnd - AreaStart;
            sb.Append('\n');
            haveLine = true;
        }
        if (openQuote != '\0')
            throw new CopybookException(fileName, lineStarts.Count > 0 ? lineStarts[^1].Line : 0, "alphanumeric literal not closed at end of file");
        return (sb.ToString(), lineStarts);
    }

    /// <summary>Appends one area (floating comment removed, trailing blanks removed); returns the quote left open, if any.</summary>
    private static char AppendLine(StringBuilder sb, string area, char openQuote, out int appendedLength, string fileName, int lineNo)
    {
        int end = area.Length;
        char quote = openQuote;
        for (int i = 0; i < area.Length; i++)
        {
            char c = area[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    if (i + 1 < area.Length && area[i + 1] == quote) { i++; continue; }
                    quote = '\0';
                }
                continue;
            }
            if (c == '"' || c == '\'') { quote = c; continue; }
            if (c == '*' && i + 1 < area.Length && area[i + 1] == '>') { end = i; break; }
        }
        _ = fileName; _ = lineNo;
        // Trailing blanks are dropped; for a literal left open the caller restores them up to column 72.
        int trimmed = end;
        while (trimmed > 0 && area[trimmed - 1] == ' ') trimmed--;
        sb.Append(area, 0, trimmed);
        appendedLength = trimmed;
        return quote;
    }

    private static int IndexOfNonBlank(string s)
    {
        for (int i = 0; i < s.Length; i++) if (s[i] != ' ') return i;
        return -1;
    }

    private static int LineAt(List<(int Pos, int Line)> starts, int pos)
    {
        int lo = 0, hi = starts.Count - 1, line = starts.Count > 0 ? starts[0].Line : 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (starts[mid].Pos <= pos) { line = starts[mid].Line; lo = mid + 1; }
            else hi = mid - 1;
        }
        return line;
    }

    private static List<CopybookToken> Lex(string s, List<(int Pos, int Line)> lineStarts, string fileName)
    {
        var tokens = new List<CopybookToken>();
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (IsBlank(c) || ((c == ',' || c == ';') && (i + 1 >= s.Length || IsBlank(s[i + 1]))))
            {
                i++;
                continue;
            }
            int line = LineAt(lineStarts, i);
            if (c == '=' && i + 1 < s.Length && s[i + 1] == '=')
            {
                tokens.Add(new CopybookToken(TokenKind.PseudoDelimiter, "==", fileName, line));
                i += 2;
                continue;
            }
            if (c == '.' && (i + 1 >= s.Length || IsBlank(s[i + 1])))
            {
                tokens.Add(new CopybookToken(TokenKind.Period, ".", fileName, line));
                i++;
                continue;
            }
            if (c == '"' || c == '\'' || ((c is 'X' or 'x' or 'N' or 'n' or 'Z' or 'z') && i + 1 < s.Length && (s[i + 1] == '"' || s[i + 1] == '\'') && (i == 0 || IsBlank(s[i - 1]) || s[i - 1] == '(')))
            {
                int start = i;
                if (c != '"' && c != '\'') i++;
                char q = s[i++];
                while (true)
                {
                    if (i >= s.Length) throw new CopybookException(fileName, line, "alphanumeric literal not closed");
                    if (s[i] == q)
                    {
                        if (i + 1 < s.Length && s[i + 1] == q) { i += 2; continue; }
                        i++;
                        break;
                    }
                    if (s[i] == '\n') throw new CopybookException(fileName, line, "alphanumeric literal not closed (continue it with '-' in column 7)");
                    i++;
                }
                tokens.Add(new CopybookToken(TokenKind.Literal, s[start..i], fileName, line));
                continue;
            }
            {
                int start = i;
                while (i < s.Length && !IsBlank(s[i]))
                {
                    char d = s[i];
                    if (d == '.' && (i + 1 >= s.Length || IsBlank(s[i + 1]))) break;
                    if ((d == ',' || d == ';') && (i + 1 >= s.Length || IsBlank(s[i + 1]))) break;
                    if (d == '=' && i + 1 < s.Length && s[i + 1] == '=') break;
                    if (d == '"' || d == '\'') break;
                    i++;
                }
                if (i == start)
                {
                    throw new CopybookException(fileName, line, $"unexpected character '{s[i]}'");
                }
                tokens.Add(new CopybookToken(TokenKind.Word, s[start..i], fileName, line));
            }
        }
        return tokens;
    }

    private static bool IsBlank(char c) => c == ' ' || c == '\n' || c == '\r' || c == '\t';
}
