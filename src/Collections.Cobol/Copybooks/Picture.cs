using System.Text;

namespace Collections.Cobol.Copybooks;

/// <summary>Category of a PICTURE character-string.</summary>
public enum PictureCategory
{
    /// <summary>Only A.</summary>
    Alphabetic,

    /// <summary>X, or a mix of A, X and 9.</summary>
    Alphanumeric,

    /// <summary>9, S, V, P only.</summary>
    Numeric,

    /// <summary>Numeric with editing symbols (Z * , . $ + - CR DB B 0 /, floating insertion).</summary>
    NumericEdited,

    /// <summary>A or X with simple insertion (B 0 /).</summary>
    AlphanumericEdited,
}

/// <summary>
/// A parsed PICTURE clause. <see cref="Size"/> is the number of character positions (S, V and P take none;
/// CR and DB take two); for numeric pictures <see cref="Digits"/> is the number of 9 positions (P excluded) and
/// <see cref="Scale"/> the number of decimal places of the value (negative with trailing P: 99PPP has scale -3;
/// leading P adds: PPP99 and VPPP99 have scale 5).
/// </summary>
public sealed class Picture
{
    private Picture(string text, string expanded, PictureCategory category, int size, int digits, int scale, bool signed, int scalingPositions)
    {
        Text = text;
        Expanded = expanded;
        Category = category;
        Size = size;
        Digits = digits;
        Scale = scale;
        Signed = signed;
        ScalingPositions = scalingPositions;
    }

    /// <summary>The picture as written (upper-cased), e.g. "S9(11)V99".</summary>
    public string Text { get; }

    /// <summary>The picture with repetitions expanded, e.g. "S99999999999V99".</summary>
    public string Expanded { get; }

    public PictureCategory Category { get; }

    /// <summary>Character positions (storage bytes when USAGE DISPLAY, before SIGN SEPARATE).</summary>
    public int Size { get; }

    /// <summary>Digit positions that are stored (9 in numeric pictures; digit positions in numeric-edited ones).</summary>
    public int Digits { get; }

    /// <summary>Decimal places of the value; negative for trailing P scaling.</summary>
    public int Scale { get; }

    /// <summary>Numeric with S (numeric-edited pictures with + - CR DB report true as well).</summary>
    public bool Signed { get; }

    /// <summary>Number of P (scaling) positions.</summary>
    public int ScalingPositions { get; }

    public bool IsNumeric => Category == PictureCategory.Numeric;

    public override string ToString() => Text;

    /// <summary>Parses a PICTURE character-string; throws <see cref="FormatException"/> with the reason when invalid or unsupported.</summary>
    public static Picture Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var upper = text.ToUpperInvariant();
        if (upper.Length == 0) throw new FormatException("empty PICTURE string");
        var expanded = Expand(upper);
        if (expanded.Length == 0) throw new FormatException($"PICTURE '{text}' has no character positions");

        bool hasAX = false, hasA = false, hasX = false, hasEdit = false, hasNumericEdit = false;
        int nines = 0;
        for (int i = 0; i < expanded.Length; i++)
        {
            char c = expanded[i];
            switch (c)
            {
                case '9': nines++; break;
                case 'A': hasA = true; hasAX = true; break;
                case 'X': hasX = true; hasAX = true; break;
                case 'S':
                    if (i != 0) throw new FormatException($"PICTURE '{text}': S must be the first symbol");
                    break;
                case 'V': case 'P': break;
                case 'B': case '0': case '/': hasEdit = true; break;
                case 'Z': case '*': case ',': case '.': case '+': case '-': case '$':
                    hasEdit = true; hasNumericEdit = true; break;
                case 'C':
                    if (i + 1 < expanded.Length && expanded[i + 1] == 'R') { hasEdit = true; hasNumericEdit = true; i++; break; }
                    throw new FormatException($"PICTURE '{text}': invalid symbol 'C'");
                case 'D':
                    if (i + 1 < expanded.Length && expanded[i + 1] == 'B') { hasEdit = true; hasNumericEdit = true; i++; break; }
                    throw new FormatException($"PICTURE '{text}': invalid symbol 'D'");
                case 'E':
                    throw new FormatException($"PICTURE '{text}': floating-point edited pictures (E) are not supported");
                case 'N': case 'G': case 'U':
                    throw new FormatException($"PICTURE '{text}': national/DBCS pictures ({c}) are not supported");
                default:
                    throw new FormatException($"PICTURE '{text}': invalid symbol '{c}'");
            }
        }

        bool hasS = expanded[0] == 'S';
        bool hasV = expanded.Contains('V', StringComparison.Ordinal);
        bool hasP = expanded.Contains('P', StringComparison.Ordinal);
        if (expanded.Count(ch => ch == 'V') > 1) throw new FormatException($"PICTURE '{text}': more than one V");

        if (!hasEdit && !hasAX)
        {
            // Numeric: S? then 9 / P / V.
            if (nines == 0) throw new FormatException($"PICTURE '{text}': numeric picture without 9");
            if (nines > 38) throw new FormatException($"PICTURE '{text}': more than 38 digits");
            var (scale, pCount) = NumericScale(expanded, text);
            return new Picture(upper, expanded, PictureCategory.Numeric, nines, nines, scale, hasS, pCount);
        }

        if (hasS) throw new FormatException($"PICTURE '{text}': S in a non-numeric picture");
        if (hasAX)
        {
            if (hasNumericEdit || hasV || hasP)
                throw new FormatException($"PICTURE '{text}': mixes alphanumeric (A/X) and numeric editing symbols");
            int size = expanded.Length;
            if (hasEdit) return new Picture(upper, expanded, PictureCategory.AlphanumericEdited, size, 0, 0, false, 0);
            var cat = hasA && !hasX && nines == 0 ? PictureCategory.Alphabetic : PictureCategory.Alphanumeric;
            return new Picture(upper, expanded, cat, size, 0, 0, false, 0);
        }

        if (!hasNumericEdit)
        {
            // Only 9 with B 0 / insertion: numeric-edited.
            hasNumericEdit = true;
        }
        return NumericEdited(upper, expanded, text);
    }

    private static Picture NumericEdited(string upper, string expanded, string text)
    {
        int size = 0, digits = 0, scale = 0;
        bool afterPoint = false, signed = false;
        int floatingFirst = -1; // index of the first floating symbol of a run (it is not a digit position)
        char floatingChar = '\0';
        int pCount = 0;
        for (int i = 0; i < expanded.Length; i++)
        {
            char c = expanded[i];
            switch (c)
            {
                case 'V': afterPoint = true; continue;
                case 'P':
                    pCount++;
                    continue;
                case '.': afterPoint = true; size++; continue;
                case 'C': case 'D': size += 2; i++; signed = true; continue;
                case '9': case 'Z': case '*':
                    size++; digits++; if (afterPoint) scale++;
                    continue;
                case '+': case '-': case '$':
                    size++;
                    if (c != '$') signed = true;
                    if (floatingChar == c)
                    {
                        digits++; if (afterPoint) scale++;
                    }
                    else if (floatingFirst < 0 || floatingChar != c)
                    {
                        floatingFirst = i; floatingChar = c;
                    }
                    continue;
                default:
                    size++;
                    continue;
            }
        }
        if (size == 0) throw new FormatException($"PICTURE '{text}' has no character positions");
        return new Picture(upper, expanded, PictureCategory.NumericEdited, size, digits, scale, signed, pCount);
    }

    private static (int Scale, int PCount) NumericScale(string expanded, string text)
    {
        var body = expanded[0] == 'S' ? expanded[1..] : expanded;
        int vIndex = body.IndexOf('V', StringComparison.Ordinal);
        int pCount = body.Count(ch => ch == 'P');
        if (pCount == 0)
        {
            return (vIndex < 0 ? 0 : body.Length - vIndex - 1, 0);
        }
        // P must be a contiguous run at the left (after an optional V) or at the right (before an optional V).
        var digitsOnly = body.Replace("V", string.Empty, StringComparison.Ordinal);
        int firstP = digitsOnly.IndexOf('P', StringComparison.Ordinal);
        int lastP = digitsOnly.LastIndexOf('P');
        if (lastP - firstP + 1 != pCount) throw new FormatException($"PICTURE '{text}': P positions must be contiguous");
        bool leading = firstP == 0;
        bool trailing = lastP == digitsOnly.Length - 1;
        if (!leading && !trailing) throw new FormatException($"PICTURE '{text}': P must be leftmost or rightmost");
        if (leading)
        {
            // PPP99 or VPPP99: the decimal point is left of the P's.
            if (vIndex > 0) throw new FormatException($"PICTURE '{text}': V must precede leading P");
            return (digitsOnly.Length, pCount);
        }
        // 99PPP or 99PPPV: the decimal point is right of the P's.
        if (vIndex >= 0 && vIndex != body.Length - 1) throw new FormatException($"PICTURE '{text}': V must follow trailing P");
        return (-pCount, pCount);
    }

    private static string Expand(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '(')
            {
                int close = text.IndexOf(')', i + 1);
                if (close < 0 || sb.Length == 0) throw new FormatException($"PICTURE '{text}': unbalanced parentheses");
                var countText = text.AsSpan(i + 1, close - i - 1);
                if (!int.TryParse(countText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) || n < 1 || n > 100_000)
                    throw new FormatException($"PICTURE '{text}': invalid repetition ({countText.ToString()})");
                char prev = sb[^1];
                if (prev == 'R' || prev == 'B' && sb.Length >= 2 && sb[^2] == 'D')
                    throw new FormatException($"PICTURE '{text}': CR/DB cannot repeat");
                sb.Append(prev, n - 1);
                i = close;
            }
            else if (c == ')')
            {
                throw new FormatException($"PICTURE '{text}': unbalanced parentheses");
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
