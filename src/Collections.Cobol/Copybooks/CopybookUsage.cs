namespace Collections.Cobol.Copybooks;

/// <summary>Storage format of an elementary item (USAGE clause, inherited from the enclosing group).</summary>
public enum CopybookUsage
{
    /// <summary>USAGE DISPLAY (default): one byte per character position; zoned decimal for numerics.</summary>
    Display,

    /// <summary>COMP, COMPUTATIONAL, COMP-4, COMPUTATIONAL-4, BINARY: big-endian two's complement (cobc's default byte order).</summary>
    Binary,

    /// <summary>COMP-5, COMPUTATIONAL-5: native binary (little-endian where cobc runs on x86/ARM; big-endian on the mainframe).</summary>
    NativeBinary,

    /// <summary>COMP-3, COMPUTATIONAL-3, PACKED-DECIMAL: two digits per byte, sign in the last nibble.</summary>
    PackedDecimal,

    /// <summary>COMP-1, COMPUTATIONAL-1, FLOAT-SHORT: 4-byte floating point, no PICTURE (IBM hexadecimal on the
    /// mainframe, IEEE 754 binary32 in GnuCOBOL; see <see cref="Codecs.FloatFormat"/>).</summary>
    FloatShort,

    /// <summary>COMP-2, COMPUTATIONAL-2, FLOAT-LONG: 8-byte floating point, no PICTURE.</summary>
    FloatLong,
}

/// <summary>Where the sign of a signed DISPLAY numeric item is (SIGN clause).</summary>
public enum CopybookSign
{
    /// <summary>No S in the picture.</summary>
    None,

    /// <summary>Default, and SIGN IS TRAILING: over-punched in the last digit.</summary>
    TrailingOverpunch,

    /// <summary>SIGN IS LEADING: over-punched in the first digit.</summary>
    LeadingOverpunch,

    /// <summary>SIGN IS TRAILING SEPARATE [CHARACTER]: a '+' or '-' byte after the digits.</summary>
    TrailingSeparate,

    /// <summary>SIGN IS LEADING SEPARATE [CHARACTER]: a '+' or '-' byte before the digits.</summary>
    LeadingSeparate,
}
