import RubricModel

/// STAR: which parts the account states for a specific instance, how strongly, in what order,
/// and whether the Action is the learner's own. Labels come from `AccountAnalysis.labelStar`.
extension ResultBuilder {
    func starReport() -> StarReport {
        var parts: [StarPart] = []
        var firstSeen: [(String, Int)] = []
        for name in StarPart.Name.allCases {
            let sentences = analysis.facts.indices.filter { analysis.facts[$0].star == name }
            let strength: StarPart.Strength
            switch (name, sentences.count) {
            case (_, 0): strength = .absent
            case (.action, 1), (.situation, 1): strength = .thin
            case (.result, _) where !sentences.contains(where: { analysis.facts[$0].signals.has(.measured) }): strength = .thin
            default: strength = .present
            }
            var owned: Bool?
            if name == .action, !sentences.isEmpty {
                owned = sentences.contains { s in analysis.facts[s].clauses.contains { $0.subject == .i && ($0.mode == .past || $0.mode == .habitual) } }
            }
            parts.append(StarPart(part: name.rawValue, present: !sentences.isEmpty, strength: strength,
                                  sentences: sentences.prefix(3).map { evidence(sentence: $0) }, ownedByLearner: owned))
            if let first = sentences.first { firstSeen.append((name.rawValue, first)) }
        }
        let order = firstSeen.sorted { $0.1 < $1.1 }.map(\.0)
        let canonical = StarPart.Name.allCases.map(\.rawValue).filter { order.contains($0) }
        return StarReport(parts: parts, inOrder: order == canonical, order: order)
    }
}
