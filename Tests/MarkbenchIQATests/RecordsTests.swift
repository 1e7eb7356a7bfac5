import Foundation
import MarkbenchDiagnostics
@testable import MarkbenchIQA
import Testing

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
let sampleRecordsPath = packageRoot + "/Samples/qa/records.csv"
let samplePolicyPath = packageRoot + "/Samples/qa/policy.json"

func sampleRecords() throws -> [DecisionRecord] {
    let (records, problems) = try DecisionRecords.read(sampleRecordsPath)
    #expect(problems.isEmpty, "\(problems)")
    return records
}

func temporaryFile(_ name: String, _ contents: String) throws -> String {
    let dir = NSTemporaryDirectory() + "markbench-iqa-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let path = dir + "/" + name
    try contents.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// Data rows counted without the reader: non-blank lines after the header (no quoted newlines in these files).
func dataRows(_ text: String) -> Int {
    text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
}

let header = "learner,unit,criterion,assessor,role,decision,method,evidence,site,date,assessor_status,group"

@Suite("Decision records")
struct RecordsTests {
    @Test func theSampleFileReadsCleanly() throws {
        let records = try sampleRecords()
        let text = try String(contentsOfFile: sampleRecordsPath, encoding: .utf8)
        #expect(records.count == dataRows(text))
        #expect((140...170).contains(records.count))
        let assessors = Set(records.filter { $0.role == .assessor }.map(\.assessor))
        #expect(assessors == ["Joanne Fletcher", "Marcus Bell", "Ruth Adeyemi", "Kieran Doyle", "Sunita Rao"])
        #expect(Set(records.filter { $0.role == .iqa }.map(\.assessor)) == ["IQA: Elaine Carter"])
        #expect(records.contains { $0.role == .engine })
        #expect(Set(records.map(\.site)) == ["Leeds", "Sheffield", "York"])
        #expect(Set(records.filter { $0.role == .assessor }.map(\.method)).count == 5)
        #expect(Set(records.map(\.unit)) == ["competitive-tool", "service-improvements", "customer-experience", "service-operations"])
        #expect(Set(records.filter { $0.unit == "competitive-tool" }.compactMap(\.criterion)) == ["1.1", "1.2", "1.3"])
        #expect(Set(records.filter { $0.unit == "service-operations" }.compactMap(\.criterion)) == ["1.1", "1.2", "1.3", "1.4"])
        #expect(records.contains { $0.criterion == nil })
        #expect(records.filter { $0.unit == "customer-experience" }.allSatisfy { $0.scale == .ordinal })
        #expect(records.filter { $0.unit != "customer-experience" }.allSatisfy { $0.scale == .nominal })
        #expect(records.allSatisfy { $0.date >= "2026-09-01" && $0.date <= "2026-11-30" })
        let status = Dictionary(records.filter { $0.role == .assessor }.map { ($0.assessor, $0.assessorStatus) }, uniquingKeysWith: { a, _ in a })
        #expect(status["Kieran Doyle"] == .new)
        #expect(status["Sunita Rao"] == .underActionPlan)
        #expect(status["Joanne Fletcher"] == .experienced)
        // Line numbers are the file's: the header is line 1.
        #expect(records.first?.line == 2)
        #expect(records.last?.line == records.count + 1)
    }

    /// The lenient assessor passes more criteria than the engine finds met, and more so each month.
    @Test func theSampleShowsLeniencyDrift() throws {
        let records = try sampleRecords()
        var engine: [String: String] = [:]
        for r in records where r.role == .engine { engine["\(r.learner)|\(r.unit)|\(r.criterion ?? "")"] = r.decision }
        func overcredit(_ assessor: String, month: String) -> Int {
            records.filter { $0.assessor == assessor && $0.criterion != nil && $0.date.hasPrefix("2026-\(month)") }
                .filter { $0.decision == "competent" && engine["\($0.learner)|\($0.unit)|\($0.criterion!)"] == "not yet competent" }.count
        }
        let joanne = ["09", "10", "11"].map { overcredit("Joanne Fletcher", month: $0) }
        #expect(joanne[0] < joanne[1] && joanne[1] < joanne[2])
        let others = ["Marcus Bell", "Sunita Rao", "Kieran Doyle"].map { who in ["09", "10", "11"].map { overcredit(who, month: $0) }.reduce(0, +) }
        #expect(others.allSatisfy { $0 < joanne.reduce(0, +) })
    }

    @Test func eachBadRowKindGivesItsLineAndAHint() throws {
        let csv = """
            \(header)
            Ann Lee,service-operations,1.1,Raj Patel,assessor,competent,observation,observation record,Leeds,2026-10-01,experienced,G1
            Ben Hall,service-operations,1.1,Raj Patel,assessor,competent,observation,,Leeds,2026-10-01,veteran,G1
            Cat Ng,service-operations,1.1,Raj Patel,assessor,competent,observation,,Leeds,2026-02-30,experienced,G1
            ,service-operations,1.1,Raj Patel,assessor,competent,observation,,Leeds,2026-10-01,experienced,G1
            Dee Roy,service-operations,1.1,Raj Patel,assessor,maybe,observation,,Leeds,2026-10-01,experienced,G1

            Eve Poe,service-operations,1.1,Raj Patel,moderator,competent,observation,,Leeds,2026-10-01,experienced,G1
            Fay Orr,service-operations,,engine,,NYC,reflective account,,Leeds,2026-10-02,,G1
            """
        let path = try temporaryFile("records.csv", csv)
        let (records, problems) = try DecisionRecords.read(path)
        #expect(records.map(\.learner) == ["Ann Lee", "Fay Orr"])
        #expect(problems.map(\.code) == ["records.unknown-status", "records.bad-date", "records.empty-learner",
                                         "records.unknown-decision", "records.unknown-role"])
        #expect(problems.map(\.location.line) == [3, 4, 5, 6, 8])
        #expect(problems.allSatisfy { $0.severity == .error && $0.hint != nil && $0.location.file == path })
        #expect(problems[0].message.contains("veteran"))
        #expect(problems[1].message.contains("2026-02-30"))
        #expect(problems[2].message.contains("no learner"))
        #expect(problems[3].message.contains("maybe"))
        #expect(problems[4].message.contains("moderator"))
        #expect(problems[0].hint!.contains("under action plan"))
        #expect(problems[1].hint!.contains("YYYY-MM-DD"))
        // Nothing is dropped silently: every data row is either read or rejected.
        let summary = DecisionRecords.summary(records: records, problems: problems)
        #expect(summary.read + summary.rejected == dataRows(csv))
        #expect(summary.description == "7 rows: 2 read, 5 rejected")
        // The engine row: role defaulted from the assessor, decision normalised, overall (no criterion).
        #expect(records[1].role == .engine && records[1].decision == "not yet competent" && records[1].criterion == nil)
        #expect(records[1].assessorStatus == nil)
    }

    @Test func oneRowWithSeveralProblemsIsOneRejection() throws {
        let csv = """
            \(header)
            ,service-operations,1.1,Raj,boss,perhaps,observation,,Leeds,2026-13-01,,G1
            """
        let (records, problems) = try DecisionRecords.parse(csv: csv, file: "r.csv")
        #expect(records.isEmpty)
        #expect(Set(problems.map(\.code)) == ["records.empty-learner", "records.unknown-role", "records.unknown-decision", "records.bad-date"])
        #expect(problems.allSatisfy { $0.location.line == 2 })
        #expect(DecisionRecords.summary(records: records, problems: problems).rejected == 1)
    }

    @Test func missingStatusForAnAssessorAndOtherMissingValues() throws {
        let csv = """
            \(header)
            Ann,service-operations,1.1,Raj,,competent,observation,,Leeds,2026-10-01,,G1
            Ann,service-operations,1.1,IQA: Sam,,competent,observation,,Leeds,2026-10-09,,G1
            Ann,,1.1,Raj,,competent,,,,,experienced,G1
            """
        let (records, problems) = try DecisionRecords.parse(csv: csv, file: "r.csv")
        #expect(records.count == 1 && records[0].role == .iqa)
        #expect(problems.filter { $0.location.line == 2 }.map(\.code) == ["records.unknown-status"])
        #expect(problems.filter { $0.location.line == 4 }.map(\.code).sorted()
            == ["records.bad-date", "records.missing-value", "records.missing-value", "records.missing-value"])
    }

    @Test func decisionsAndNamesAreNormalised() throws {
        let csv = """
            learner , Unit,Criterion,Assessor,Decision,Method,Site,Date,Assessor Status
            Ann,service-operations,overall,Raj,Not-Yet-Competent,PD,Leeds,2026-10-01,Under-Action-Plan
            Ann,service-operations,1.1,Raj,Competent,Q&A,Leeds,2026-10-01,NEW
            Bob,customer-experience,1.1,Raj,Merit,Observation,York,2024-02-29,experienced
            Bob,customer-experience,1.2,Raj,referred,obs,York,2024-02-29,experienced
            """
        let (records, problems) = try DecisionRecords.parse(csv: csv, file: "r.csv")
        #expect(problems.isEmpty, "\(problems)")
        #expect(records.map(\.decision) == ["not yet competent", "competent", "merit", "refer"])
        #expect(records.map(\.method) == ["professional discussion", "question and answer", "observation", "observation"])
        #expect(records[0].criterion == nil && records[0].assessorStatus == .underActionPlan && records[0].role == .assessor)
        #expect(records[1].assessorStatus == .new)
        #expect(records[2].evidence == nil && records[2].candidateGroup == nil)
        #expect(records.map(\.isAchieved) == [false, true, true, false])
        #expect(DecisionRecords.disagree("competent", "merit") == false)
        #expect(DecisionRecords.disagree("competent", "refer"))
        #expect(DecisionRecords.disagree("pass", "merit"))
    }

    @Test func mixingScalesInOneUnitIsAnError() throws {
        let csv = """
            \(header)
            Ann,service-operations,1.1,Raj,,competent,observation,,Leeds,2026-10-01,experienced,
            Ann,service-operations,1.2,Raj,,merit,observation,,Leeds,2026-10-01,experienced,
            Ann,service-operations,1.3,Raj,,nyc,observation,,Leeds,2026-10-01,experienced,
            Bob,customer-experience,1.1,Raj,,pass,observation,,York,2026-10-01,experienced,
            """
        let (records, problems) = try DecisionRecords.parse(csv: csv, file: "r.csv")
        #expect(records.map(\.line) == [2, 4, 5])
        #expect(problems.count == 1)
        #expect(problems[0].code == "records.mixed-scales" && problems[0].location.line == 3 && problems[0].severity == .error)
        #expect(problems[0].message.contains("service-operations") && problems[0].message.contains("merit"))
        #expect(DecisionRecords.summary(records: records, problems: problems).total == 4)
    }

    @Test func duplicatesAreReportedNotDoubleCounted() throws {
        let csv = """
            \(header)
            Ann,service-operations,1.1,Raj,,competent,observation,,Leeds,2026-10-01,experienced,
            Ann,service-operations,1.1,Raj,,not yet competent,observation,,Leeds,2026-10-01,experienced,
            Ann,service-operations,1.1,Raj,,competent,observation,,Leeds,2026-10-08,experienced,
            """
        let (records, problems) = try DecisionRecords.parse(csv: csv, file: "r.csv")
        #expect(records.map(\.line) == [2, 4])
        #expect(problems.map(\.code) == ["records.duplicate"])
        #expect(problems[0].location.line == 3 && problems[0].message.contains("line 2"))
    }

    @Test func quotedFieldsKeepLaterLineNumbersRight() throws {
        let csv = "\(header)\r\n"
            + "\"Ann, the elder\",service-operations,1.1,Raj,,competent,observation,\"notes\r\nover two lines\",Leeds,2026-10-01,experienced,\r\n"
            + "Bob,service-operations,1.1,Raj,,competent,observation,,Leeds,2026-99-01,experienced,\r\n"
            + "Cy,service-operations,1.1,Raj,,competent,observation,,Leeds,2026-10-01,experienced,,surplus\r\n"
        let (records, problems) = try DecisionRecords.parse(csv: csv, file: "r.csv")
        #expect(records.map(\.learner) == ["Ann, the elder"])
        #expect(problems.map(\.location.line) == [4, 5])
        #expect(problems.map(\.code) == ["records.bad-date", "records.extra-fields"])
    }

    @Test func fileLevelProblemsThrow() throws {
        #expect(throws: DiagnosticError.self) { try DecisionRecords.read("/no/such/records.csv") }
        do {
            _ = try DecisionRecords.parse(csv: "learner,unit,decision\nAnn,x,competent\n", file: "r.csv")
            Issue.record("a header without the required columns must throw")
        } catch {
            #expect(error.diagnostics.first?.code == "records.missing-column")
            #expect(error.diagnostics.first?.message.contains("assessor") == true)
        }
        do {
            _ = try DecisionRecords.parse(json: "{\"learner\": 1}", file: "r.json")
            Issue.record("an object instead of an array must throw")
        } catch {
            #expect(error.diagnostics.first?.code == "records.bad-json")
        }
        do {
            _ = try DecisionRecords.parse(json: "[{\"learner\": ", file: "r.json")
            Issue.record("broken JSON must throw")
        } catch {
            #expect(error.diagnostics.first?.code == "records.bad-json")
        }
    }

    @Test func unknownColumnsAreAWarningNotARejection() throws {
        let csv = """
            \(header),notes
            Ann,service-operations,1.1,Raj,,competent,observation,,Leeds,2026-10-01,experienced,,good
            """
        let (records, problems) = try DecisionRecords.parse(csv: csv, file: "r.csv")
        #expect(records.count == 1)
        #expect(problems.map(\.code) == ["records.unknown-column"] && problems[0].severity == .warning)
        #expect(DecisionRecords.summary(records: records, problems: problems).description == "1 row: 1 read, 0 rejected, 1 warning")
    }

    @Test func jsonRecordsWithLineNumbers() throws {
        let json = """
            [
              {"learner": "Ann Lee", "unit": "service-operations", "criterion": 1.2, "assessor": "Raj Patel",
               "decision": "Competent", "method": "observation", "evidence": "observation record", "site": "Leeds",
               "date": "2026-10-01", "assessor_status": "experienced", "group": "NVQ4"},
              {"learner": "Ann Lee", "unit": "service-operations", "criterion": null, "assessor": "engine",
               "decision": "nyc", "method": "reflective account", "site": "Leeds", "date": "2026-10-02"},
              "not a record",
              {"learner": "", "unit": "service-operations", "assessor": "Raj Patel", "role": "assessor",
               "decision": "competent", "method": "observation", "site": "Leeds", "date": "2026-10-01",
               "assessor_status": "experienced"},
              {"learner": "Bo {brace} \\"quoted\\"", "unit": "service-operations", "assessor": "IQA: Sam",
               "decision": "competent", "method": "observation", "site": "Leeds", "date": "2026-10-09", "assessorStatus": ""}
            ]
            """
        let path = try temporaryFile("records.json", json)
        let (records, problems) = try DecisionRecords.read(path)
        #expect(records.count == 3)
        #expect(records[0].criterion == "1.2" && records[0].decision == "competent" && records[0].line == 2)
        #expect(records[0].candidateGroup == "NVQ4" && records[0].evidence == "observation record")
        #expect(records[1].role == .engine && records[1].decision == "not yet competent" && records[1].line == 5)
        #expect(records[2].role == .iqa && records[2].learner == "Bo {brace} \"quoted\"" && records[2].line == 11)
        #expect(problems.map(\.code) == ["records.bad-json", "records.empty-learner"])
        #expect(problems.map(\.location.line) == [7, 8])
        let summary = DecisionRecords.summary(records: records, problems: problems)
        #expect(summary.total == 5 && summary.rejected == 2)
    }

    @Test func csvAndJsonGiveTheSameRecords() throws {
        let csvRecords = try sampleRecords()
        // Write the sample as JSON with the CSV's keys and read it back.
        let text = try String(contentsOfFile: sampleRecordsPath, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let keys = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var objects: [String] = []
        for line in lines.dropFirst() {
            let values = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let pairs = zip(keys, values).map { key, value in
                "\"\(key)\": " + (value.isEmpty ? "null" : "\"\(value)\"")
            }
            objects.append("{" + pairs.joined(separator: ", ") + "}")
        }
        let path = try temporaryFile("records.json", "[\n" + objects.joined(separator: ",\n") + "\n]\n")
        let (jsonRecords, problems) = try DecisionRecords.read(path)
        #expect(problems.isEmpty)
        #expect(jsonRecords == csvRecords)   // one object per line, so even the line numbers match
    }

    @Test func dates() {
        #expect(DecisionRecords.isDate("2026-11-30"))
        #expect(DecisionRecords.isDate("2028-02-29"))
        #expect(!DecisionRecords.isDate("2026-02-29"))
        #expect(!DecisionRecords.isDate("2026-9-1"))
        #expect(!DecisionRecords.isDate("01/10/2026"))
        #expect(!DecisionRecords.isDate("2026-11-31"))
    }
}
