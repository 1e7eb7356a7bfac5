import MarkbenchText
import RubricModel

/// Command words: a criterion that asks the learner to explain, analyse, evaluate or justify
/// needs more than description. When the evidence shows none of what the command word
/// demands (reasons, strengths and weaknesses, a judgement …), the criterion drops to
/// partly met with a "describes where it should …" finding.
extension ResultBuilder {
    func commandWordFindings(criteria: inout [TargetResult], evaluations: [String: RuleEvaluation]) -> [Finding] {
        var out: [Finding] = []
        for index in criteria.indices where criteria[index].status == .met {
            let target = criteria[index]
            guard let word = target.commandWord.flatMap({ analysis.compiled.bundle.commandWord($0) }),
                  (word.depth ?? 0) >= 4, !word.shows.isEmpty else { continue }
            let owner = analysis.compiled.bundle.lexicons.first { $0.value.commandWords.contains(word) }?.key
            let demanded = word.shows.compactMap { compiled.index(of: $0.concept.resolved(in: owner)) }
            // Look in the paragraphs that hold the evidence: a reason often sits in the next sentence.
            let paragraphs = Set(rubric.rules(evidencing: target.id).compactMap { evaluations[$0.id] }
                .filter { $0.status == .met }.flatMap { $0.passingUnits.flatMap { $0 } }.map { doc.sentences[$0].paragraph })
            let passages = paragraphs.sorted().flatMap { Array(doc.paragraphs[$0].sentences) }
            let shown = Set(passages.flatMap { s in demanded.filter { analysis.facts[s].conceptCounts[$0] != nil } })
            guard shown.isEmpty else { continue }
            criteria[index].status = .partlyMet
            criteria[index].confidence = Confidence(level: .low, reason: "the evidence describes but does not \(word.id)")
            let missing = word.shows.map(\.label).joined(separator: ", ")
            out.append(Finding(ruleID: "builtin.command-word.\(word.id)", severity: .minor, category: "command-word",
                               message: "criterion \(target.id) asks you to \(word.id), but the evidence describes: no \(missing)",
                               advice: word.demand, criterionID: target.id, mistakeID: nil, evidence: target.evidence.first))
        }
        return out
    }
}
