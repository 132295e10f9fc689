namespace Collections.Cobol.Numerics;

/// <summary>
/// What GnuCOBOL 3.1.2's runtime (libcob) takes from a numeric field whatever its bytes hold: the lenient readings
/// that ADD, SUBTRACT, COMPUTE, MOVE to a numeric receiver and numeric comparisons apply without any class test, so
/// that a program fed damaged data computes with these values rather than failing. Verified against cobc with the
/// legacy's flags on random bytes (tests/Collections.Cobol.Tests/Numerics/LenientNumericCobcTests.cs):
/// <list type="bullet">
/// <item><b>COMP-3</b> (cob_decimal_set_packed): every digit nibble is taken at its raw value 0-15 in its decimal
/// position (a nibble A adds 10 at its place, carrying into the next digit); for an even digit count only the low
/// nibble of the first byte counts (the pad nibble is ignored); the value is negative when the sign nibble is D, even
/// in an unsigned field, and positive for any other sign nibble (A, B, C, E, F, or a digit).</item>
/// <item><b>Unsigned DISPLAY as a decimal</b> (cob_decimal_set_display, used when the field is an arithmetic operand
/// or receiver): a first byte X'FF' reads as 10^length, X'00' as -10^length; otherwise leading bytes whose low
/// nibble is 0 (zeros, spaces, '@', 'P', ...) are skipped (one byte always remains), and each remaining byte adds
/// <c>byte - '0'</c> (which may be negative or above 9) in its decimal position, accumulated in an unsigned 64-bit
/// integer (wrapping modulo 2^64).</item>
/// <item><b>Unsigned DISPLAY as an integer</b> (cob_get_int, used for an integer argument such as the one of
/// INTEGER-OF-DATE, or an addend ADDed to a DISPLAY receiver): leading '0' bytes are skipped, then each byte adds
/// <c>byte - '0'</c> in its position, accumulated in a 32-bit signed integer (wrapping).</item>
/// </list>
/// </summary>
public static class LenientNumeric
{
    /// <summary>
    /// The unscaled value cob_decimal_set_packed takes from a COMP-3 field of <paramref name="digits"/> digit
    /// positions (at most 18), signed or not (a sign nibble D reads negative in both). The scale is the field's (not
    /// applied here).
    /// </summary>
    public static long PackedUnscaled(ReadOnlySpan<byte> field, int digits)
    {
        if (digits is < 1 or > 18) throw new ArgumentOutOfRangeException(nameof(digits), digits, "1 to 18 digits");
        if (field.Length != digits / 2 + 1)
            throw new ArgumentException($"a packed field of {digits} digits is {digits / 2 + 1} bytes, got {field.Length}", nameof(field));
        var last = field.Length - 1;
        var i = 0;
        long value = 0;
        if ((digits & 1) == 0)
        {
            value = field[0] & 0x0F;
            i = 1;
        }
        for (; i < last; i++) value = (value * 100) + ((field[i] >> 4) * 10) + (field[i] & 0x0F);
        value = (value * 10) + (field[last] >> 4);
        return (field[last] & 0x0F) == 0x0D ? -value : value;
    }

    /// <summary>The value cob_decimal_set_packed takes, at the field's scale.</summary>
    public static CobolDecimal PackedValue(ReadOnlySpan<byte> field, NumericPic pic) =>
        CobolDecimal.FromUnscaled(PackedUnscaled(field, pic.Digits), pic.Scale);

    /// <summary>
    /// The unscaled value cob_decimal_set_display takes from an unsigned DISPLAY field (PIC 9(n), at most 19 bytes):
    /// see the class remarks. The result may exceed the field's digits (X'FF' first byte, digits above 9, wrapping).
    /// </summary>
    public static System.Numerics.BigInteger UnsignedDisplayUnscaled(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty || field.Length > 19) throw new ArgumentException("an unsigned DISPLAY field of 1 to 19 bytes expected", nameof(field));
        if (field[0] == 0xFF) return System.Numerics.BigInteger.Pow(10, field.Length);
        if (field[0] == 0x00) return -System.Numerics.BigInteger.Pow(10, field.Length);
        var start = 0;
        while (field.Length - start > 1 && (field[start] & 0x0F) == 0) start++;
        ulong n = 0;
        unchecked
        {
            for (var i = start; i < field.Length; i++) n = (n * 10) + (ulong)(field[i] - '0');
        }
        return n;
    }

    /// <summary>The value cob_decimal_set_display takes from an unsigned DISPLAY field of <paramref name="pic"/>.</summary>
    public static CobolDecimal UnsignedDisplayValue(ReadOnlySpan<byte> field, NumericPic pic) =>
        CobolDecimal.FromUnscaled(UnsignedDisplayUnscaled(field), pic.Scale);

    /// <summary>
    /// cob_get_int of an unsigned DISPLAY integer field (PIC 9(n), no decimals): leading '0' bytes skipped, then
    /// <c>value * 10 + (byte - '0')</c> per byte in 32-bit signed arithmetic (wrapping, as the C code does).
    /// </summary>
    public static int UnsignedDisplayGetInt(ReadOnlySpan<byte> field)
    {
        var i = 0;
        while (i < field.Length && field[i] == (byte)'0') i++;
        var value = 0;
        unchecked
        {
            for (; i < field.Length; i++) value = (value * 10) + (field[i] - '0');
        }
        return value;
    }
}
