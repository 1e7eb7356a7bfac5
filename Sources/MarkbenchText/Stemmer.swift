import CStemmer

/// Snowball's English stemmer (libstemmer). Not thread-safe: one instance per task.
public final class EnglishStemmer {
    private let stemmer: OpaquePointer
    private var cache: [String: String] = [:]

    /// Nil only when libstemmer lacks the English algorithm or memory ran out.
    public init?() {
        guard let s = sb_stemmer_new("english", "UTF_8") else { return nil }
        stemmer = s
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of a lower-case word: "planned" → "plan".
    public func stem(_ word: String) -> String {
        if let cached = cache[word] { return cached }
        var utf8 = Array(word.utf8)
        let result: String = utf8.withUnsafeMutableBufferPointer { buf in
            guard let out = sb_stemmer_stem(stemmer, buf.baseAddress, Int32(buf.count)) else { return word }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
        }
        if cache.count > 50_000 { cache.removeAll(keepingCapacity: true) }
        cache[word] = result
        return result
    }
}
