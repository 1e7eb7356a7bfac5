/// SplitMix64 (Steele, Lea and Flood 2014; Vigna's public-domain C version): a tiny 64-bit
/// generator, used here to expand one 64-bit seed into the state of ``Xoshiro256StarStar``.
///
/// Each call adds 0x9E3779B97F4A7C15 to the state and returns the state scrambled by two
/// xor-shift-multiply rounds. From seed 1234567 the first output is 6457827717110365317.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The current state; the next output is derived from `state + 0x9E3779B97F4A7C15`.
    public var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** 1.0 (Blackman and Vigna 2018, public domain): the generator behind
/// ``Bootstrap``. Fast, 256 bits of state, period 2²⁵⁶ − 1, and — unlike the system generator —
/// the same sequence for the same seed on every platform and Swift version, so a bootstrap
/// interval is reproducible from its seed.
///
/// ``init(seed:)`` fills the state with four outputs of ``SplitMix64`` (the authors'
/// recommended seeding, so even seed 0 gives a good state). Bounded draws use
/// ``next(below:)``, Lemire's unbiased multiply-and-reject method, implemented here rather than
/// the standard library's `random(in:using:)`, whose algorithm is not promised to stay fixed.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Hashable {
    /// The four words of state; never all zero.
    public private(set) var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator whose state is four successive outputs of `SplitMix64(seed: seed)`.
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        state = (seeder.next(), seeder.next(), seeder.next(), seeder.next())
    }

    /// A generator with this exact state (for test vectors); an all-zero state, which would
    /// only ever give zeros, is replaced by the state for seed 0.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        self.state = state == (0, 0, 0, 0) ? Xoshiro256StarStar(seed: 0).state : state
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniformly distributed integer in `0..<bound` (`bound` > 0): the high word of
    /// `next() × bound`, redrawing while the low word is below `2⁶⁴ mod bound` (Lemire 2019).
    public mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "the bound must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return product.high
    }

    public static func == (a: Self, b: Self) -> Bool { a.state == b.state }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(state.0); hasher.combine(state.1); hasher.combine(state.2); hasher.combine(state.3)
    }
}

private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
