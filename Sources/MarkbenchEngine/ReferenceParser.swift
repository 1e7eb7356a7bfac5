import MarkbenchText

/// Finds criterion references a learner writes: "AC 1.2", "AC1.2", "(1.2)", "1.1–1.3",
/// "criteria 1.1 and 1.4", "LO1". Works on tokens, so "2.5%" or "No. 4" are never references.
struct ReferenceParser {
    struct Parsed: Hashable {
        /// Normalised ids: "1.2" for criteria, "LO1" for outcomes.
        var ids: [String]
        var firstToken: Int
        var lastToken: Int
        var sentence: Int
    }

    private static let introducers: Set<String> = ["ac", "acs", "criterion", "criteria"]
    private static let listJoiners: Set<String> = [",", "and", "&", "/", "+", ";"]
    private static let rangeJoiners: Set<String> = ["-", "–", "—", "to"]
    /// Without "AC" before it, only "1.1-1.3" with a dash reads as a range ("4.1 to 4.5" is a score).
    private static let bareRangeJoiners: Set<String> = ["-", "–", "—"]

    static func isCriterionNumber(_ t: Token) -> Bool {
        guard t.kind == .number else { return false }
        let parts = t.text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isNumber) }
    }

    static func parse(_ doc: TextDocument) -> [Parsed] {
        var out: [Parsed] = []
        let tokens = doc.tokens
        for sentence in doc.sentences {
            let range = sentence.tokens
            var i = range.lowerBound
            while i < range.upperBound {
                let t = tokens[i]
                if t.kind == .word, introducers.contains(t.norm) {
                    var j = i + 1
                    while j < range.upperBound, tokens[j].text == ":" { j += 1 }
                    if j < range.upperBound, isCriterionNumber(tokens[j]) {
                        let (ids, last) = list(from: j, in: range, tokens: tokens)
                        out.append(Parsed(ids: ids, firstToken: i, lastToken: last, sentence: sentence.index))
                        i = last + 1
                        continue
                    }
                } else if t.text == "(", i + 1 < range.upperBound, isCriterionNumber(tokens[i + 1]) {
                    let (ids, last) = list(from: i + 1, in: range, tokens: tokens)
                    if last + 1 < range.upperBound, tokens[last + 1].text == ")" {
                        out.append(Parsed(ids: ids, firstToken: i, lastToken: last + 1, sentence: sentence.index))
                        i = last + 2
                        continue
                    }
                } else if t.kind == .word, t.norm == "lo", i + 1 < range.upperBound, tokens[i + 1].kind == .number,
                          tokens[i + 1].text.allSatisfy(\.isNumber) {
                    out.append(Parsed(ids: ["LO" + tokens[i + 1].text], firstToken: i, lastToken: i + 1, sentence: sentence.index))
                    i += 2
                    continue
                } else if isCriterionNumber(t), i + 2 < range.upperBound, bareRangeJoiners.contains(tokens[i + 1].norm),
                          isCriterionNumber(tokens[i + 2]),
                          i == range.lowerBound || !["from", "between", "of", "at", "by"].contains(tokens[i - 1].norm) {
                    // A bare range "1.1-1.3" is a reference even without "AC".
                    let (ids, last) = list(from: i, in: range, tokens: tokens)
                    out.append(Parsed(ids: ids, firstToken: i, lastToken: last, sentence: sentence.index))
                    i = last + 1
                    continue
                }
                i += 1
            }
        }
        return out
    }

    /// Reads "1.1", "1.1 and 1.4", "1.1, 1.2 and AC 1.3", "1.1–1.3" starting at `start`.
    private static func list(from start: Int, in range: Range<Int>, tokens: [Token]) -> ([String], Int) {
        var ids = [tokens[start].text]
        var last = start
        var j = start + 1
        while j < range.upperBound {
            let joiner = tokens[j]
            if rangeJoiners.contains(joiner.norm), j + 1 < range.upperBound, isCriterionNumber(tokens[j + 1]) {
                ids += expand(from: tokens[last].text, to: tokens[j + 1].text).dropFirst()
                last = j + 1
                j += 2
                continue
            }
            if listJoiners.contains(joiner.norm) {
                var k = j + 1
                if k < range.upperBound, introducers.contains(tokens[k].norm) { k += 1 }
                if k < range.upperBound, isCriterionNumber(tokens[k]) {
                    ids.append(tokens[k].text)
                    last = k
                    j = k + 1
                    continue
                }
            }
            break
        }
        return (ids, last)
    }

    /// "1.1" … "1.3" → ["1.1", "1.2", "1.3"]; different outcomes or a backwards range give the ends only.
    static func expand(from a: String, to b: String) -> [String] {
        let pa = a.split(separator: "."), pb = b.split(separator: ".")
        guard pa.count == 2, pb.count == 2, pa[0] == pb[0], let x = Int(pa[1]), let y = Int(pb[1]), x <= y, y - x < 20 else {
            return [a, b]
        }
        return (x...y).map { "\(pa[0]).\($0)" }
    }
}
