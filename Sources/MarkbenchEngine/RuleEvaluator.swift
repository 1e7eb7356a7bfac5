import MarkbenchText
import RubricModel

/// How one rule went: its status, the units that passed, and its best unit's conditions.
struct RuleEvaluation {
    let rule: EvidenceRule
    var status: EvidenceStatus
    /// Sentence lists of units that satisfied every condition.
    var passingUnits: [[Int]]
    /// The best unit's condition results, in rule order.
    var conditions: [ConditionOutcome]
    /// Sentences that supplied what the rule required, in passing units (or the best unit).
    var contributing: [Int]
}

/// Evaluates declarative rules over the analysed account.
struct RuleEvaluator {
    let analysis: AccountAnalysis

    /// The sentence lists a rule's scope divides the account into.
    func units(for rule: EvidenceRule) -> [[Int]] {
        let doc = analysis.doc
        let usesModality = rule.conditions.flatMap(\.requirements).contains {
            if case .signal(let s) = $0.target { return s == .hypothetical || s == .reflection || s == .generic }
            return false
        }
        // Evidence must be what was done: hypothetical-only sentences never evidence a criterion.
        let keep: (Int) -> Bool = { s in
            rule.kind == .mistake || usesModality || !analysis.facts[s].hypotheticalOnly
        }
        switch rule.scope {
        case .sentence:
            return doc.sentences.filter { !$0.isHeading && keep($0.index) }.map { [$0.index] }
        case .paragraph:
            return doc.paragraphs.map { p in p.sentences.filter(keep) }.filter { !$0.isEmpty }
        case .document:
            return [doc.sentences.map(\.index).filter(keep)]
        }
    }

    func count(_ t: ResolvedTarget, in unit: [Int]) -> Int {
        if let signal = t.signal {
            return unit.reduce(0) { $0 + (analysis.facts[$1].signals.contains(signal) ? 1 : 0) }
        }
        guard t.concept >= 0 else { return 0 }
        return unit.reduce(0) { $0 + (analysis.facts[$1].conceptCounts[t.concept] ?? 0) }
    }

    func supplies(_ t: ResolvedTarget, sentence: Int) -> Bool {
        if let signal = t.signal { return analysis.facts[sentence].signals.contains(signal) }
        return t.concept >= 0 && analysis.facts[sentence].conceptCounts[t.concept] != nil
    }

    /// Evaluates the rubric's rule at `ruleIndex` (its position in `rubric.rules`, which is also
    /// where its resolved targets are).
    func evaluate(ruleAt ruleIndex: Int) -> RuleEvaluation {
        let rule = analysis.compiled.rubric.rules[ruleIndex]
        let targets = analysis.compiled.ruleTargets[ruleIndex]
        let units = units(for: rule)
        var passing: [[Int]] = []
        var best: (score: Double, outcomes: [ConditionOutcome], unit: [Int])?
        for unit in units {
            var outcomes: [ConditionOutcome] = []
            var positive = 0, satisfied = 0, violated = false
            for (c, condition) in rule.conditions.enumerated() {
                let resolved = targets[c]
                switch condition {
                case .require(let r):
                    let n = count(resolved[0], in: unit)
                    positive += 1
                    if n >= r.min { satisfied += 1 }
                    outcomes.append(ConditionOutcome(kind: .require, condition: describe(r), label: label(r), holds: n >= r.min, found: n))
                case .any(let rs):
                    positive += 1
                    let counts = resolved.map { count($0, in: unit) }
                    let holds = zip(rs, counts).contains { $1 >= $0.min }
                    if holds { satisfied += 1 }
                    outcomes.append(ConditionOutcome(kind: .any, condition: rs.map(describe).joined(separator: " | "),
                                                     label: rs.map(label).joined(separator: " or "), holds: holds,
                                                     found: counts.reduce(0, +)))
                case .forbid(let r):
                    let n = count(resolved[0], in: unit)
                    if n >= r.min { violated = true }
                    outcomes.append(ConditionOutcome(kind: .forbid, condition: describe(r), label: label(r), holds: n < r.min, found: n))
                }
            }
            if satisfied == positive && !violated { passing.append(unit) }
            let score = (positive == 0 ? 1 : Double(satisfied) / Double(positive)) - (violated ? 0.01 : 0)
            if best == nil || score > best!.score { best = (score, outcomes, unit) }
        }
        let status: EvidenceStatus
        if passing.count >= rule.minUnits {
            status = .met
        } else if let best, best.score >= 0.5 || !passing.isEmpty {
            status = .partlyMet
        } else {
            status = .notMet
        }
        let evidenceUnits = passing.isEmpty ? (best.map { [$0.unit] } ?? []) : passing
        var contributing: [Int] = []
        let positives = zip(rule.conditions, targets).flatMap { c, t -> [ResolvedTarget] in
            if case .forbid = c { return [] }
            return t
        }
        // Most telling sentences first: those that supply the most of what the rule requires.
        var scored: [(score: Int, sentence: Int)] = []
        for unit in evidenceUnits {
            for s in unit where !scored.contains(where: { $0.sentence == s }) {
                let score = positives.filter { supplies($0, sentence: s) }.count
                if score > 0 { scored.append((score, s)) }
            }
        }
        contributing = scored.sorted { ($1.score, $0.sentence) < ($0.score, $1.sentence) }.map(\.sentence)
        return RuleEvaluation(rule: rule, status: status, passingUnits: passing,
                              conditions: best?.outcomes ?? [], contributing: contributing)
    }

    private func describe(_ r: Requirement) -> String {
        switch r.target {
        case .concept(let ref): "concept \(ref)" + (r.min > 1 ? " ×\(r.min)" : "")
        case .signal(let s): "signal \(s.rawValue)" + (r.min > 1 ? " ×\(r.min)" : "")
        }
    }

    /// Words a reader understands: the concept's label, or what the signal means.
    func label(_ r: Requirement) -> String {
        switch r.target {
        case .concept(let ref):
            let name = analysis.compiled.index(of: ref).map { analysis.compiled.concepts[Int($0)].displayName } ?? ref.description
            return r.min > 1 ? "\(name) (at least \(r.min))" : name
        case .signal(let s):
            let name = SignalText.describe(s)
            return r.min > 1 ? "\(name) (in at least \(r.min) sentences)" : name
        }
    }
}

/// What each signal means, for reports.
enum SignalText {
    static func describe(_ s: Signal) -> String {
        switch s {
        case .ownAction: "something you did yourself (\"I …\")"
        case .weAction: "something the team did (\"we …\")"
        case .firstPerson: "writing in the first person"
        case .hypothetical: "what would or should be done"
        case .measured: "a number that measures something"
        case .comparison: "a before-and-after comparison with numbers"
        case .specificContext: "a specific place, person, role or time"
        case .generic: "a general statement"
        case .reflection: "reflection (what went well, what you learned, what you would change)"
        case .starSituation: "the situation"
        case .starTask: "the task"
        case .starAction: "your actions"
        case .starResult: "the result"
        case .criterionReference: "a criterion reference"
        }
    }
}
