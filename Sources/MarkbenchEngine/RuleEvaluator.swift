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

    func count(_ requirement: Requirement, in unit: [Int]) -> Int {
        switch requirement.target {
        case .concept(let ref):
            guard let index = analysis.compiled.index(of: ref) else { return 0 }
            return unit.reduce(0) { $0 + (analysis.facts[$1].conceptCounts[index] ?? 0) }
        case .signal(let signal):
            return unit.reduce(0) { $0 + (analysis.facts[$1].signals.has(signal) ? 1 : 0) }
        }
    }

    func supplies(_ requirement: Requirement, sentence: Int) -> Bool {
        switch requirement.target {
        case .concept(let ref):
            guard let index = analysis.compiled.index(of: ref) else { return false }
            return analysis.facts[sentence].conceptCounts[index] != nil
        case .signal(let signal):
            return analysis.facts[sentence].signals.has(signal)
        }
    }

    func evaluate(_ rule: EvidenceRule) -> RuleEvaluation {
        let units = units(for: rule)
        var passing: [[Int]] = []
        var best: (score: Double, outcomes: [ConditionOutcome], unit: [Int])?
        for unit in units {
            var outcomes: [ConditionOutcome] = []
            var positive = 0, satisfied = 0, violated = false
            for condition in rule.conditions {
                switch condition {
                case .require(let r):
                    let n = count(r, in: unit)
                    positive += 1
                    if n >= r.min { satisfied += 1 }
                    outcomes.append(ConditionOutcome(kind: .require, condition: describe(r), label: label(r), holds: n >= r.min, found: n))
                case .any(let rs):
                    positive += 1
                    let counts = rs.map { count($0, in: unit) }
                    let holds = zip(rs, counts).contains { $1 >= $0.min }
                    if holds { satisfied += 1 }
                    outcomes.append(ConditionOutcome(kind: .any, condition: rs.map(describe).joined(separator: " | "),
                                                     label: rs.map(label).joined(separator: " or "), holds: holds,
                                                     found: counts.reduce(0, +)))
                case .forbid(let r):
                    let n = count(r, in: unit)
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
        let positives = rule.conditions.flatMap { c -> [Requirement] in
            if case .forbid = c { return [] }
            return c.requirements
        }
        for unit in evidenceUnits {
            for s in unit where positives.contains(where: { supplies($0, sentence: s) }) && !contributing.contains(s) {
                contributing.append(s)
            }
        }
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
