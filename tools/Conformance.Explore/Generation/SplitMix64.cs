namespace Conformance.Explore.Generation;

/// <summary>
/// The exploration's PRNG: SplitMix64 (Steele, Lea, Flood 2014), fixed here so the same seed gives the same programs on every
/// .NET version (System.Random's algorithm is unspecified).
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, <paramref name="bound"/>), bound &gt; 0 (modulo bias is negligible for the small bounds used).</summary>
    public int Below(int bound) => bound <= 0
        ? throw new ArgumentOutOfRangeException(nameof(bound), bound, "must be positive")
        : (int)(Next() % (ulong)bound);

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    /// <summary>The stream of program <paramref name="index"/> of an exploration seeded with <paramref name="seed"/>: independent of the other programs, so shards generate the same program for an index.</summary>
    public static SplitMix64 ForProgram(long seed, int index) =>
        new(new SplitMix64(unchecked((ulong)seed) ^ (0xD1B54A32D192ED03UL * (ulong)(index + 1))).Next());
}
