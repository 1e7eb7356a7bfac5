import MarkbenchText
import RubricModel

/// Turns an analysed account into a `MarkingResult`: evaluates every rule, runs the built-in
/// detectors (one file each, `Detectors/`), scores targets and applies the decision rule.
struct ResultBuilder {
    let analysis: AccountAnalysis
    var doc: TextDocument { analysis.doc }
    var rubric: Rubric { analysis.compiled.rubric }
    var compiled: CompiledRubric { analysis.compiled }

    func evidence(_ span: TextSpan) -> Evidence {
        let (line, column) = doc.lineColumn(of: span.start)
        return Evidence(start: span.start, end: span.end, line: line, column: column, quote: doc.quote(span))
    }

    func evidence(sentence s: Int) -> Evidence { evidence(doc.sentences[s].span) }

    func build() -> MarkingResult {
        let evaluator = RuleEvaluator(analysis: analysis)
        var evaluations: [String: RuleEvaluation] = [:]
        for (index, rule) in rubric.rules.enumerated() { evaluations[rule.id] = evaluator.evaluate(ruleAt: index) }

        var findings: [Finding] = []
        let references = referenceResults(evaluations: evaluations)
        let referenced = Set(references.flatMap { $0.targets.filter(\.exists).map(\.id) })

        var criteria = rubric.criteria.map { c in
            target(id: c.id, kind: .criterion, text: c.text, commandWord: c.commandWord, evaluations: evaluations,
                   referenced: referenced.contains(c.id))
        }
        let points = rubric.markingPoints.map { p in
            target(id: p.id, kind: .markingPoint, text: p.text, commandWord: p.commandWord, evaluations: evaluations,
                   referenced: referenced.contains(p.id))
        }
        findings += commandWordFindings(criteria: &criteria, evaluations: evaluations)

        let star = starReport()
        let ownership = ownershipReport()
        let measured = measuredResultsReport()
        let reflection = reflectionReport()
        let context = contextReport()

        findings += mistakeFindings(evaluations: evaluations)
        findings += legislationAndModelFindings()
        findings += referenceFindings(references, criteria: criteria)
        findings += structureFindings(star: star, ownership: ownership, measured: measured, reflection: reflection,
                                      context: context)
        findings.sort { a, b in
            let pa = a.evidence?.start ?? -1, pb = b.evidence?.start ?? -1
            return (pa, a.ruleID, a.message) < (pb, b.ruleID, b.message)
        }
        let decision = decide(criteria: criteria, ownership: ownership, findings: findings)
        let annotations = sentenceAnnotations(evaluations: evaluations, targets: criteria + points)
        return MarkingResult(
            account: AccountInfo(name: doc.name, words: doc.wordCount, sentences: doc.bodySentenceCount,
                                 paragraphs: doc.paragraphs.count),
            rubric: RubricInfo(id: rubric.id, version: rubric.version, title: rubric.unit.title),
            decision: decision, criteria: criteria, markingPoints: points, star: star, ownership: ownership,
            measuredResults: measured, reflection: reflection, context: context, references: references,
            findings: findings, sentences: annotations)
    }

    // MARK: - Sentences

    private func sentenceAnnotations(evaluations: [String: RuleEvaluation], targets: [TargetResult]) -> [SentenceAnnotation] {
        var evidences: [Int: [String]] = [:]
        for target in targets where target.status != .notMet {
            let best = rubric.rules(evidencing: target.id).compactMap { evaluations[$0.id] }.max { $0.status < $1.status }
            for s in best?.contributing.prefix(4) ?? [] { evidences[s, default: []].append(target.id) }
        }
        return doc.sentences.map { sentence in
            let f = analysis.facts[sentence.index]
            let (line, column) = doc.lineColumn(of: sentence.span.start)
            return SentenceAnnotation(
                start: sentence.span.start, end: sentence.span.end, line: line, column: column,
                paragraph: sentence.paragraph, heading: sentence.isHeading, listItem: sentence.isListItem,
                star: StarPart.Name.allCases.filter { f.signals.has($0.signal) }.map(\.rawValue),
                signals: Signal.allCases.filter { f.signals.has($0) && !$0.rawValue.hasPrefix("star-") }.map(\.rawValue),
                evidences: evidences[sentence.index] ?? [])
        }
    }

    // MARK: - Targets

    private func target(id: String, kind: TargetResult.Kind, text: String, commandWord: String?,
                        evaluations: [String: RuleEvaluation], referenced: Bool) -> TargetResult {
        let rules = rubric.rules(evidencing: id).compactMap { evaluations[$0.id] }
        let best = rules.max { $0.status < $1.status }
        let status = best?.status ?? .notMet
        let outcomes = rules.map { e in
            RuleOutcome(ruleID: e.rule.id, description: e.rule.description, scope: e.rule.scope.rawValue, status: e.status,
                        unitsPassed: e.passingUnits.count, unitsNeeded: e.rule.minUnits, conditions: e.conditions,
                        evidence: e.contributing.prefix(6).map { evidence(sentence: $0) })
        }
        let quoted = status == .notMet ? [] : (best?.contributing.prefix(4).map { evidence(sentence: $0) } ?? [])
        return TargetResult(id: id, kind: kind, text: text, commandWord: commandWord, status: status, evidence: quoted,
                            rules: outcomes, referencedByLearner: referenced, confidence: confidence(for: best))
    }

    private func confidence(for evaluation: RuleEvaluation?) -> Confidence {
        guard let e = evaluation else {
            return Confidence(level: .high, reason: "no rule can evidence this target")
        }
        let held = e.conditions.filter(\.holds).count, total = max(e.conditions.count, 1)
        switch e.status {
        case .met where e.passingUnits.count > e.rule.minUnits:
            return Confidence(level: .high, reason: "\(e.passingUnits.count) separate passages satisfy rule \(e.rule.id)")
        case .met:
            return Confidence(level: .medium, reason: "exactly the \(e.rule.minUnits) passage(s) rule \(e.rule.id) needs")
        case .partlyMet:
            return Confidence(level: .low, reason: "\(held) of \(total) conditions of rule \(e.rule.id) hold in the best passage")
        case .notMet:
            return Confidence(level: held == 0 ? .high : .medium,
                              reason: "\(held) of \(total) conditions of rule \(e.rule.id) hold in the best passage")
        }
    }

    // MARK: - Decision

    private func decide(criteria: [TargetResult], ownership: OwnershipReport, findings: [Finding]) -> Decision {
        let rule = rubric.decision
        var conditions: [DecisionCondition] = []
        var borderlineAllowed = false
        for condition in rule.criteria {
            let ids: [String]
            switch condition.selection {
            case .all: ids = criteria.map(\.id)
            case .ids(let list): ids = list
            }
            let needed: EvidenceStatus = condition.status == .met ? .met : .partlyMet
            let short = criteria.filter { ids.contains($0.id) && $0.status < needed }
            // Borderline: partly met with a single condition of the best rule missing.
            let borderline = short.filter { c in
                c.status == .partlyMet && (c.rules.max { $0.status < $1.status }?.conditions.filter { !$0.holds }.count ?? 0) == 1
            }
            let allowed = short.count == borderline.count && borderline.count <= condition.allowBorderline
            let description = condition.selection == .all ? "every assessment criterion \(needed == .met ? "met" : "at least partly met")"
                : "criteria \(ids.joined(separator: ", ")) \(needed == .met ? "met" : "at least partly met")"
            let detail: String
            if short.isEmpty {
                detail = "all \(ids.count) evidenced"
            } else if allowed {
                detail = "all evidenced but \(borderline.map(\.id).joined(separator: ", ")) is borderline (one condition missing): check it"
                borderlineAllowed = true
            } else {
                detail = "not yet: \(short.map(\.id).joined(separator: ", "))"
            }
            conditions.append(DecisionCondition(description: description, holds: short.isEmpty || allowed, detail: detail))
        }
        if rule.requiresOwnRole {
            let holds = ownership.verdict != .we
            conditions.append(DecisionCondition(
                description: "the learner's own role is clear", holds: holds,
                detail: "\(ownership.iActions) \"I\" actions, \(ownership.weActions) \"we\" actions (\(ownership.verdict.rawValue))"))
        }
        if let severity = rule.blockingMistakeSeverity {
            // Common mistakes from the rubric and the engine's own account-wide flaws alike.
            let blocking = findings.filter { $0.severity == .major || (severity == .minor && $0.severity == .minor) }
            conditions.append(DecisionCondition(
                description: "no \(severity.rawValue) mistake or flaw shown", holds: blocking.isEmpty,
                detail: blocking.isEmpty ? "none found" : blocking.map { $0.mistakeID ?? $0.ruleID }.joined(separator: ", ")))
        }
        let competent = conditions.allSatisfy(\.holds)
        let borderline = criteria.filter { $0.status == .partlyMet }.count
        let level: Confidence.Level
        let reason: String
        if borderlineAllowed && competent {
            level = .low
            reason = "competent only because a borderline criterion is allowed by the decision rule; check it"
        } else if borderline == 0 {
            level = .high
            reason = "every criterion is clearly met or clearly not met"
        } else if borderline == 1 {
            level = .medium
            reason = "one criterion is only partly met; check it"
        } else {
            level = .low
            reason = "\(borderline) criteria are only partly met; check them"
        }
        return Decision(outcome: competent ? .competent : .notYetCompetent, rule: rule.description,
                        conditions: conditions, confidence: Confidence(level: level, reason: reason))
    }
}
