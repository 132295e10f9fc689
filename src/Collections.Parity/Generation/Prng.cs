namespace Collections.Parity.Generation;

/// <summary>
/// The generator's own pseudo-random source: xoshiro256** (Blackman and Vigna) seeded through SplitMix64.
/// Its sequence is fixed by its definition, so a seed gives the same day on every .NET version and machine
/// (System.Random's algorithm is unspecified). Not for cryptography.
/// </summary>
public sealed class Prng
{
    private ulong _s0, _s1, _s2, _s3;

    public Prng(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
    }

    /// <summary>One SplitMix64 step (also used to derive independent sub-streams).</summary>
    public static ulong SplitMix64(ref ulong state)
    {
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    public ulong NextUInt64()
    {
        unchecked
        {
            var result = RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>Uniform integer in [0, bound) (Lemire's multiply-shift with rejection; no modulo bias).</summary>
    public long Below(long bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound), bound, "bound must be positive");
        var b = (ulong)bound;
        unchecked
        {
            while (true)
            {
                var x = NextUInt64();
                var m = (UInt128)x * b;
                var low = (ulong)m;
                if (low >= b || low >= (0UL - b) % b) return (long)(ulong)(m >> 64);
            }
        }
    }

    /// <summary>Uniform integer in [min, max] inclusive.</summary>
    public long Between(long min, long max)
    {
        if (max < min) throw new ArgumentOutOfRangeException(nameof(max), max, "max < min");
        return min + Below(max - min + 1);
    }

    public int Between(int min, int max) => (int)Between((long)min, max);

    /// <summary>True with probability <paramref name="numerator"/>/<paramref name="denominator"/>.</summary>
    public bool Chance(long numerator, long denominator) => Below(denominator) < numerator;

    /// <summary>True with probability p in parts per million.</summary>
    public bool ChancePpm(long ppm) => Below(1_000_000) < ppm;

    public T Pick<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items[(int)Below(items.Count)];
    }

    /// <summary>Picks an index by integer weights.</summary>
    public int PickWeighted(ReadOnlySpan<int> weights)
    {
        long total = 0;
        foreach (var w in weights) total += w;
        var r = Below(total);
        for (var i = 0; i < weights.Length; i++)
        {
            if (r < weights[i]) return i;
            r -= weights[i];
        }
        return weights.Length - 1;
    }

    /// <summary>Log-uniform integer in [min, max] (amounts span orders of magnitude), built from integers only.</summary>
    public long LogUniform(long min, long max)
    {
        if (min < 1 || max < min) throw new ArgumentOutOfRangeException(nameof(min));
        // choose a decade, then uniform within it
        var decades = new List<(long Lo, long Hi)>();
        for (long lo = min; lo <= max;)
        {
            var hi = lo > long.MaxValue / 10 ? max : Math.Min(max, (lo * 10) - 1);
            decades.Add((lo, hi));
            if (hi == max) break;
            lo = hi + 1;
        }
        var (a, b) = decades[(int)Below(decades.Count)];
        return Between(a, b);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
