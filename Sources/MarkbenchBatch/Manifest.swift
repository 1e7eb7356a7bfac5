import CSV
import Foundation
import MarkbenchDiagnostics

/// One submission to mark: whose it is, which unit, which file, and (when known) the
/// assessor's own decision.
public struct Submission: Sendable, Hashable {
    public var learner: String
    public var unit: String
    public var path: String
    public var assessor: String?
    public var assessorDecision: String?
    public var date: String?

    public init(learner: String, unit: String, path: String, assessor: String? = nil, assessorDecision: String? = nil,
                date: String? = nil) {
        self.learner = learner
        self.unit = unit
        self.path = path
        self.assessor = assessor
        self.assessorDecision = assessorDecision
        self.date = date
    }
}

/// A cohort manifest (CSV): `learner,unit,file,assessor,assessor_decision,date`.
/// Bad rows are reported with their row number and left out; nothing is dropped silently.
public enum Manifest {
    public static let columns = ["learner", "unit", "file", "assessor", "assessor_decision", "date"]
    public static let decisions = ["competent", "not yet competent"]

    /// Reads the manifest at `path`. Files are resolved relative to the manifest's folder;
    /// `knownUnits` are the rubric ids a row may name.
    public static func read(_ path: String, knownUnits: Set<String>) throws(DiagnosticError) -> (submissions: [Submission], problems: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError(Diagnostic(code: "manifest.not-found", at: SourceLocation(file: path, line: 1, column: 1),
                                             "no such manifest", hint: "check the path"))
        }
        if let problem = TextInput.problem(in: [UInt8](data)) {
            throw DiagnosticError(TextInput.diagnostic(for: problem, file: path, expected: "a CSV manifest"))
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return parse(text, file: path, knownUnits: knownUnits)
    }

    static func parse(_ text: String, file: String, knownUnits: Set<String>) -> (submissions: [Submission], problems: [Diagnostic]) {
        var problems: [Diagnostic] = []
        func problem(_ row: Int, _ code: String, _ message: String, _ hint: String) {
            problems.append(Diagnostic(code: code, at: SourceLocation(file: file, line: row, column: 1), message, hint: hint))
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true)
        } catch {
            problem(1, "manifest.unreadable", "the manifest is not valid CSV (\(error))", "save it as CSV (comma-separated, UTF-8)")
            return ([], problems)
        }
        let header = (reader.headerRow ?? []).map { $0.lowercased().replacingOccurrences(of: " ", with: "_") }
        let missing = ["learner", "unit", "file"].filter { !header.contains($0) }
        if !missing.isEmpty {
            problem(1, "manifest.missing-column", "the header lacks \(missing.joined(separator: ", "))",
                    "the first row must name the columns: \(columns.joined(separator: ","))")
            return ([], problems)
        }
        let folder = (file as NSString).deletingLastPathComponent
        var submissions: [Submission] = []
        var row = 1
        while let fields = reader.next() {
            row += 1
            if fields.allSatisfy({ $0.isEmpty }) { continue }
            func value(_ column: String) -> String? {
                guard let i = header.firstIndex(of: column), i < fields.count else { return nil }
                let v = fields[i].trimmingCharacters(in: .whitespaces)
                return v.isEmpty ? nil : v
            }
            guard let learner = value("learner") else {
                problem(row, "manifest.missing-value", "row \(row) has no learner", "fill in the learner's name or id"); continue
            }
            guard let unit = value("unit") else {
                problem(row, "manifest.missing-value", "row \(row) (\(learner)) has no unit", "give a rubric id: \(knownUnits.sorted().joined(separator: ", "))"); continue
            }
            guard knownUnits.contains(unit) else {
                problem(row, "manifest.unknown-unit", "row \(row) (\(learner)) names unit '\(unit)', which no rubric has",
                        "use one of: \(knownUnits.sorted().joined(separator: ", "))"); continue
            }
            guard let fileName = value("file") else {
                problem(row, "manifest.missing-value", "row \(row) (\(learner)) has no file", "give the submission's file name"); continue
            }
            let resolved = fileName.hasPrefix("/") ? fileName : (folder as NSString).appendingPathComponent(fileName)
            var decision = value("assessor_decision")?.lowercased().replacingOccurrences(of: "-", with: " ")
            if decision == "nyc" { decision = "not yet competent" }
            if let d = decision, !decisions.contains(d) {
                problem(row, "manifest.bad-decision", "row \(row) (\(learner)) has assessor decision '\(d)'",
                        "write \"competent\" or \"not yet competent\", or leave it empty")
                decision = nil
            }
            let date = value("date")
            if let date, !isISODate(date) {
                problem(row, "manifest.bad-date", "row \(row) (\(learner)) has date '\(date)'", "write dates as YYYY-MM-DD")
            }
            submissions.append(Submission(learner: learner, unit: unit, path: resolved, assessor: value("assessor"),
                                          assessorDecision: decision, date: date))
        }
        return (submissions, problems)
    }

    static func isISODate(_ s: String) -> Bool {
        let parts = s.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let m = Int(parts[1]), let d = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(m) && (1...31).contains(d)
    }
}
