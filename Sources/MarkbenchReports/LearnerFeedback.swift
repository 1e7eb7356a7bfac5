import Foundation
import MarkbenchEngine
import RubricModel

/// The learner's view of a marking result: What went well / Even better if, in plain words,
/// with one next step per gap drawn from the rubric's own advice and guidance. Built from the
/// result; it selects and words, never re-judges.
public struct LearnerFeedback: Sendable, Codable, Hashable {
    public struct Point: Sendable, Codable, Hashable {
        public var text: String
        public var quote: String?
        public var line: Int?
    }
    public struct Gap: Sendable, Codable, Hashable {
        /// The criterion (or "STAR", "ownership" …) the gap is about.
        public var about: String
        public var title: String
        /// What is missing in this draft.
        public var missing: String
        /// One concrete next step.
        public var nextStep: String
        public var tip: String?
    }
    public struct Misconception: Sendable, Codable, Hashable {
        public var text: String
        public var correction: String
        public var line: Int?
    }
    public struct Reference: Sendable, Codable, Hashable {
        public var written: String
        public var line: Int
        public var problem: String
    }

    public var account: String
    public var unit: String
    /// "ready to submit" or "not ready yet": never a grade.
    public var verdict: String
    public var ready: Bool
    public var wentWell: [Point]
    public var evenBetterIf: [Gap]
    public var misconceptions: [Misconception]
    public var references: [Reference]

    public init(_ input: ReportInput) {
        let r = input.result
        let rubric = input.rubric
        account = r.account.name
        unit = r.rubric.title
        ready = r.decision.outcome == .competent
        verdict = ready ? "ready to submit" : "not ready yet"

        // What went well.
        var well: [Point] = []
        for c in r.criteria where c.status == .met {
            let short = LearnerFeedback.plain(c.text)
            well.append(Point(text: "You evidence \(c.id): \(short)", quote: c.evidence.first?.quote, line: c.evidence.first?.line))
        }
        let hypothetical = r.findings.contains { $0.ruleID == "builtin.context.hypothetical" }
        if r.ownership.verdict == .i && !hypothetical {
            well.append(Point(text: "Your own role is clear: you say what you did yourself.", quote: r.ownership.examples.first?.quote,
                              line: r.ownership.examples.first?.line))
        }
        if r.measuredResults.quantified {
            well.append(Point(text: "You give your result in numbers.", quote: r.measuredResults.results.first?.quote,
                              line: r.measuredResults.results.first?.line))
        }
        if r.reflection.present {
            well.append(Point(text: "You reflect on what happened.", quote: r.reflection.evidence.first?.quote,
                              line: r.reflection.evidence.first?.line))
        }
        let starPresent = r.star.parts.filter(\.present).map(\.part)
        if starPresent.count == 4 { well.append(Point(text: "Your account follows STAR: situation, task, action and result.", quote: nil, line: nil)) }
        wentWell = well

        // Even better if.
        var gaps: [Gap] = []
        for c in r.criteria where c.status != .met {
            let rule = c.rules.max { $0.status < $1.status }
            let missing = rule?.conditions.filter { !$0.holds && $0.kind != .forbid }.map(\.label) ?? []
            let advice = rule.flatMap { rubric.rule($0.ruleID)?.advice }
            let commandFinding = r.findings.first { $0.criterionID == c.id && $0.category == "command-word" }
            var missingText = missing.isEmpty ? "the evidence is not there yet" : "this draft does not yet show " + LearnerFeedback.list(missing)
            if let commandFinding { missingText = commandFinding.message }
            let step = commandFinding?.advice ?? advice ?? "Add a passage that shows \(c.id) from your own work."
            gaps.append(Gap(about: c.id, title: "\(c.id): \(LearnerFeedback.plain(c.text))", missing: missingText,
                            nextStep: step, tip: LearnerFeedback.tip(for: commandFinding == nil ? "evidence" : "command-words", in: rubric)))
        }
        for part in r.star.parts where !part.present {
            let finding = r.findings.first { $0.ruleID == "builtin.star.missing-\(part.part)" }
            gaps.append(Gap(about: "STAR", title: "STAR: the \(part.part)", missing: "you do not yet state the \(part.part) for a specific time you did this",
                            nextStep: finding?.advice ?? "Add the \(part.part).", tip: LearnerFeedback.tip(for: "star", in: rubric)))
        }
        let flagged: [(String, String)] = [
            ("builtin.ownership.we-only", "ownership"), ("builtin.context.hypothetical", "evidence"),
            ("builtin.context.generic", "context"), ("builtin.result.not-quantified", "measurement"),
            ("builtin.reflection.missing", "reflection"),
        ]
        for (id, topic) in flagged {
            guard let f = r.findings.first(where: { $0.ruleID == id }) else { continue }
            gaps.append(Gap(about: f.category, title: LearnerFeedback.heading(for: id), missing: f.message,
                            nextStep: f.advice ?? "", tip: LearnerFeedback.tip(for: topic, in: rubric)))
        }
        for f in r.findings where f.ruleID == "builtin.legislation.wrong-year" {
            gaps.append(Gap(about: "legislation", title: "A law's name", missing: f.message, nextStep: f.advice ?? "",
                            tip: LearnerFeedback.tip(for: "legislation", in: rubric)))
        }
        // Each guidance tip once: the first gap it helps.
        var tipsShown: Set<String> = []
        for i in gaps.indices {
            if let tip = gaps[i].tip, !tipsShown.insert(tip).inserted { gaps[i].tip = nil }
        }
        evenBetterIf = gaps

        misconceptions = r.findings.filter { $0.mistakeID != nil }.map {
            Misconception(text: $0.message, correction: $0.advice ?? "", line: $0.evidence?.line)
        }
        references = r.findings.filter { $0.category == "reference" && $0.severity != .info }.map {
            Reference(written: $0.evidence?.quote ?? "", line: $0.evidence?.line ?? 1, problem: $0.message)
        }
    }

    /// An assessor-facing criterion ("Award credit for demonstrating a systematic approach …")
    /// said to the learner ("a systematic approach …").
    static func plain(_ text: String) -> String {
        var t = text
        let openers = ["Award credit for ", "Credit should be given for ", "Credit must be given for ", "Credit for ",
                       "Look for evidence that ", "Look for evidence of ", "Look for ", "Assess for evidence of ", "Assess how ",
                       "Assess for ", "Expect the learner to ", "Expect demonstration of ", "Expect ", "Evidence of ",
                       "Demonstrate understanding by "]
        for o in openers where t.hasPrefix(o) {
            t = String(t.dropFirst(o.count))
            break
        }
        t = t.replacingOccurrences(of: "the learner has ", with: "you have ")
            .replacingOccurrences(of: "the learner ", with: "you ")
            .replacingOccurrences(of: "candidate ", with: "you ")
            .replacingOccurrences(of: " they ", with: " you ")
            .replacingOccurrences(of: " their ", with: " your ")
        if let first = t.first { t = first.uppercased() + t.dropFirst() }
        if t.hasSuffix(".") { t.removeLast() }
        return Text.shorten(t, 140)
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: "; ") + "; and " + items.last!
        }
    }

    static func heading(for id: String) -> String {
        switch id {
        case "builtin.ownership.we-only": "Your own role"
        case "builtin.context.hypothetical": "What you actually did"
        case "builtin.context.generic": "Your workplace"
        case "builtin.result.not-quantified": "Numbers for your result"
        case "builtin.reflection.missing": "Reflection"
        default: id
        }
    }

    /// The first guidance tip of the rubric on `topic` (the seed's own tips), if any.
    static func tip(for topic: String, in rubric: Rubric) -> String? {
        rubric.guidance.first { $0.topic == topic }?.text
    }
}
