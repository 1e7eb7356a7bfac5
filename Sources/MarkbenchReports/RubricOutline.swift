import Foundation
import RubricModel

/// A rubric's outline for people and scripts: what `markbench rubric show` prints.
public struct RubricOutline: Codable, Sendable {
    public struct Criterion: Codable, Sendable { public var id, outcome, commandWord, text: String }
    public struct Outcome: Codable, Sendable { public var id, text: String; public var commandWord: String? }
    public struct Point: Codable, Sendable { public var id, text: String; public var supports: [String] }
    public struct Mistake: Codable, Sendable { public var id, kind, severity, text, correction: String }
    public struct Tip: Codable, Sendable { public var id, topic, text: String }

    public var id, version, title, qualification, awardingBody: String
    public var level: Int
    public var outcomes: [Outcome]
    public var criteria: [Criterion]
    public var markingPoints: [Point]
    public var mistakes: [Mistake]
    public var guidance: [Tip]
    public var keyTerms: [String]
    public var decision: String

    public init(_ r: Rubric) {
        id = r.id
        version = r.version
        title = r.unit.title
        qualification = r.unit.qualification
        awardingBody = r.unit.awardingBody
        level = r.unit.level
        outcomes = r.outcomes.map { Outcome(id: $0.id, text: $0.text, commandWord: $0.commandWord) }
        criteria = r.criteria.map { Criterion(id: $0.id, outcome: $0.outcomeID, commandWord: $0.commandWord, text: $0.text) }
        markingPoints = r.markingPoints.map { Point(id: $0.id, text: $0.text, supports: $0.supports) }
        mistakes = r.mistakes.map { Mistake(id: $0.id, kind: $0.kind.rawValue, severity: $0.severity.rawValue,
                                            text: $0.text, correction: $0.correction) }
        guidance = r.guidance.map { Tip(id: $0.id, topic: $0.topic, text: $0.text) }
        keyTerms = r.keyTerms
        decision = r.decision.description
    }
}

/// One line of `markbench rubric list`.
public struct RubricListEntry: Codable, Sendable {
    public var id, version, title, qualification, path: String
    public var level, criteria, markingPoints: Int

    public init(rubric: Rubric, path: String) {
        id = rubric.id
        version = rubric.version
        title = rubric.unit.title
        qualification = rubric.unit.qualification
        level = rubric.unit.level
        criteria = rubric.criteria.count
        markingPoints = rubric.markingPoints.count
        self.path = path
    }
}

/// Plain-text rendering of a rubric outline, wrapped for an 80-column terminal.
public enum RubricOutlineText {
    public static func render(_ bundle: RubricBundle) -> String {
        let r = bundle.rubric
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        func wrapped(_ text: String, indent: String, first: String) {
            for l in wrap(text, width: 80 - indent.count, firstPrefix: first, prefix: String(repeating: " ", count: first.count)) {
                line(indent + l)
            }
        }
        line("\(r.unit.title)  [\(r.id) v\(r.version)]")
        line("\(r.unit.qualification) · Level \(r.unit.level) · \(r.unit.awardingBody)")
        line()
        line("Learning outcomes and assessment criteria")
        for outcome in r.outcomes {
            wrapped(outcome.text, indent: "  ", first: "\(outcome.id)\(outcome.commandWord.map { " (\($0))" } ?? ""): ")
            for c in outcome.criteria {
                let word = bundle.commandWord(c.commandWord)
                wrapped(c.text, indent: "    ", first: "\(c.id) [\(c.commandWord.uppercased())] ")
                if let demand = word?.demand { wrapped(demand, indent: "         ", first: "demands: ") }
                let rules = r.rules(evidencing: c.id).map(\.id)
                if !rules.isEmpty { line("         evidence rules: \(rules.joined(separator: ", "))") }
            }
        }
        if !r.markingPoints.isEmpty {
            line()
            line("Examiner marking points")
            for p in r.markingPoints {
                wrapped(p.text, indent: "  ", first: "\(p.id) (supports \(p.supports.joined(separator: ", "))) ")
            }
        }
        if !r.mistakes.isEmpty {
            line()
            line("Common mistakes and misconceptions")
            for m in r.mistakes {
                let flaggedBy = r.rules.filter { $0.flags.contains(m.id) }.map(\.id)
                wrapped(m.text, indent: "  ", first: "\(m.id) [\(m.severity.rawValue)] ")
                wrapped(m.correction, indent: "      ", first: "→ ")
                if !flaggedBy.isEmpty { line("      detected by: \(flaggedBy.joined(separator: ", "))") }
            }
        }
        if !r.guidance.isEmpty {
            line()
            line("Assessment guidance")
            for t in r.guidance { wrapped(t.text, indent: "  ", first: "\(t.id) (\(t.topic)) ") }
        }
        if !r.keyTerms.isEmpty {
            line()
            line("Key terms: " + r.keyTerms.joined(separator: "; "))
        }
        line()
        wrapped(r.decision.description, indent: "", first: "Decision: ")
        return out
    }

    /// Greedy word wrap; the first line starts with `firstPrefix`, the rest with `prefix`.
    static func wrap(_ text: String, width: Int, firstPrefix: String, prefix: String) -> [String] {
        var lines: [String] = []
        var current = firstPrefix
        var empty = true
        for word in text.split(separator: " ") {
            if !empty && current.count + 1 + word.count > width {
                lines.append(current)
                current = prefix + word
            } else {
                current += (empty ? "" : " ") + word
            }
            empty = false
        }
        lines.append(current)
        return lines
    }
}

/// Stable, pretty JSON for command output.
public enum JSON {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
