import MarkbenchText

/// Criterion references the learner writes: does each exist in the unit, and does the passage
/// it is attached to (its paragraph, or the section under a heading) evidence it?
extension ResultBuilder {
    func referenceResults(evaluations: [String: RuleEvaluation]) -> [LearnerReference] {
        let criterionIDs = Set(rubric.criteria.map(\.id))
        let pointIDs = Set(rubric.markingPoints.map(\.id))
        let outcomeIDs = Set(rubric.outcomes.map(\.id))
        return analysis.references.map { parsed in
            let span = TextSpan(start: doc.tokens[parsed.firstToken].span.start, end: doc.tokens[parsed.lastToken].span.end)
            let passage = passageSentences(for: parsed.sentence)
            let targets = parsed.ids.map { id -> ReferenceTarget in
                if id.hasPrefix("LO") {
                    return ReferenceTarget(id: id, exists: outcomeIDs.contains(id), supported: outcomeIDs.contains(id),
                                           reason: outcomeIDs.contains(id) ? "learning outcome \(id)" : "the unit has no \(id)")
                }
                guard criterionIDs.contains(id) || pointIDs.contains(id) else {
                    let known = rubric.criteria.map(\.id).joined(separator: ", ")
                    return ReferenceTarget(id: id, exists: false, supported: false,
                                           reason: "the unit has no criterion \(id) (its criteria are \(known))")
                }
                let met = rubric.rules(evidencing: id).compactMap { evaluations[$0.id] }.filter { $0.status == .met }
                if met.isEmpty {
                    return ReferenceTarget(id: id, exists: true, supported: false,
                                           reason: "the account does not evidence \(id) anywhere")
                }
                let here = met.contains { e in e.contributing.contains { passage.contains($0) } }
                return ReferenceTarget(id: id, exists: true, supported: here,
                                       reason: here ? "this passage evidences \(id)"
                                           : "\(id) is evidenced elsewhere, not in the passage that cites it")
            }
            return LearnerReference(written: doc.excerpt(span), evidence: evidence(span), targets: targets)
        }
    }

    /// The passage a reference is attached to: its paragraph, or, when the reference sits in a
    /// heading, the whole section under that heading (up to the next heading).
    private func passageSentences(for sentence: Int) -> Set<Int> {
        let paragraph = doc.sentences[sentence].paragraph
        guard doc.sentences[sentence].isHeading || doc.paragraphs[paragraph].heading != nil else {
            return Set(doc.paragraphs[paragraph].sentences)
        }
        var sentences = Set(doc.paragraphs[paragraph].sentences)
        var next = paragraph + 1
        while next < doc.paragraphs.count, doc.paragraphs[next].heading == nil {
            sentences.formUnion(doc.paragraphs[next].sentences)
            next += 1
        }
        return sentences
    }

    func referenceFindings(_ references: [LearnerReference], criteria: [TargetResult]) -> [Finding] {
        var out: [Finding] = []
        for reference in references {
            for target in reference.targets where !target.supported {
                out.append(Finding(
                    ruleID: target.exists ? "builtin.reference.unsupported" : "builtin.reference.unknown",
                    severity: target.exists ? .minor : .major, category: "reference",
                    message: target.exists ? "\"\(reference.written)\" cites \(target.id), but \(target.reason)"
                        : "\"\(reference.written)\" cites \(target.id): \(target.reason)",
                    advice: target.exists ? "Move the reference to the passage that shows \(target.id), or add the evidence there."
                        : "Check the unit's criteria and cite only those that exist.",
                    criterionID: target.exists ? target.id : nil, mistakeID: nil, evidence: reference.evidence))
            }
        }
        if !references.isEmpty {
            for c in criteria where c.status == .met && !c.referencedByLearner {
                out.append(Finding(ruleID: "builtin.reference.uncited", severity: .info, category: "reference",
                                   message: "criterion \(c.id) is evidenced but never cited",
                                   advice: "Add \"(AC \(c.id))\" where you show it, so your assessor can find it.",
                                   criterionID: c.id, mistakeID: nil, evidence: c.evidence.first))
            }
        }
        return out
    }
}
