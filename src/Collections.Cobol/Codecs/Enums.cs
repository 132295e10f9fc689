namespace Collections.Cobol.Codecs;

/// <summary>How a zoned-decimal sign is over-punched on the sign digit.</summary>
public enum OverpunchStyle
{
    /// <summary>Real EBCDIC bytes: digits F0-F9; sign digit C0-C9 (+), D0-D9 (-), F0-F9 accepted as +.
    /// Encoding writes C (signed, ≥ 0), D (negative), F (unsigned). Separate signs are EBCDIC '+' 0x4E and '-' 0x60.</summary>
    Ebcdic,

    /// <summary>ASCII file written by GnuCOBOL with -fsign=EBCDIC (the legacy): '{' 'A'..'I' = +0..+9,
    /// '}' 'J'..'R' = -0..-9; plain digits '0'-'9' in the sign position read as positive.</summary>
    AsciiEbcdicLetters,

    /// <summary>GnuCOBOL default ASCII: positive = plain digit '0'-'9', negative = 'p'..'y' (0x70-0x79).</summary>
    GnuCobolAscii,
}

/// <summary>Where the sign of a zoned-decimal (USAGE DISPLAY) field is, from its PIC and SIGN clause.</summary>
public enum SignPlacement
{
    /// <summary>No S in the PIC: every position is a plain digit.</summary>
    Unsigned,

    /// <summary>PIC S... (default, or SIGN TRAILING): the sign is over-punched on the last digit.</summary>
    TrailingOverpunch,

    /// <summary>SIGN LEADING: the sign is over-punched on the first digit.</summary>
    LeadingOverpunch,

    /// <summary>SIGN TRAILING SEPARATE: a '+' or '-' byte after the digits (field length = digits + 1).</summary>
    TrailingSeparate,

    /// <summary>SIGN LEADING SEPARATE: a '+' or '-' byte before the digits (field length = digits + 1).</summary>
    LeadingSeparate,
}

/// <summary>Which sign nibbles a packed-decimal (COMP-3) decoder accepts.</summary>
public enum PackedSignPolicy
{
    /// <summary>C and F = +, D = -. A negative sign in an unsigned field is an error. (Encoding writes F only
    /// for unsigned fields.)</summary>
    Strict,

    /// <summary>As IBM hardware reads packed data: also A, E = + and B = -.</summary>
    Ibm,
}
