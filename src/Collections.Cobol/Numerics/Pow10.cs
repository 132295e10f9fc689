using System.Numerics;

namespace Collections.Cobol.Numerics;

/// <summary>Cached powers of ten.</summary>
internal static class Pow10
{
    /// <summary>10^0 .. 10^38 (10^38 &lt; Int128.MaxValue ~ 1.7e38).</summary>
    public static readonly Int128[] Int128Table = BuildInt128();

    /// <summary>10^0 .. 10^18.</summary>
    public static readonly long[] Int64Table = [.. Enumerable.Range(0, 19).Select(i => (long)Int128Table[i])];

    private static readonly BigInteger[] BigTable = BuildBig(160);

    public const int MaxInt128Exponent = 38;

    private static Int128[] BuildInt128()
    {
        var t = new Int128[MaxInt128Exponent + 1];
        Int128 p = 1;
        for (int i = 0; i <= MaxInt128Exponent; i++)
        {
            t[i] = p;
            if (i < MaxInt128Exponent) p *= 10;
        }
        return t;
    }

    private static BigInteger[] BuildBig(int n)
    {
        var t = new BigInteger[n];
        BigInteger p = BigInteger.One;
        for (int i = 0; i < n; i++)
        {
            t[i] = p;
            p *= 10;
        }
        return t;
    }

    public static BigInteger Big(int exponent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exponent);
        return exponent < BigTable.Length ? BigTable[exponent] : BigInteger.Pow(10, exponent);
    }
}
