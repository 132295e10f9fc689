namespace Collections.Cobol.Numerics;

/// <summary>Storage of a numeric item, where it changes GnuCOBOL's results (only the sign of a zero, see
/// <see cref="CobolArithmetic.Move(CobolDecimal, NumericUsage, NumericPic, NumericUsage, out bool)"/>).</summary>
public enum NumericUsage
{
    /// <summary>USAGE DISPLAY (zoned decimal), also numeric literals.</summary>
    Display,

    /// <summary>COMP-3 / PACKED-DECIMAL.</summary>
    Packed,

    /// <summary>BINARY / COMP / COMP-4 / COMP-5.</summary>
    Binary,
}
