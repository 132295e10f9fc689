using System.Globalization;
using System.Text;

namespace Collections.Cobol.Numerics;

/// <summary>
/// The numeric shape of a receiver or operand: <see cref="Digits"/> digit positions actually stored (the 9s),
/// <see cref="Scale"/> the power of ten the stored integer is divided by (fraction digits; larger than Digits for
/// leading P scaling such as PPP99 = scale 5; negative for trailing P scaling such as 99PPP = scale -3) and
/// whether it carries a sign. A stored value is <c>unscaled * 10^-Scale</c> with <c>|unscaled| &lt; 10^Digits</c>.
/// </summary>
public readonly record struct NumericPic(int Digits, int Scale, bool Signed)
{
    /// <summary>Largest digit count GnuCOBOL 3.1.2 accepts for a numeric item.</summary>
    public const int MaxDigits = 38;

    /// <summary>Validating factory.</summary>
    public static NumericPic Create(int digits, int scale, bool signed)
    {
        if (digits is < 1 or > MaxDigits)
            throw new ArgumentOutOfRangeException(nameof(digits), digits, "a numeric PIC has 1 to 38 digit positions");
        if (scale < -MaxDigits || scale > 2 * MaxDigits)
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale out of range");
        return new NumericPic(digits, scale, signed);
    }

    /// <summary>Number of P positions (0 when the picture has no P scaling).</summary>
    public int ScalingPositions => Scale < 0 ? -Scale : Scale > Digits ? Scale - Digits : 0;

    /// <summary>Digits left of the (implied) decimal point that are stored, i.e. Digits - fraction digits (may be 0).</summary>
    public int IntegerDigits => Math.Max(0, Digits - Math.Max(0, Scale));

    /// <summary>
    /// Parses a numeric picture string: S, 9, V, P with repetition factors, e.g. "S9(11)V99", "9(4)V9(6)", "SV99",
    /// "99PPP", "PPP99", "VP(2)9", "S9(5)". Case-insensitive, invariant. Throws <see cref="FormatException"/>
    /// naming the offending picture.
    /// </summary>
    public static NumericPic Parse(string picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        if (!TryParse(picture, out var pic, out var error))
            throw new FormatException($"invalid numeric PICTURE '{picture}': {error}");
        return pic;
    }

    public static bool TryParse(string picture, out NumericPic pic) => TryParse(picture, out pic, out _);

    private static bool TryParse(string picture, out NumericPic pic, out string error)
    {
        pic = default;
        error = "";
        var s = picture.AsSpan().Trim();
        if (s.Length == 0) { error = "empty"; return false; }

        // Expand into a sequence of symbols.
        var symbols = new StringBuilder();
        for (int i = 0; i < s.Length; i++)
        {
            char c = char.ToUpperInvariant(s[i]);
            if (c is not ('S' or '9' or 'V' or 'P'))
            {
                error = $"unexpected character '{s[i]}' at position {i + 1}";
                return false;
            }
            int count = 1;
            if (i + 1 < s.Length && s[i + 1] == '(')
            {
                int close = s[(i + 1)..].IndexOf(')');
                if (close < 0) { error = "unclosed repetition factor"; return false; }
                var num = s.Slice(i + 2, close - 1);
                if (!int.TryParse(num, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > 200)
                {
                    error = $"bad repetition factor '({num.ToString()})'";
                    return false;
                }
                i += close + 1;
            }
            symbols.Append(c, count);
        }

        var sym = symbols.ToString();
        bool signed = false;
        int pos = 0;
        if (sym[0] == 'S') { signed = true; pos = 1; }

        int digitsBefore = 0, digitsAfter = 0, leadingP = 0, trailingP = 0;
        bool seenV = false, seenDigit = false;
        for (; pos < sym.Length; pos++)
        {
            switch (sym[pos])
            {
                case 'S':
                    error = "S must be the first symbol";
                    return false;
                case 'V':
                    if (seenV) { error = "more than one V"; return false; }
                    if (trailingP > 0 && pos != sym.Length - 1) { error = "V inside trailing P positions"; return false; }
                    seenV = true;
                    break;
                case '9':
                    if (trailingP > 0) { error = "9 after trailing P positions"; return false; }
                    seenDigit = true;
                    if (seenV) digitsAfter++; else digitsBefore++;
                    break;
                case 'P':
                    if (!seenDigit)
                    {
                        leadingP++;
                    }
                    else
                    {
                        if (seenV) { error = "P after V and digits"; return false; }
                        trailingP++;
                    }
                    break;
            }
        }

        int digits = digitsBefore + digitsAfter;
        if (digits == 0) { error = "no digit positions"; return false; }
        if (digits > MaxDigits) { error = $"{digits} digits exceed {MaxDigits}"; return false; }
        int scale;
        if (leadingP > 0)
        {
            // PPP99 / VPPP99: the implied point is left of the P positions; a V may only precede them.
            if (digitsBefore > 0 && seenV) { error = "leading P with digits on both sides of V"; return false; }
            scale = leadingP + digits;
        }
        else if (trailingP > 0)
        {
            if (digitsAfter > 0) { error = "trailing P with fraction digits"; return false; }
            scale = -trailingP;
        }
        else
        {
            scale = digitsAfter;
        }
        pic = new NumericPic(digits, scale, signed);
        return true;
    }

    /// <summary>A canonical picture string for this shape, e.g. "S9(11)V9(2)", "9(2)P(3)", "P(3)9(2)".</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Signed) sb.Append('S');
        if (Scale < 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"9({Digits})P({-Scale})");
        }
        else if (Scale > Digits)
        {
            sb.Append(CultureInfo.InvariantCulture, $"VP({Scale - Digits})9({Digits})");
        }
        else
        {
            if (Digits - Scale > 0) sb.Append(CultureInfo.InvariantCulture, $"9({Digits - Scale})");
            if (Scale > 0) sb.Append(CultureInfo.InvariantCulture, $"V9({Scale})");
        }
        return sb.ToString();
    }
}
