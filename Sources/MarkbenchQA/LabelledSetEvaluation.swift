import Foundation
import MarkbenchEngine

/// An expert's labels for one account (the dev-set's labels.json shape).
public struct AccountLabels: Sendable, Codable {
    public struct Criterion: Sendable, Codable {
        public var seed_file: String
        public var section: String
        public var index: Int
        public var evidenced: Bool
    }
    public struct Star: Sendable, Codable { public var situation, task, action, result: Bool }
    public struct Reference: Sendable, Codable { public var ref: String; public var supported: Bool }

    public var file: String
    public var unit_seed: String
    public var criteria: [Criterion]
    public var star: Star
    public var result_quantified: Bool
    public var ownership: String
    public var reflection: Bool
    public var learner_references: [Reference]
    public var command_word_issue: String?
    public var overall: String
    public var dominant_flaw: String?

    /// Loads a labels.json array.
    public static func load(_ data: Data) throws -> [AccountLabels] { try JSONDecoder().decode([AccountLabels].self, from: data) }
}

/// Engine versus expert, field by field, over a labelled set of accounts.
public struct LabelledSetEvaluation: Sendable, Codable {
    public struct Field: Sendable, Codable {
        public var name: String
        public var agreement: Agreement
    }
    public struct Disagreement: Sendable, Codable {
        public var file: String
        public var field: String
        public var expert: String
        public var engine: String
    }

    public var accounts: Int
    public var fields: [Field]
    public var disagreements: [Disagreement]

    /// Compares results with labels, matched by file name.
    public init(results: [(file: String, result: MarkingResult)], labels: [AccountLabels]) {
        var pairs: [String: ([String], [String])] = [:]
        var order: [String] = []
        var disagreements: [Disagreement] = []
        func add(_ field: String, _ file: String, expert: String, engine: String) {
            if pairs[field] == nil { order.append(field); pairs[field] = ([], []) }
            pairs[field]!.0.append(expert)
            pairs[field]!.1.append(engine)
            if expert != engine { disagreements.append(Disagreement(file: file, field: field, expert: expert, engine: engine)) }
        }
        let byFile = Dictionary(labels.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        var count = 0
        for (file, r) in results {
            guard let l = byFile[file] else { continue }
            count += 1
            add("overall decision", file, expert: l.overall == "competent" ? "competent" : "not-yet-competent",
                engine: r.decision.outcome.rawValue)
            for c in l.criteria {
                let isPoint = c.section.lowercased().contains("marking")
                let id = isPoint ? "MP\(c.index)" : "1.\(c.index)"
                let target = (isPoint ? r.markingPoints : r.criteria).first { $0.id == id }
                let engine = target?.status == .met
                add(isPoint ? "marking points" : "criteria", file + " " + id, expert: String(c.evidenced), engine: String(engine))
            }
            let parts = Dictionary(r.star.parts.map { ($0.part, $0.present) }, uniquingKeysWith: { a, _ in a })
            add("STAR situation", file, expert: String(l.star.situation), engine: String(parts["situation"] ?? false))
            add("STAR task", file, expert: String(l.star.task), engine: String(parts["task"] ?? false))
            add("STAR action", file, expert: String(l.star.action), engine: String(parts["action"] ?? false))
            add("STAR result", file, expert: String(l.star.result), engine: String(parts["result"] ?? false))
            add("result quantified", file, expert: String(l.result_quantified), engine: String(r.measuredResults.quantified))
            add("ownership", file, expert: l.ownership, engine: r.ownership.verdict.rawValue)
            add("reflection", file, expert: String(l.reflection), engine: String(r.reflection.present))
            // References: align the k-th occurrence of each id.
            let engineRefs = r.references.flatMap { $0.targets.map { ("AC " + $0.id, $0.supported) } }
            var used = Array(repeating: false, count: engineRefs.count)
            for ref in l.learner_references {
                var found: Bool?
                for (i, e) in engineRefs.enumerated() where !used[i] && e.0 == ref.ref {
                    used[i] = true
                    found = e.1
                    break
                }
                add("reference found", file + " " + ref.ref, expert: "true", engine: String(found != nil))
                if let found { add("reference supported", file + " " + ref.ref, expert: String(ref.supported), engine: String(found)) }
            }
            for (i, e) in engineRefs.enumerated() where !used[i] {
                add("reference found", file + " " + e.0, expert: "false", engine: "true")
            }
        }
        accounts = count
        fields = order.map { Field(name: $0, agreement: Agreement.cohen(pairs[$0]!.0, pairs[$0]!.1)) }
        // STAR pooled over the four parts.
        let star = order.filter { $0.hasPrefix("STAR ") }
        if !star.isEmpty {
            let a = star.flatMap { pairs[$0]!.0 }, b = star.flatMap { pairs[$0]!.1 }
            fields.append(Field(name: "STAR (all parts)", agreement: Agreement.cohen(a, b)))
        }
        self.disagreements = disagreements
    }

    /// A fixed-width table for terminals.
    public func table() -> String {
        var out = "field                   items  agree    κ\n"
        for f in fields {
            let kappa = f.agreement.kappa.map { String(format: "%5.2f", $0) } ?? "  n/a"
            out += f.name.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(format: "  %5d  %5.1f%%  ", f.agreement.items, f.agreement.percent * 100) + kappa + "\n"
        }
        return out
    }
}
