import MarkbenchText
import RubricModel

/// Models and legislation: named with the right year ("Consumer Rights Act 2016" is wrong),
/// and applied to the learner's own work rather than only named.
extension ResultBuilder {
    func legislationAndModelFindings() -> [Finding] {
        var out: [Finding] = []
        var modelsSeen: Set<Int32> = []
        for (s, f) in analysis.facts.enumerated() {
            for hit in f.hits {
                let concept = compiled.concepts[Int(hit.concept)]
                let span = TextSpan(start: doc.tokens[hit.firstToken].span.start, end: doc.tokens[hit.lastToken].span.end)
                if concept.kind == .legislation, let year = concept.year,
                   let written = yearNear(hit, sentence: s), written != year {
                    let name = concept.displayName
                    out.append(Finding(ruleID: "builtin.legislation.wrong-year", severity: .minor, category: "legislation",
                                       message: "\"\(doc.excerpt(span)) \(written)\": the correct name is \(name) \(year)",
                                       advice: "Write \(name) \(year).", criterionID: nil, mistakeID: nil,
                                       evidence: evidence(span)))
                }
                if concept.kind == .model, modelsSeen.insert(hit.concept).inserted, !isApplied(sentence: s) {
                    out.append(Finding(ruleID: "builtin.model.not-applied", severity: .info, category: "model",
                                       message: "\(concept.displayName) is named but not applied to your own work here",
                                       advice: "Show what you did with \(concept.displayName) and what it told you.",
                                       criterionID: nil, mistakeID: nil, evidence: evidence(span)))
                }
            }
        }
        return out
    }

    /// A four-digit year written just after (or just before) a law's name.
    private func yearNear(_ hit: PhraseMatcher.Hit, sentence: Int) -> Int? {
        let range = doc.sentences[sentence].tokens
        var t = hit.lastToken + 1
        var steps = 0
        while t < range.upperBound, steps < 3 {
            let token = doc.tokens[t]
            if token.kind == .number { return token.norm.count == 4 ? Int(token.norm) : nil }
            if token.kind == .word && !["etc", "act", "the", "of"].contains(token.norm) { break }
            t += 1
            steps += 1
        }
        if hit.firstToken - 1 >= range.lowerBound, doc.tokens[hit.firstToken - 1].kind == .number,
           doc.tokens[hit.firstToken - 1].norm.count == 4 {
            return Int(doc.tokens[hit.firstToken - 1].norm)
        }
        return nil
    }

    /// A model counts as applied when the learner (or team) did something with it in the same
    /// sentence or the next.
    private func isApplied(sentence s: Int) -> Bool {
        let neighbours = [s, s + 1].filter { $0 < analysis.facts.count && doc.sentences[$0].paragraph == doc.sentences[s].paragraph }
        return neighbours.contains { n in
            analysis.facts[n].clauses.contains { ($0.mode == .past || $0.mode == .habitual) }
        }
    }
}
