/// Reflection: what went well, what was learned, what would be done differently.
extension ResultBuilder {
    func reflectionReport() -> ReflectionReport {
        var kinds: [String] = []
        var sentences: [Int] = []
        let b = compiled.builtins
        for (kind, index) in [("went-well", b.wentWell), ("learned", b.learned), ("differently", b.differently)] {
            guard let concept = index else { continue }
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
