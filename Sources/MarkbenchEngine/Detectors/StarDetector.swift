import RubricModel

/// STAR: which parts the account states for a specific instance, how strongly, in what order,
/// and whether the Action is the learner's own. Labels come from `AccountAnalysis.labelStar`.
extension ResultBuilder {
    func starReport() -> StarReport {
        var parts: [StarPart] = []
        var firstSeen: [(String, Int)] = []
        let actionSentences = analysis.facts.filter { $0.signals.has(.starAction) }.count
        for name in StarPart.Name.allCases {
            let sentences = analysis.facts.indices.filter { analysis.facts[$0].signals.has(name.signal) }
            var strength: StarPart.Strength
            switch (name, sentences.count) {
            case (_, 0): strength = .absent
            case (.action, 1): strength = .thin
            case (.result, _) where !sentences.contains(where: { analysis.facts[$0].signals.has(.measured) }): strength = .thin
            default: strength = .present
            }
            // A situation is the setting of a specific instance: there must be an instance (actions),
            // or the situation itself must be anchored in time ("last spring…").
            if name == .situation, strength != .absent, actionSentences < 2,
               !sentences.contains(where: { s in compiled.builtins.timeAnchor.map { analysis.facts[s].conceptCounts[$0] != nil } ?? false }) {
                strength = .absent
            }
            var owned: Bool?
            if name == .action, !sentences.isEmpty {
                owned = sentences.contains { s in analysis.facts[s].clauses.contains { $0.subject == .i && ($0.mode == .past || $0.mode == .habitual) } }
            }
            // One action sentence is too thin to call the Action stated.
            let present = strength == .present || (strength == .thin && name != .action)
            parts.append(StarPart(part: name.rawValue, present: present, strength: strength,
                                  sentences: sentences.prefix(3).map { evidence(sentence: $0) }, ownedByLearner: owned))
            if present, let first = sentences.first { firstSeen.append((name.rawValue, first)) }
        }
        // A task is often implied rather than stated: a specific problem (the situation) that the
        // learner then acted on. Count it, as thin, with the situation as its evidence.
        if let t = parts.firstIndex(where: { $0.part == "task" }), !parts[t].present,
           let situation = parts.first(where: { $0.part == "situation" }), situation.present,
           parts.first(where: { $0.part == "action" })?.present == true {
            parts[t].present = true
            parts[t].strength = .thin
            parts[t].sentences = Array(situation.sentences.prefix(1))
            if let first = analysis.facts.indices.first(where: { analysis.facts[$0].signals.has(.starSituation) }) {
                firstSeen.append(("task", first))
            }
        }
        let order = firstSeen.sorted { $0.1 < $1.1 }.map(\.0)
        let canonical = StarPart.Name.allCases.map(\.rawValue).filter { order.contains($0) }
        return StarReport(parts: parts, inOrder: order == canonical, order: order)
    }
}

extension StarPart.Name {
    var signal: Signal {
        switch self {
        case .situation: .starSituation
        case .task: .starTask
        case .action: .starAction
        case .result: .starResult
        }
    }
}
