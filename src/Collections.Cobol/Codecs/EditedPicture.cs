using System.Globalization;
using System.Text;

namespace Collections.Cobol.Codecs;

/// <summary>
/// A numeric-edited picture (Z * , . $ + - CR DB B 0 / 9 V, floating insertion of $ + -, BLANK WHEN ZERO).
/// <see cref="Format(long, int)"/> produces exactly the text GnuCOBOL 3.1.2 stores on a MOVE of a numeric value to the
/// edited field (differential-tested against cobc); <see cref="TryDeEdit"/> reads such text back to a value as a MOVE
/// from the edited field to a numeric field does. The decimal point is '.', the currency sign '$' (the defaults).
/// Immutable.
/// </summary>
public sealed class EditedPicture
{
    // one entry per character position of the edited field; CR and DB are 'C' and 'D' followed by a continuation 'r'/'b'
    private readonly char[] _symbols;
    private readonly int _integerPositions; // digit-consuming positions before the decimal point (GnuCOBOL's count)
    private readonly bool[] _fixed;          // + - $ occurring once: fixed insertion, consumes no digit

    public EditedPicture(string picture, bool blankWhenZero = false)
    {
        ArgumentNullException.ThrowIfNull(picture);
        Picture = picture;
        BlankWhenZero = blankWhenZero;
        var symbols = new List<char>();
        var upper = picture.ToUpperInvariant();
        for (var i = 0; i < upper.Length; i++)
        {
            var c = upper[i];
            if (c == 'C' || c == 'D')
            {
                var pair = c == 'C' ? 'R' : 'B';
                if (i + 1 >= upper.Length || upper[i + 1] != pair)
                    throw new FormatException($"invalid edited picture '{picture}': {c} must be followed by {pair}");
                symbols.Add(c);
                symbols.Add(c == 'C' ? 'r' : 'b');
                i++;
                continue;
            }
            if (!"9Z*,.$+-B0/V".Contains(c, StringComparison.Ordinal))
                throw new FormatException($"invalid edited picture '{picture}': symbol '{c}' is not supported");
            var repeat = 1;
            if (i + 1 < upper.Length && upper[i + 1] == '(')
            {
                var close = upper.IndexOf(')', i + 2);
                if (close < 0 || !int.TryParse(upper.AsSpan(i + 2, close - i - 2), NumberStyles.None, CultureInfo.InvariantCulture, out repeat) || repeat < 1)
                    throw new FormatException($"invalid edited picture '{picture}': bad repetition after '{c}'");
                i = close;
            }
            for (var k = 0; k < repeat; k++) symbols.Add(c);
        }

        var points = symbols.Count(s => s is '.' or 'V');
        if (points > 1) throw new FormatException($"invalid edited picture '{picture}': more than one decimal point");
        _symbols = symbols.ToArray();
        Length = _symbols.Count(s => s != 'V');

        // a + - or $ that occurs once is a fixed insertion symbol; two or more make a floating insertion string
        _fixed = new bool[_symbols.Length];
        for (var i = 0; i < _symbols.Length; i++)
        {
            var s = _symbols[i];
            if (s is '+' or '-' or '$' && _symbols.Count(x => x == s) == 1) _fixed[i] = true;
        }

        // digit positions before the decimal point: 9 Z * always; $ only before the first 9/Z/*, + - likewise (a fixed
        // leading sign or currency symbol consumes a digit position too, as in GnuCOBOL: visible only on overflow)
        var countCurrency = true;
        var countSign = true;
        for (var i = 0; i < _symbols.Length; i++)
        {
            var s = _symbols[i];
            if (s is '9' or 'Z' or '*')
            {
                _integerPositions++;
                countCurrency = countSign = false;
            }
            else if (s == '$' && countCurrency) _integerPositions++;
            else if (s is '+' or '-' && countSign) _integerPositions++;
            else if (s is 'V' or '.') break;
        }
        var afterPoint = false;
        for (var i = 0; i < _symbols.Length; i++)
        {
            var s = _symbols[i];
            if (s is 'V' or '.') afterPoint = true;
            else if (afterPoint && s is '9' or 'Z' or '*') Scale++;
            else if (afterPoint && s is '$' or '+' or '-' && !_fixed[i]) Scale++;
        }
        if (_symbols.Count(s => s is '9' or 'Z' or '*' or '$' or '+' or '-') == 0)
            throw new FormatException($"invalid edited picture '{picture}': no digit positions");
    }

    public string Picture { get; }

    public bool BlankWhenZero { get; }

    /// <summary>Characters in the edited field.</summary>
    public int Length { get; }

    /// <summary>Digit positions after the decimal point (V or '.').</summary>
    public int Scale { get; }

    /// <summary>The text a MOVE of <paramref name="unscaled"/> × 10^-<paramref name="scale"/> stores in the field
    /// (high- and low-order digits beyond the picture are truncated, as MOVE does).</summary>
    public string Format(long unscaled, int scale) => Format((Int128)unscaled, scale);

    /// <inheritdoc cref="Format(long, int)"/>
    public string Format(Int128 unscaled, int scale)
    {
        if (scale is < -38 or > 38) throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be -38..38");
        var negative = unscaled < 0;
        var magnitude = negative ? (UInt128)(-(unscaled + 1)) + 1 : (UInt128)unscaled;
        // digit at power p (10^p) of the value
        int DigitAt(int p)
        {
            var shift = p + scale; // position within the unscaled magnitude
            if (shift < 0 || shift > 38) return 0;
            var m = magnitude;
            for (var k = 0; k < shift; k++)
            {
                m /= 10;
                if (m == 0) return 0;
            }
            return (int)(m % 10);
        }

        var dst = new char[Length];
        var power = _integerPositions - 1;
        var isZero = true;
        var suppress = true;
        var pad = ' ';
        var trailingSign = false;
        var trailingCurrency = false;
        var signSymbol = '\0';
        var currencySymbol = '\0';
        var signFirst = false;
        var decimalPoint = -1;
        var end = Length;
        var d = 0;
        var fixedLeadingSign = -1;
        for (var si = 0; si < _symbols.Length; si++)
        {
            var c = _symbols[si];
            if (_fixed[si] && !trailingSign)
            {
                // a fixed leading symbol keeps its position. GnuCOBOL 3.1.2 prints a fixed sign followed by the
                // currency sign literally, whatever the value's sign (observed with cobc; kept for parity)
                var consumed = DigitAt(power--);
                if (consumed != 0) isZero = suppress = false;
                if (c == '$') dst[d] = '$';
                else if (si + 1 < _symbols.Length && _symbols[si + 1] == '$') dst[d] = c;
                else fixedLeadingSign = d;
                d++;
                continue;
            }
            switch (c)
            {
                case 'V':
                    decimalPoint = d - 1;
                    continue; // occupies no position
                case '0':
                case '/':
                    dst[d] = c;
                    break;
                case 'B':
                    dst[d] = suppress ? pad : 'B';
                    break;
                case '9':
                {
                    var x = (char)('0' + DigitAt(power--));
                    dst[d] = x;
                    if (x != '0') isZero = false;
                    suppress = false;
                    trailingSign = trailingCurrency = true;
                    break;
                }
                case '.':
                    dst[d] = '.';
                    decimalPoint = d;
                    break;
                case ',':
                    dst[d] = suppress ? pad : ',';
                    break;
                case 'C':
                case 'D':
                    end = d;
                    dst[d] = negative && !isZero ? c : ' ';
                    break;
                case 'r':
                case 'b':
                    dst[d] = negative && !isZero ? char.ToUpperInvariant(c == 'r' ? 'R' : 'B') : ' ';
                    break;
                case 'Z':
                case '*':
                {
                    var x = (char)('0' + DigitAt(power--));
                    if (x != '0') isZero = suppress = false;
                    pad = c == '*' ? '*' : ' ';
                    dst[d] = suppress ? pad : x;
                    trailingSign = trailingCurrency = true;
                    break;
                }
                case '+':
                case '-':
                {
                    var x = (char)('0' + DigitAt(power--));
                    if (x != '0') isZero = suppress = false;
                    if (trailingSign)
                    {
                        dst[d] = negative && !isZero ? '-' : c == '+' ? '+' : ' ';
                        end--;
                    }
                    else if (d == 0 || suppress)
                    {
                        dst[d] = pad;
                        signSymbol = c;
                        if (currencySymbol == '\0') signFirst = true;
                    }
                    else
                    {
                        dst[d] = x;
                    }
                    break;
                }
                case '$':
                {
                    var x = (char)('0' + DigitAt(power--));
                    if (x != '0') isZero = suppress = false;
                    if (trailingCurrency)
                    {
                        dst[d] = '$';
                        end--;
                    }
                    else if (d == 0 || suppress)
                    {
                        dst[d] = pad;
                        currencySymbol = '$';
                    }
                    else
                    {
                        dst[d] = x;
                    }
                    break;
                }
            }
            d++;
        }

        if (signSymbol != '\0')
        {
            signSymbol = negative && !isZero ? '-' : signSymbol == '+' ? '+' : ' ';
        }
        if (fixedLeadingSign >= 0)
        {
            dst[fixedLeadingSign] = negative && !isZero ? '-' : _symbols[Array.IndexOf(_fixed, true)] == '+' ? '+' : ' ';
        }

        if (suppress || (isZero && BlankWhenZero))
        {
            if (pad == ' ' || BlankWhenZero) Array.Fill(dst, ' ');
            else
            {
                for (var i = 0; i < dst.Length; i++) if (dst[i] != '.') dst[i] = pad;
            }
            return new string(dst);
        }

        if (decimalPoint >= 0)
        {
            for (var i = decimalPoint + 1; i < end; i++)
            {
                if (!(char.IsAsciiDigit(dst[i]) || dst[i] is ',' or '+' or '-' or '/' or 'B')) dst[i] = '0';
            }
        }

        if (signSymbol != '\0' || currencySymbol != '\0')
        {
            var p = end - 1;
            while (p > 0 && dst[p] != ' ') p--;
            if (signSymbol != '\0' && currencySymbol != '\0')
            {
                var (first, second) = signFirst ? (signSymbol, currencySymbol) : (currencySymbol, signSymbol);
                dst[p] = second;
                if (p - 1 >= 0) dst[p - 1] = first;
            }
            else
            {
                dst[p] = signSymbol != '\0' ? signSymbol : currencySymbol;
            }
        }

        var seen = 0;
        for (var i = 0; i < end; i++)
        {
            if (dst[i] == 'B') dst[i] = seen == 0 ? pad : ' ';
            else seen++;
        }
        return new string(dst);
    }

    /// <summary>
    /// De-edits text of this picture to an unscaled value at <see cref="Scale"/>, as a MOVE from the edited field to a
    /// numeric field reads it: digits are collected, '.' marks the decimal point, '-' and "CR" make the value
    /// negative (DB does not: cobc 3.1.2 reads it as positive); spaces, '*', '$', ',', '/', '+' and the B positions are ignored. False for text of the wrong length or
    /// with another character, or a value that does not fit.
    /// </summary>
    public bool TryDeEdit(ReadOnlySpan<char> text, out long unscaled)
    {
        unscaled = 0;
        if (text.Length != Length) return false;
        var negative = false;
        var fraction = -1;
        long acc = 0;
        var digits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (++digits > 18) return false;
                acc = acc * 10 + (c - '0');
                if (fraction >= 0) fraction++;
            }
            else if (c == '.') fraction = 0;
            else if (c == '-') negative = true;
            else if (c == 'C' && i + 1 < text.Length && text[i + 1] == 'R') { negative = true; i++; }
            else if (c == 'D' && i + 1 < text.Length && text[i + 1] == 'B') { i++; } // cobc 3.1.2 de-edits DB as positive
            else if (c is ' ' or '*' or '$' or ',' or '/' or '+' or 'B') { }
            else return false;
        }
        var scale = fraction >= 0 ? fraction : Scale;
        // digits after the point beyond the picture's scale cannot occur in text of this picture; align otherwise
        for (var s = scale; s < Scale; s++) acc *= 10;
        if (scale > Scale) return false;
        unscaled = negative ? -acc : acc;
        return true;
    }

    public override string ToString() => Picture;
}
