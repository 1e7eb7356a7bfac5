import CSV
import Foundation
import MarkbenchDiagnostics

/// Who made a decision: an assessor, an internal quality assurer double-marking, or the engine.
public enum RaterRole: String, Sendable, Codable, Hashable, CaseIterable {
    case assessor
    case iqa
    case engine
}

/// How much an assessor's decisions are trusted: new and under-action-plan assessors are sampled more.
public enum AssessorStatus: String, Sendable, Codable, Hashable, CaseIterable {
    case new
    case experienced
    case underActionPlan = "under action plan"
}

/// The two grading scales a unit can use: competent / not yet competent, or
/// refer < pass < merit < distinction.
public enum DecisionScale: String, Sendable, Codable, Hashable {
    case nominal
    case ordinal

    /// The decisions on this scale, lowest first.
    public var decisions: [String] {
        switch self {
        case .nominal: DecisionRecords.nominalDecisions
        case .ordinal: DecisionRecords.ordinalGrades
        }
    }

    var label: String { decisions.joined(separator: " / ") }
}

/// A learner on a unit: the "record" of CAMERA, and the key of the engine's decisions.
public struct LearnerUnit: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    public var learner: String
    public var unit: String

    public init(learner: String, unit: String) {
        self.learner = learner
        self.unit = unit
    }

    public var description: String { "\(learner), \(unit)" }

    public static func < (lhs: LearnerUnit, rhs: LearnerUnit) -> Bool {
        (lhs.learner, lhs.unit) < (rhs.learner, rhs.unit)
    }
}

/// One assessment decision: who decided what about which learner's unit (or one criterion of it),
/// how the evidence was gathered, where and when.
public struct DecisionRecord: Sendable, Codable, Hashable {
    public var learner: String
    public var unit: String
    /// The assessment criterion ("1.2"); nil for the overall decision on the unit.
    public var criterion: String?
    /// The rater: an assessor's name, "IQA: name", or "engine".
    public var assessor: String
    public var role: RaterRole
    /// Normalised: "competent", "not yet competent", "refer", "pass", "merit" or "distinction".
    public var decision: String
    /// Assessment method, lower case: observation, professional discussion, reflective account, …
    public var method: String
    /// Evidence type (optional): witness statement, work product, recording, …
    public var evidence: String?
    public var site: String
    /// YYYY-MM-DD.
    public var date: String
    /// The assessor's status when deciding; nil for the engine and usually for IQA rows.
    public var assessorStatus: AssessorStatus?
    /// Cohort or candidate group (optional).
    public var candidateGroup: String?
    /// The line of the file the record was read from (0 when built in code).
    public var line: Int

    public init(learner: String, unit: String, criterion: String? = nil, assessor: String, role: RaterRole = .assessor,
                decision: String, method: String, evidence: String? = nil, site: String, date: String,
                assessorStatus: AssessorStatus? = nil, candidateGroup: String? = nil, line: Int = 0) {
        self.learner = learner
        self.unit = unit
        self.criterion = criterion
        self.assessor = assessor
        self.role = role
        self.decision = decision
        self.method = method
        self.evidence = evidence
        self.site = site
        self.date = date
        self.assessorStatus = assessorStatus
        self.candidateGroup = candidateGroup
        self.line = line
    }

    public var learnerUnit: LearnerUnit { LearnerUnit(learner: learner, unit: unit) }

    /// The scale the decision is on (nil only for a decision built in code that is on neither).
    public var scale: DecisionScale? { DecisionRecords.scale(of: decision) }

    /// Whether the decision achieves the unit or criterion: competent, pass, merit or distinction.
    public var isAchieved: Bool? { DecisionRecords.isAchieved(decision) }

    /// "service-operations 1.2" or "service-operations (overall)".
    public var itemLabel: String { criterion.map { "\(unit) \($0)" } ?? "\(unit) (overall)" }
}

/// A count of what reading a decision file gave.
public struct ReadSummary: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Data rows in the file (blank lines are not rows).
    public var total: Int
    public var read: Int
    public var rejected: Int
    public var warnings: Int

    public var description: String {
        var text = "\(total) row\(total == 1 ? "" : "s"): \(read) read, \(rejected) rejected"
        if warnings > 0 { text += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
        return text
    }
}

/// Reading decision records from CSV or JSON.
///
/// CSV header: `learner,unit,criterion,assessor,role,decision,method,evidence,site,date,assessor_status,group`
/// (criterion, role, evidence and group may be left out). JSON: an array of objects with the same keys.
/// Every bad row is reported with its line and a hint, and left out; nothing is dropped silently.
public enum DecisionRecords {
    public static let columns = ["learner", "unit", "criterion", "assessor", "role", "decision", "method", "evidence",
                                 "site", "date", "assessor_status", "group"]
    public static let requiredColumns = ["learner", "unit", "assessor", "decision", "method", "site", "date", "assessor_status"]
    public static let nominalDecisions = ["not yet competent", "competent"]
    public static let ordinalGrades = ["refer", "pass", "merit", "distinction"]

    // MARK: Reading

    /// Reads the decision file at `path`: JSON when it ends in `.json` or starts with `[`, CSV otherwise.
    /// Throws when the file cannot be used at all (missing, not text, no header, not JSON);
    /// bad rows come back as `problems` (errors: row left out; warnings: row kept).
    public static func read(_ path: String) throws(DiagnosticError) -> (records: [DecisionRecord], problems: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError(Diagnostic(code: "records.not-found", at: SourceLocation(file: path, line: 1, column: 1),
                                             "no such decision file", hint: "check the path"))
        }
        if let problem = TextInput.problem(in: [UInt8](data)) {
            throw DiagnosticError(TextInput.diagnostic(for: problem, file: path, expected: "decision records (CSV or JSON)"))
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let looksJSON = path.lowercased().hasSuffix(".json") || text.unicodeScalars.first { !$0.properties.isWhitespace } == "["
        return looksJSON ? try parse(json: text, file: path) : try parse(csv: text, file: path)
    }

    /// Counts rows read and rejected (a row is rejected when it has at least one error).
    public static func summary(records: [DecisionRecord], problems: [Diagnostic]) -> ReadSummary {
        let rejected = Set(problems.filter { $0.severity == .error }.map(\.location.line)).count
        return ReadSummary(total: records.count + rejected, read: records.count, rejected: rejected,
                           warnings: problems.filter { $0.severity == .warning }.count)
    }

    /// Parses CSV text; `file` names it in diagnostics.
    public static func parse(csv text: String, file: String) throws(DiagnosticError) -> (records: [DecisionRecord], problems: [Diagnostic]) {
        let raw = try CSVRows.read(text, file: file)
        return validate(raw.rows, header: raw.header, file: file)
    }

    /// Parses JSON text (an array of objects); `file` names it in diagnostics.
    public static func parse(json text: String, file: String) throws(DiagnosticError) -> (records: [DecisionRecord], problems: [Diagnostic]) {
        let raw = try JSONRows.read(text, file: file)
        return validate(raw.rows, header: raw.keys, file: file, preProblems: raw.problems)
    }

    // MARK: Decisions

    /// Normalises a decision: case, hyphens and underscores; "nyc" → "not yet competent",
    /// "referred" → "refer". Nil when it is on neither scale.
    public static func normaliseDecision(_ text: String) -> String? {
        let d = normalise(text)
        switch d {
        case "competent", "c": return "competent"
        case "not yet competent", "nyc", "not competent yet": return "not yet competent"
        case "refer", "referred", "referral": return "refer"
        case "pass", "merit", "distinction": return d
        default: return nil
        }
    }

    public static func scale(of decision: String) -> DecisionScale? {
        if nominalDecisions.contains(decision) { return .nominal }
        if ordinalGrades.contains(decision) { return .ordinal }
        return nil
    }

    /// Competent, pass, merit and distinction achieve; not yet competent and refer do not.
    public static func isAchieved(_ decision: String) -> Bool? {
        switch decision {
        case "competent", "pass", "merit", "distinction": true
        case "not yet competent", "refer": false
        default: nil
        }
    }

    /// Whether two decisions differ: on one scale, any difference; across scales, achieved versus not.
    public static func disagree(_ a: String, _ b: String) -> Bool {
        if scale(of: a) == scale(of: b) { return a != b }
        guard let x = isAchieved(a), let y = isAchieved(b) else { return a != b }
        return x != y
    }

    public static func role(_ text: String) -> RaterRole? {
        switch normalise(text) {
        case "assessor": .assessor
        case "iqa", "internal quality assurer", "internal verifier", "iv": .iqa
        case "engine", "markbench": .engine
        default: nil
        }
    }

    public static func status(_ text: String) -> AssessorStatus? {
        switch normalise(text) {
        case "new": .new
        case "experienced": .experienced
        case "under action plan", "action plan", "on action plan", "on an action plan", "under an action plan": .underActionPlan
        default: nil
        }
    }

    /// Method names in lower case, with a few common abbreviations spelled out.
    public static func method(_ text: String) -> String {
        let m = normalise(text)
        switch m {
        case "obs": return "observation"
        case "pd": return "professional discussion"
        case "q&a", "q and a", "questioning", "questions and answers": return "question and answer"
        case "wt", "witness statement": return "witness testimony"
        case "ra": return "reflective account"
        case "product", "work product": return "product evidence"
        default: return m
        }
    }

    /// True for a real calendar date written YYYY-MM-DD.
    public static func isDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m) else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1...days).contains(d)
    }

    static func normalise(_ text: String) -> String {
        text.lowercased()
            .replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    // MARK: Validation

    struct RawRow {
        var line: Int
        var fields: [String: String]
        /// (fields in the row, columns in the header) when a CSV row has non-empty fields beyond the header.
        var overflow: (fields: Int, columns: Int)? = nil
    }

    static func validate(_ rows: [RawRow], header: [String], file: String,
                         preProblems: [Diagnostic] = []) -> (records: [DecisionRecord], problems: [Diagnostic]) {
        var problems = preProblems
        let unknown = header.filter { !columns.contains($0) }
        if !unknown.isEmpty {
            problems.append(Diagnostic(.warning, code: "records.unknown-column", at: SourceLocation(file: file, line: 1, column: 1),
                                       "ignoring unknown column\(unknown.count == 1 ? "" : "s") \(unknown.map { "'\($0)'" }.joined(separator: ", "))",
                                       hint: "the columns are \(columns.joined(separator: ","))"))
        }
        var records: [DecisionRecord] = []
        for row in rows {
            var rowProblems: [Diagnostic] = []
            func problem(_ code: String, _ message: String, _ hint: String) {
                rowProblems.append(Diagnostic(code: code, at: SourceLocation(file: file, line: row.line, column: 1), message, hint: hint))
            }
            func value(_ key: String) -> String? {
                guard let v = row.fields[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
                return v
            }
            if let overflow = row.overflow {
                problem("records.extra-fields", "the row has \(overflow.fields) fields but the header names \(overflow.columns) columns",
                        "put any value that contains a comma in double quotes, e.g. \"Leeds, North\"")
            }
            let learner = value("learner")
            let unit = value("unit")
            let criterionText = value("criterion")
            let criterion = criterionText.flatMap { ["overall", "unit", "-"].contains($0.lowercased()) ? nil : $0 }
            let who = "the \(criterion.map { "\(unit ?? "?") \($0)" } ?? "\(unit ?? "?") overall") decision for \(learner ?? "an unnamed learner")"
            if learner == nil {
                problem("records.empty-learner", "the row has no learner (\(unit ?? "no unit")\(criterion.map { " \($0)" } ?? ""))",
                        "fill in the learner's name or id")
            }
            if unit == nil {
                problem("records.missing-value", "\(who) names no unit",
                        "give the unit's rubric id: competitive-tool, service-improvements, customer-experience or service-operations")
            }
            var assessor = value("assessor")
            var role: RaterRole?
            if let r = value("role") {
                role = Self.role(r)
                if role == nil {
                    problem("records.unknown-role", "\(who) has role '\(r)'",
                            "write assessor, iqa or engine, or leave it empty (assessor; engine when the assessor is \"engine\")")
                }
            } else if let a = assessor {
                let lower = a.lowercased()
                role = lower == "engine" ? .engine : lower.hasPrefix("iqa:") ? .iqa : .assessor
            } else {
                role = .assessor
            }
            if assessor == nil, role == .engine { assessor = "engine" }
            if assessor == nil {
                problem("records.missing-value", "\(who) names no assessor",
                        "give the assessor's name, \"IQA: name\" for internal quality assurance, or \"engine\"")
            }
            let decisionText = value("decision")
            let decision = decisionText.flatMap(normaliseDecision)
            if decision == nil {
                problem("records.unknown-decision",
                        decisionText.map { "\(who) has decision '\($0)', which is on neither scale" } ?? "\(who) has no decision",
                        "write competent or not yet competent (nyc), or a grade: refer, pass, merit or distinction")
            }
            let methodText = value("method")
            if methodText == nil {
                problem("records.missing-value", "\(who) names no assessment method",
                        "give the method: observation, professional discussion, reflective account, product evidence, witness testimony, question and answer, …")
            }
            let site = value("site")
            if site == nil {
                problem("records.missing-value", "\(who) names no assessment site", "give the site where the assessment took place")
            }
            let date = value("date")
            if let date {
                if !isDate(date) {
                    problem("records.bad-date", "\(who) has date '\(date)', which is not a real date written YYYY-MM-DD",
                            "write dates as YYYY-MM-DD, e.g. 2026-09-14")
                }
            } else {
                problem("records.bad-date", "\(who) has no date", "write the date of the decision as YYYY-MM-DD, e.g. 2026-09-14")
            }
            let statusText = value("assessor_status")
            let status = statusText.flatMap(Self.status)
            if let statusText, status == nil {
                problem("records.unknown-status", "\(who) gives assessor status '\(statusText)'",
                        "write new, experienced or under action plan")
            } else if statusText == nil, role == .assessor {
                problem("records.unknown-status", "\(who) gives no assessor status for \(assessor ?? "the assessor")",
                        "write new, experienced or under action plan (it sets how much of their work is sampled)")
            }
            problems += rowProblems
            guard rowProblems.isEmpty, let learner, let unit, let assessor, let role, let decision, let methodText, let site,
                  let date else { continue }
            records.append(DecisionRecord(learner: learner, unit: unit, criterion: criterion, assessor: assessor, role: role,
                                          decision: decision, method: method(methodText), evidence: value("evidence"),
                                          site: site, date: date, assessorStatus: status, candidateGroup: value("group"),
                                          line: row.line))
        }
        var rejected = Set<Int>()
        problems += duplicates(records, file: file, rejected: &rejected)
        problems += mixedScales(records.filter { !rejected.contains($0.line) }, file: file, rejected: &rejected)
        records.removeAll { rejected.contains($0.line) }
        problems.sort { ($0.location, $0.code) < ($1.location, $1.code) }
        return (records, problems)
    }

    /// The same rater deciding the same item for the same learner on the same day twice: the later rows are left out.
    static func duplicates(_ records: [DecisionRecord], file: String, rejected: inout Set<Int>) -> [Diagnostic] {
        struct Key: Hashable { var learner, unit, criterion, assessor, date: String; var role: RaterRole }
        var first: [Key: DecisionRecord] = [:]
        var problems: [Diagnostic] = []
        for r in records {
            let key = Key(learner: r.learner, unit: r.unit, criterion: r.criterion ?? "", assessor: r.assessor, date: r.date, role: r.role)
            if let earlier = first[key] {
                rejected.insert(r.line)
                let same = earlier.decision == r.decision
                problems.append(Diagnostic(code: "records.duplicate", at: SourceLocation(file: file, line: r.line, column: 1),
                                           "\(r.assessor)'s \(r.itemLabel) decision for \(r.learner) on \(r.date) repeats line \(earlier.line)"
                                               + (same ? "" : " with a different decision ('\(r.decision)' here, '\(earlier.decision)' there)"),
                                           hint: same ? "delete the repeated row" : "keep the right decision and delete the other row"))
            } else {
                first[key] = r
            }
        }
        return problems
    }

    /// A unit must use one scale: rows on its less used scale are left out (ties: the scale seen first wins).
    static func mixedScales(_ records: [DecisionRecord], file: String, rejected: inout Set<Int>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let byUnit = Dictionary(grouping: records, by: \.unit)
        for unit in byUnit.keys.sorted() {
            let rows = byUnit[unit]!.sorted { $0.line < $1.line }
            let nominal = rows.filter { $0.scale == .nominal }
            let ordinal = rows.filter { $0.scale == .ordinal }
            guard !nominal.isEmpty, !ordinal.isEmpty else { continue }
            let keep: DecisionScale = nominal.count != ordinal.count ? (nominal.count > ordinal.count ? .nominal : .ordinal)
                : rows[0].scale ?? .nominal
            let (kept, dropped) = keep == .nominal ? (nominal, ordinal) : (ordinal, nominal)
            for r in dropped {
                rejected.insert(r.line)
                problems.append(Diagnostic(code: "records.mixed-scales", at: SourceLocation(file: file, line: r.line, column: 1),
                                           "unit \(unit) mixes grading scales: this row's '\(r.decision)' is on the \(keep == .nominal ? "graded" : "competent") scale, but \(kept.count) other row\(kept.count == 1 ? "" : "s") for the unit (first at line \(kept[0].line)) use \(keep.label)",
                                           hint: "use one scale per unit, either competent / not yet competent or refer / pass / merit / distinction; the rows on the less used scale are left out"))
            }
        }
        return problems
    }
}

// MARK: - CSV

enum CSVRows {
    static func read(_ text: String, file: String) throws(DiagnosticError) -> (header: [String], rows: [DecisionRecords.RawRow]) {
        func fail(_ code: String, _ message: String, _ hint: String) -> DiagnosticError {
            DiagnosticError(Diagnostic(code: code, at: SourceLocation(file: file, line: 1, column: 1), message, hint: hint))
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: true)
        } catch {
            throw fail("records.unreadable", "the file is not valid CSV (\(error))", "save it as CSV (comma-separated, UTF-8)")
        }
        guard let headerFields = reader.next() else {
            throw fail("records.missing-column", "the file has no header row", "the first row must name the columns: \(DecisionRecords.columns.joined(separator: ","))")
        }
        var line = 1 + lineBreaks(in: headerFields) + 1
        let header = headerFields.map { DecisionRecords.normalise($0).replacingOccurrences(of: " ", with: "_") }
            .map { $0 == "status" ? "assessor_status" : $0 == "candidate_group" ? "group" : $0 }
        let missing = DecisionRecords.requiredColumns.filter { !header.contains($0) }
        if !missing.isEmpty {
            throw fail("records.missing-column", "the header lacks \(missing.joined(separator: ", "))",
                       "the first row must name the columns: \(DecisionRecords.columns.joined(separator: ","))")
        }
        var rows: [DecisionRecords.RawRow] = []
        while let fields = reader.next() {
            defer { line += 1 + lineBreaks(in: fields) }
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var values: [String: String] = [:]
            for (i, name) in header.enumerated() where i < fields.count && values[name] == nil {
                values[name] = fields[i]
            }
            var row = DecisionRecords.RawRow(line: line, fields: values)
            if fields.count > header.count, fields[header.count...].contains(where: { !$0.isEmpty }) {
                row.overflow = (fields.count, header.count)
            }
            rows.append(row)
        }
        return (header, rows)
    }

    /// Line breaks inside quoted fields (CRLF counts once), so later rows keep their real line numbers.
    static func lineBreaks(in fields: [String]) -> Int {
        var count = 0
        for field in fields {
            var previousCR = false
            for scalar in field.unicodeScalars {
                if scalar == "\r" { count += 1; previousCR = true; continue }
                if scalar == "\n", !previousCR { count += 1 }
                previousCR = false
            }
        }
        return count
    }
}

// MARK: - JSON

enum JSONValue: Decodable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    /// A scalar as text (numbers without a needless ".0"); nil for null, arrays and objects.
    var text: String? {
        switch self {
        case .null, .array, .object: nil
        case .bool(let b): b ? "true" : "false"
        case .number(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .string(let s): s
        }
    }

    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "true or false"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

enum JSONRows {
    static func read(_ text: String, file: String) throws(DiagnosticError) -> (keys: [String], rows: [DecisionRecords.RawRow], problems: [Diagnostic]) {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            let detail = (error as? DecodingError).map { e -> String in
                if case .dataCorrupted(let context) = e {
                    return (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? context.debugDescription
                }
                return "\(e)"
            } ?? "\(error)"
            throw DiagnosticError(Diagnostic(code: "records.bad-json", at: SourceLocation(file: file, line: 1, column: 1),
                                             "the file is not valid JSON (\(detail))",
                                             hint: "check brackets, commas and quotes; the file must be an array of objects"))
        }
        guard case .array(let elements) = value else {
            throw DiagnosticError(Diagnostic(code: "records.bad-json", at: SourceLocation(file: file, line: 1, column: 1),
                                             "the file holds \(value.kind), not an array of decision records",
                                             hint: "write [ {\"learner\": …, \"unit\": …, …}, … ]"))
        }
        let lines = elementLines(text)
        var keys: [String] = []
        var rows: [DecisionRecords.RawRow] = []
        var problems: [Diagnostic] = []
        for (i, element) in elements.enumerated() {
            let line = i < lines.count ? lines[i] : 1
            guard case .object(let object) = element else {
                problems.append(Diagnostic(code: "records.bad-json", at: SourceLocation(file: file, line: line, column: 1),
                                           "record \(i + 1) is \(element.kind), not an object",
                                           hint: "write each record as {\"learner\": …, \"unit\": …, …}"))
                continue
            }
            var fields: [String: String] = [:]
            for (rawKey, v) in object {
                var key = DecisionRecords.normalise(rawKey).replacingOccurrences(of: " ", with: "_")
                if key == "assessorstatus" || key == "status" { key = "assessor_status" }
                if key == "candidategroup" || key == "candidate_group" { key = "group" }
                if !keys.contains(key) { keys.append(key) }
                if let t = v.text { fields[key] = t }
            }
            rows.append(DecisionRecords.RawRow(line: line, fields: fields))
        }
        return (keys.sorted(), rows, problems)
    }

    /// The line on which each element of the top-level array starts.
    static func elementLines(_ text: String) -> [Int] {
        var lines: [Int] = []
        var line = 1
        var depth = 0
        var inString = false
        var escaped = false
        var atElementStart = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") { line += 1 }
            if inString {
                if escaped { escaped = false }
                else if byte == UInt8(ascii: "\\") { escaped = true }
                else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
            if depth == 1, atElementStart, !isSpace, byte != UInt8(ascii: "]") {
                lines.append(line)
                atElementStart = false
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth == 1 { atElementStart = true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: ","): if depth == 1 { atElementStart = true }
            default: break
            }
        }
        return lines
    }
}
