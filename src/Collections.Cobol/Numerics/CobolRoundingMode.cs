namespace Collections.Cobol.Numerics;

/// <summary>
/// The COBOL 2014 ROUNDED MODE phrases, as GnuCOBOL 3.1.2 implements them (all accepted with -std=default).
/// </summary>
public enum CobolRoundingMode
{
    /// <summary>No ROUNDED phrase (or ROUNDED MODE TRUNCATION): excess fraction digits are dropped.</summary>
    Truncation,

    /// <summary>Plain ROUNDED (ROUNDED MODE NEAREST-AWAY-FROM-ZERO): ties go away from zero.</summary>
    NearestAwayFromZero,

    /// <summary>ROUNDED MODE NEAREST-EVEN: ties go to the even neighbour (banker's rounding).</summary>
    NearestEven,

    /// <summary>ROUNDED MODE NEAREST-TOWARD-ZERO: ties go toward zero.</summary>
    NearestTowardZero,

    /// <summary>ROUNDED MODE AWAY-FROM-ZERO: any non-zero excess moves the value away from zero.</summary>
    AwayFromZero,

    /// <summary>ROUNDED MODE TOWARD-GREATER: ceiling.</summary>
    TowardGreater,

    /// <summary>ROUNDED MODE TOWARD-LESSER: floor.</summary>
    TowardLesser,

    /// <summary>
    /// ROUNDED MODE PROHIBITED. GnuCOBOL 3.1.2 raises a size error (EC-SIZE-TRUNCATION) whenever the value
    /// has more fraction digits than the receiver (even when they are zeros) and still stores the truncated value;
    /// an ON SIZE ERROR phrase then runs its imperative statement.
    /// </summary>
    Prohibited,
}
