using Collections.Cobol.Numerics;

namespace Collections.Domain.LineDuties;

/// <summary>
/// CLV100's hot COMPUTEs (a product of two fixed-point fields, one division) stored ON SIZE ERROR: the toolkit's
/// integer fast paths (<see cref="CobolArithmetic.TryStoreProduct"/>, <see cref="CobolArithmetic.TryStoreQuotient"/>),
/// which give what <see cref="CobolArithmetic.Store(CobolDecimal, NumericPic, CobolRoundingMode, bool)"/> gives.
/// </summary>
public static class LegacyStore
{
    /// <summary>COMPUTE receiver [ROUNDED] = a × b ON SIZE ERROR; false on a size error.</summary>
    public static bool TryMultiply(long a, int aScale, long b, int bScale, NumericPic receiver, CobolRoundingMode mode, out long result) =>
        CobolArithmetic.TryStoreProduct(a, aScale, b, bScale, receiver, mode, out result);

    /// <summary>COMPUTE receiver [ROUNDED] = a / b ON SIZE ERROR (b not zero); false on a size error.</summary>
    public static bool TryDivide(long a, int aScale, long b, int bScale, NumericPic receiver, CobolRoundingMode mode, out long result) =>
        CobolArithmetic.TryStoreQuotient(a, aScale, b, bScale, receiver, mode, out result);
}
