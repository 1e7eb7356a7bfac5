/// Splits one line of text into tokens. Words split at hyphens and at letter–digit changes
/// ("AC1.2" → "AC", "1.2"); numbers keep internal "," and "."; contractions become two tokens
/// ("I've" → "I", "have"); "e.g." and "i.e." stay whole.
struct Tokenizer {
    struct RawToken {
        var kind: TokenKind
        var start: Int
        var end: Int
        var text: String
        /// A fixed normal form (contractions), or nil to derive it from the text.
        var norm: String?
    }

    static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" || s == "\u{2018}" }

    // Fast paths for ASCII; Unicode properties only for the rest.
    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s == " " || s == "\t" || s == "\n" || s == "\r" || s.value == 0x0B || s.value == 0x0C }
        return s.properties.isWhitespace || s == "\u{FEFF}"
    }
    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s.value >= 48 && s.value <= 57 }
        return s.properties.generalCategory == .decimalNumber
    }
    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return (s.value >= 65 && s.value <= 90) || (s.value >= 97 && s.value <= 122) }
        return s.properties.isAlphabetic
    }
    @inline(__always) static func isUpper(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s.value >= 65 && s.value <= 90 }
        return s.properties.isUppercase
    }

    /// Tokens of `scalars` (one line), with byte offsets starting at `base`.
    static func tokenize(_ line: Substring.UnicodeScalarView, base: Int) -> [RawToken] {
        let scalars = Array(line)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var o = base
        for s in scalars {
            offsets.append(o)
            o += UTF8.width(s)
        }
        offsets.append(o)

        var out: [RawToken] = []
        var i = 0
        func text(_ a: Int, _ b: Int) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[a..<b])
            return String(s)
        }
        while i < scalars.count {
            let s = scalars[i]
            if isSpace(s) {
                i += 1
                continue
            }
            if isDigit(s) {
                var j = i + 1
                while j < scalars.count {
                    let c = scalars[j]
                    if isDigit(c) {
                        j += 1
                    } else if (c == "," || c == "."), j + 1 < scalars.count, isDigit(scalars[j + 1]) {
                        j += 2
                    } else {
                        break
                    }
                }
                out.append(RawToken(kind: .number, start: offsets[i], end: offsets[j], text: text(i, j), norm: nil))
                i = j
                continue
            }
            if isLetter(s) {
                // Abbreviations written with dots: e.g. / i.e.
                if i + 3 < scalars.count, scalars[i + 1] == ".", isLetter(scalars[i + 2]), scalars[i + 3] == ".",
                   i + 4 == scalars.count || !isLetter(scalars[i + 4]) {
                    out.append(RawToken(kind: .word, start: offsets[i], end: offsets[i + 4], text: text(i, i + 4), norm: nil))
                    i += 4
                    continue
                }
                var j = i + 1
                while j < scalars.count {
                    let c = scalars[j]
                    if isLetter(c) || (c.value >= 128 && c.properties.generalCategory == .nonspacingMark) {
                        j += 1
                    } else if isApostrophe(c), j + 1 < scalars.count, isLetter(scalars[j + 1]) {
                        j += 1
                    } else {
                        break
                    }
                }
                let word = text(i, j)
                out.append(contentsOf: splitContraction(word, start: offsets[i], end: offsets[j], offsets: Array(offsets[i...j])))
                i = j
                continue
            }
            let kind: TokenKind = (s == "%" || s == "£" || s == "$" || s == "€") ? .symbol : .punctuation
            out.append(RawToken(kind: kind, start: offsets[i], end: offsets[i + 1], text: text(i, i + 1), norm: nil))
            i += 1
        }
        return out
    }

    private static let contractionSuffixes: [(String, String)] = [
        ("n't", "not"), ("'ve", "have"), ("'ll", "will"), ("'re", "are"), ("'m", "am"), ("'d", "would"),
    ]
    private static let isContractions: Set<String> = ["it", "that", "there", "he", "she", "what", "who", "here", "where"]

    /// "I've" → "I" + "have"; "don't" → "do" + "not"; "it's" → "it" + "is"; "customer's" stays one token.
    private static func splitContraction(_ word: String, start: Int, end: Int, offsets: [Int]) -> [RawToken] {
        let unified = String(word.unicodeScalars.map { isApostrophe($0) ? "'" : Character($0) })
        let lower = unified.lowercased()
        guard lower.contains("'") else { return [RawToken(kind: .word, start: start, end: end, text: word, norm: nil)] }
        let scalarCount = word.unicodeScalars.count
        func split(at headScalars: Int, headNorm: String?, tailNorm: String) -> [RawToken] {
            let mid = offsets[headScalars]
            let scalars = Array(word.unicodeScalars)
            var head = String.UnicodeScalarView(); head.append(contentsOf: scalars[..<headScalars])
            var tail = String.UnicodeScalarView(); tail.append(contentsOf: scalars[headScalars...])
            return [RawToken(kind: .word, start: start, end: mid, text: String(head), norm: headNorm),
                    RawToken(kind: .word, start: mid, end: end, text: String(tail), norm: tailNorm)]
        }
        if lower == "can't" { return split(at: 2, headNorm: "can", tailNorm: "not") }
        if lower == "won't" { return split(at: 2, headNorm: "will", tailNorm: "not") }
        for (suffix, expansion) in contractionSuffixes where lower.hasSuffix(suffix) && lower.count > suffix.count {
            return split(at: scalarCount - suffix.count, headNorm: nil, tailNorm: expansion)
        }
        if lower.hasSuffix("'s") {
            let head = String(lower.dropLast(2))
            if isContractions.contains(head) { return split(at: scalarCount - 2, headNorm: nil, tailNorm: "is") }
        }
        return [RawToken(kind: .word, start: start, end: end, text: word, norm: nil)]
    }
}
