import Foundation
import MarkbenchDiagnostics
import MarkbenchEngine
import MarkbenchImport
import MarkbenchText
import RubricModel

/// One learner's accounts marked against several units: which account evidences which
/// criterion of which unit, and what is still uncovered. The seeds advise learners to
/// cross-reference evidence across units; this shows where they can.
public struct PortfolioMatrix: Sendable, Codable {
    public struct Column: Sendable, Codable, Hashable {
        public var unit, criterion, text: String
    }
    public struct Row: Sendable, Codable {
        public var account: String
        /// One status per column (met / partly-met / not-met); empty when the account failed.
        public var statuses: [String]
        public var error: String?
    }

    public var columns: [Column]
    public var rows: [Row]
    /// Columns no account meets.
    public var uncovered: [Column]
    /// Accounts that evidence criteria of more than one unit.
    public var crossReferenced: [String]

    /// Marks every file against every engine. Files that cannot be read are reported, not fatal.
    public init(files: [String], engines: [(id: String, engine: MarkingEngine)], limits: ImportLimits = .init()) {
        columns = engines.flatMap { unit in unit.engine.rubric.criteria.map { Column(unit: unit.id, criterion: $0.id, text: $0.text) } }
        var rows: [Row] = []
        // One normaliser per unit for the whole portfolio (its stem cache then serves every file).
        let normalisers = engines.map { $0.engine.makeNormaliser() }
        for file in files {
            do throws(DiagnosticError) {
                let document = try SubmissionImporter.read(file, limits: limits)
                var statuses: [String] = []
                for (unit, normaliser) in zip(engines, normalisers) {
                    // Without a stemmer nothing can be marked; say so rather than leave columns short.
                    guard let normaliser else {
                        throw DiagnosticError(Diagnostic(code: "engine.stemmer", at: SourceLocation(file: file, line: 1, column: 1),
                                                         "the Snowball English stemmer is not available", hint: "install libstemmer0d"))
                    }
                    let result = unit.engine.mark(TextDocument(text: document.text, name: file, normaliser: normaliser))
                    statuses += result.criteria.map(\.status.rawValue)
                }
                rows.append(Row(account: file, statuses: statuses, error: nil))
            } catch {
                rows.append(Row(account: file, statuses: [], error: error.description))
            }
        }
        self.rows = rows
        let cols = columns
        let met = EvidenceStatus.met.rawValue
        uncovered = cols.enumerated().filter { i, _ in
            !rows.contains { $0.statuses.count > i && $0.statuses[i] == met }
        }.map(\.element)
        crossReferenced = rows.filter { row in
            Set(cols.enumerated().filter { i, _ in row.statuses.count > i && row.statuses[i] == met }.map(\.element.unit)).count > 1
        }.map(\.account)
    }

    /// A plain-text matrix for terminals.
    public func table() -> String {
        var out = ""
        let width = max(12, rows.map { ($0.account as NSString).lastPathComponent.count }.max() ?? 12)
        var header = "".padding(toLength: width, withPad: " ", startingAt: 0)
        var unitLine = header
        var last = ""
        for c in columns {
            unitLine += c.unit == last ? "     " : " " + String(c.unit.prefix(4)).padding(toLength: 4, withPad: " ", startingAt: 0)
            last = c.unit
            header += " " + c.criterion.padding(toLength: 4, withPad: " ", startingAt: 0)
        }
        out += unitLine + "\n" + header + "\n"
        for row in rows {
            var line = (row.account as NSString).lastPathComponent.padding(toLength: width, withPad: " ", startingAt: 0)
            if let error = row.error {
                out += line + "  could not be read: \(error)\n"
                continue
            }
            for s in row.statuses { line += "  " + (s == "met" ? "●" : s == "partly-met" ? "◐" : "·") + "  " }
            out += line + "\n"
        }
        out += "\n● met  ◐ partly met  · not yet\n"
        if uncovered.isEmpty {
            out += "Every criterion of every unit is evidenced by at least one account.\n"
        } else {
            out += "Still uncovered (\(uncovered.count)):\n"
            for c in uncovered { out += "  \(c.unit) \(c.criterion): \(c.text)\n" }
        }
        if !crossReferenced.isEmpty {
            out += "Accounts that evidence more than one unit (cross-reference them): "
                + crossReferenced.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ") + "\n"
        }
        return out
    }
}
