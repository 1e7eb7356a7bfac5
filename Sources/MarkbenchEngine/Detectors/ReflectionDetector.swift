/// Reflection: what went well, what was learned, what would be done differently.
extension ResultBuilder {
    func reflectionReport() -> ReflectionReport {
        var kinds: [String] = []
        var sentences: [Int] = []
        for kind in ["went-well", "learned", "differently"] {
            guard let concept = compiled.builtin("reflection", kind) else { continue }
            let found = analysis.facts.indices.filter { analysis.facts[$0].conceptCounts[concept] != nil && !doc.sentences[$0].isHeading }
            if !found.isEmpty {
                kinds.append(kind)
                sentences += found
            }
        }
        let ordered = Array(Set(sentences)).sorted()
        return ReflectionReport(present: !kinds.isEmpty, kinds: kinds, evidence: ordered.prefix(4).map { evidence(sentence: $0) })
    }
}
