/// Turns a word as written into the forms phrases are matched on: lower case, apostrophes and
/// possessives removed, US spelling mapped to UK (with its inflections), then stemmed.
/// Not thread-safe (it owns a stemmer): one per task.
public final class Normaliser {
    private let usToUK: [String: String]
    private let stemmer: EnglishStemmer
    private var cache: [String: (norm: String, stem: String)] = [:]

    /// `spellings` maps US words to UK words, lower case ("organize" → "organise").
    public init?(spellings: [String: String]) {
        guard let stemmer = EnglishStemmer() else { return nil }
        self.stemmer = stemmer
        usToUK = spellings
    }

    /// The normal form and stem of `word`.
    public func normalise(_ word: String) -> (norm: String, stem: String) {
        if let hit = cache[word] { return hit }
        var lower = word.lowercased()
        if lower.unicodeScalars.contains(where: Tokenizer.isApostrophe) {
            var s = String(lower.unicodeScalars.map { Tokenizer.isApostrophe($0) ? "'" : Character($0) })
            if s.hasSuffix("'s") { s.removeLast(2) } else if s.hasSuffix("'") { s.removeLast() }
            lower = s.replacingApostrophes()
        }
        let uk = toUK(lower)
        let result = (uk, stemmer.stem(uk))
        if cache.count > 100_000 { cache.removeAll(keepingCapacity: true) }
        cache[word] = result
        return result
    }

    /// The normal forms and stems of a phrase's words, tokenised exactly as accounts are.
    public func phraseTokens(_ phrase: String) -> [(norm: String, stem: String)] {
        Tokenizer.tokenize(Substring(phrase).unicodeScalars, base: 0).compactMap { raw in
            switch raw.kind {
            case .word:
                if let fixed = raw.norm { return (fixed, stem(fixed)) }
                return normalise(raw.text)
            case .number:
                let n = String(raw.text.filter { $0 != "," })
                return (n, n)
            case .symbol, .punctuation:
                return nil
            }
        }
    }

    /// The stem of an already-normal word.
    public func stem(_ norm: String) -> String { stemmer.stem(norm) }

    private static let suffixes = ["", "s", "es", "d", "ed", "ing", "ation", "ations", "er", "ers", "ment", "ments", "al", "ally"]

    /// US → UK for a word or an inflection of a listed word ("organized" → "organised").
    func toUK(_ word: String) -> String {
        if let direct = usToUK[word] { return direct }
        for suffix in Self.suffixes.dropFirst() where word.hasSuffix(suffix) && word.count > suffix.count + 2 {
            let base = String(word.dropLast(suffix.count))
            if let uk = usToUK[base] { return uk + suffix }
            if let uk = usToUK[base + "e"], uk.hasSuffix("e") { return String(uk.dropLast()) + suffix }
        }
        return word
    }
}

private extension String {
    func replacingApostrophes() -> String { String(unicodeScalars.filter { !Tokenizer.isApostrophe($0) }.map(Character.init)) }
}
