namespace Collections.Parity.Generation;

/// <summary>
/// Entry number check digit exactly as CLV100 2220-VERIFY-CHECK-DIGIT computes it: the 10 characters before the
/// check digit become digits (a digit as is, a letter A..Z its alphabet position modulo 10); counting positions
/// 1..10 from the left, every even position is doubled (9 subtracted when over 9); the check digit brings the sum
/// to a multiple of 10.
/// </summary>
public static class EntryNumber
{
    /// <summary>Returns the check digit, or -1 when a character is neither a digit nor an upper-case letter (H001).</summary>
    public static int CheckDigit(ReadOnlySpan<char> tenCharacters)
    {
        if (tenCharacters.Length != 10) throw new ArgumentException("10 characters expected", nameof(tenCharacters));
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var ch = tenCharacters[i];
            int v;
            if (ch is >= '0' and <= '9') v = ch - '0';
            else if (ch is >= 'A' and <= 'Z') v = (ch - 'A' + 1) % 10;
            else return -1;
            if ((i + 1) % 2 == 0)
            {
                v *= 2;
                if (v > 9) v -= 9;
            }
            sum += v;
        }
        var rem = sum % 10;
        return rem == 0 ? 0 : 10 - rem;
    }

    /// <summary>Filer code (3) + serial (7 digits) + check digit.</summary>
    public static string Make(string filer, int serial)
    {
        ArgumentNullException.ThrowIfNull(filer);
        if (filer.Length != 3) throw new ArgumentException("filer code is 3 characters", nameof(filer));
        if (serial is < 0 or > 9_999_999) throw new ArgumentOutOfRangeException(nameof(serial));
        Span<char> s = stackalloc char[11];
        filer.AsSpan().CopyTo(s);
        var n = serial;
        for (var i = 9; i >= 3; i--)
        {
            s[i] = (char)('0' + (n % 10));
            n /= 10;
        }
        var cd = CheckDigit(s[..10]);
        if (cd < 0) throw new ArgumentException($"filer code '{filer}' has characters CLV100 rejects", nameof(filer));
        s[10] = (char)('0' + cd);
        return new string(s);
    }
}
