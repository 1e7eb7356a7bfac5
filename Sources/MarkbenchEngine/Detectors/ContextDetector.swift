/// Specific context versus generic statements, and real work versus hypothetical.
extension ResultBuilder {
    func contextReport() -> ContextReport {
        var specific = 0, generic = 0, hypothetical = 0
        var examples: [Evidence] = []
        for (s, f) in analysis.facts.enumerated() where !doc.sentences[s].isHeading {
            if f.signals.has(.specificContext) {
                specific += 1
                if examples.count < 3 { examples.append(evidence(sentence: s)) }
            }
            if f.signals.has(.generic) { generic += 1 }
            if f.hypotheticalOnly { hypothetical += 1 }
        }
        return ContextReport(specificSentences: specific, genericSentences: generic, hypotheticalSentences: hypothetical,
                             examples: examples)
    }
}
