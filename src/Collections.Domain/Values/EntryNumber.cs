namespace Collections.Domain.Values;

/// <summary>
/// An entry number: filer code (3 characters), serial (7 digits) and check digit, 11 characters
/// (e.g. 316-7781204-5 is held as "31677812045"). The check digit is computed exactly as CLV100's
/// 2220-VERIFY-CHECK-DIGIT does (see <see cref="ComputeCheckDigit(ReadOnlySpan{char}, out int)"/>).
/// Ordered as text (the ENTRYIN sequence). Default value: <see cref="None"/> (empty), not a valid number.
/// </summary>
public readonly struct EntryNumber : IEquatable<EntryNumber>, IComparable<EntryNumber>
{
    private readonly string? _text;

    private EntryNumber(string text) => _text = text;

    public static EntryNumber None => default;

    public string FilerCode => _text is null ? "" : _text[..3];
    public string Serial => _text is null ? "" : _text.Substring(3, 7);
    public int CheckDigit => _text is null ? 0 : _text[10] - '0';

    /// <summary>
    /// The legacy's modulus-10 check digit over the ten characters before it. A digit counts as itself, an
    /// upper-case letter as its position in the alphabet (A=1 .. Z=26) modulo 10; any other character makes the
    /// number invalid (and counts 0). Positions 2, 4, 6, 8, 10 (every second one from the right, starting with the
    /// rightmost) are doubled, 9 subtracted when over 9. The check digit brings the sum to a multiple of 10.
    /// Returns false when a character is invalid (the legacy's H001); <paramref name="checkDigit"/> is still the
    /// digit the legacy computes.
    /// </summary>
    public static bool ComputeCheckDigit(ReadOnlySpan<char> first10, out int checkDigit)
    {
        if (first10.Length != 10) throw new ArgumentException("ten characters expected", nameof(first10));
        bool valid = true;
        int sum = 0;
        for (int pos = 1; pos <= 10; pos++)
        {
            char c = first10[pos - 1];
            int value;
            if (c is >= '0' and <= '9') value = c - '0';
            else if (c is >= 'A' and <= 'Z') value = (c - 'A' + 1) % 10;
            else
            {
                valid = false;
                value = 0;
            }
            if (pos % 2 == 0)
            {
                value *= 2;
                if (value > 9) value -= 9;
            }
            sum += value;
        }
        int rem = sum % 10;
        checkDigit = rem == 0 ? 0 : 10 - rem;
        return valid;
    }

    /// <summary>Byte (ASCII) overload of <see cref="ComputeCheckDigit(ReadOnlySpan{char}, out int)"/>.</summary>
    public static bool ComputeCheckDigit(ReadOnlySpan<byte> first10, out int checkDigit)
    {
        Span<char> chars = stackalloc char[10];
        if (first10.Length != 10) throw new ArgumentException("ten bytes expected", nameof(first10));
        for (int i = 0; i < 10; i++) chars[i] = (char)first10[i];
        return ComputeCheckDigit(chars, out checkDigit);
    }

    /// <summary>Builds the number from filer code and serial, appending the check digit.</summary>
    public static EntryNumber Create(string filerCode, int serial)
    {
        ArgumentNullException.ThrowIfNull(filerCode);
        if (filerCode.Length != 3 || filerCode == "   ") throw new ArgumentException("filer code is three characters, not blank", nameof(filerCode));
        if (serial is < 0 or > 9_999_999) throw new ArgumentOutOfRangeException(nameof(serial), serial, "serial is seven digits");
        var first10 = filerCode + serial.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        if (!ComputeCheckDigit(first10, out var cd)) throw new ArgumentException($"filer code '{filerCode}' has a character other than A-Z or 0-9", nameof(filerCode));
        return new EntryNumber(first10 + (char)('0' + cd));
    }

    /// <summary>Why text is not a valid entry number, in the legacy's reason codes.</summary>
    public enum ParseError
    {
        None,
        /// <summary>H001: filer code blank or with an invalid character, or the serial not numeric.</summary>
        FilerCodeOrSerial,
        /// <summary>H002: check digit not numeric or not the computed one.</summary>
        CheckDigit,
    }

    /// <summary>Validates 11 characters as the legacy's header edits H001/H002 do.</summary>
    public static ParseError TryParse(string? text, out EntryNumber number)
    {
        number = default;
        if (text is null || text.Length != 11) return ParseError.FilerCodeOrSerial;
        var valid = ComputeCheckDigit(text.AsSpan(0, 10), out var expected);
        if (text.AsSpan(0, 3).SequenceEqual("   ")) valid = false;
        for (int i = 3; i < 10; i++) if (text[i] is < '0' or > '9') valid = false;
        if (!valid) return ParseError.FilerCodeOrSerial;
        if (text[10] is < '0' or > '9' || text[10] - '0' != expected) return ParseError.CheckDigit;
        number = new EntryNumber(text);
        return ParseError.None;
    }

    public static EntryNumber Parse(string text) =>
        TryParse(text, out var n) == ParseError.None ? n : throw new FormatException($"'{text}' is not a valid entry number");

    public bool Equals(EntryNumber other) => string.Equals(_text ?? "", other._text ?? "", StringComparison.Ordinal);
    public override bool Equals(object? obj) => obj is EntryNumber e && Equals(e);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text ?? "");
    public int CompareTo(EntryNumber other) => string.CompareOrdinal(_text ?? "", other._text ?? "");
    public static bool operator ==(EntryNumber a, EntryNumber b) => a.Equals(b);
    public static bool operator !=(EntryNumber a, EntryNumber b) => !a.Equals(b);
    public static bool operator <(EntryNumber a, EntryNumber b) => a.CompareTo(b) < 0;
    public static bool operator >(EntryNumber a, EntryNumber b) => a.CompareTo(b) > 0;
    public static bool operator <=(EntryNumber a, EntryNumber b) => a.CompareTo(b) <= 0;
    public static bool operator >=(EntryNumber a, EntryNumber b) => a.CompareTo(b) >= 0;

    /// <summary>The 11 characters as filed (e.g. "31677812045"); "" for <see cref="None"/>.</summary>
    public override string ToString() => _text ?? "";
}
