import Foundation
import MarkbenchImport
import Testing

/// Samples/cohort (written by `swift run make-sample-cohort`) reads back: every good file gives
/// the text of the account it was made from, and the two bad files are refused.
@Suite struct SampleCohortTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let cohort = root.appendingPathComponent("Samples/cohort")
    static let accounts = root.appendingPathComponent("Samples/accounts")

    static let sources: [(file: String, source: String)] = [
        ("amira-khan-competitive-tool.docx", "competitive-tool-strong.md"),
        ("daniel-okafor-service-operations.docx", "service-operations-weak-no-monitoring.txt"),
        ("grace-whitfield-customer-experience.docx", "customer-experience-strong.txt"),
        ("liam-brennan-service-improvements.odt", "service-improvements-strong.txt"),
        ("sofia-marsh-customer-experience.odt", "customer-experience-weak-theory-only.txt"),
        ("tom-ashworth-service-improvements.md", "service-improvements-borderline.md"),
        ("priya-nair-competitive-tool.txt", "competitive-tool-weak-we.txt"),
        ("owen-price-service-operations.txt", "service-operations-strong.txt"),
    ]

    @Test(arguments: sources)
    func goodFileReadsBackToItsSource(file: String, source: String) throws {
        let sourceText = try String(contentsOf: Self.accounts.appendingPathComponent(source), encoding: .utf8)
        let document = try SubmissionImporter.read(Self.cohort.appendingPathComponent(file).path)
        if document.format == .text || document.format == .markdown {
            #expect(document.text == sourceText)
            return
        }
        // The first sentence of the first body paragraph, and then every line of the source
        // (without Markdown's # and ** marks) appears in the imported text.
        let firstParagraph = try #require(sourceText.split(separator: "\n").first { $0.count > 90 })
        let firstSentence = String(firstParagraph.prefix { $0 != "." }) + "."
        #expect(document.text.contains(firstSentence))
        for line in sourceText.split(separator: "\n") {
            let plain = String(line.drop { $0 == "#" }).replacingOccurrences(of: "**", with: "")
                .trimmingCharacters(in: .whitespaces)
            #expect(document.text.contains(plain), "missing: \(plain)")
        }
    }

    @Test func badFilesAreRefused() {
        let doc = importFailure(Self.cohort.appendingPathComponent("old-format.doc").path)
        #expect(doc?.code == "import.unsupported")
        let broken = importFailure(Self.cohort.appendingPathComponent("broken.docx").path)
        #expect(broken?.code == "import.corrupt")
    }

    @Test func manifestListsEveryFile() throws {
        let manifest = try String(contentsOf: Self.cohort.appendingPathComponent("manifest.csv"), encoding: .utf8)
        let rows = manifest.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.first == ["learner", "unit", "file", "assessor", "assessor_decision", "date"])
        let files = Set(rows.dropFirst().map { String($0[2]) })
        #expect(files == Set(Self.sources.map(\.file) + ["old-format.doc", "broken.docx"]))
        for row in rows.dropFirst() {
            #expect(FileManager.default.fileExists(atPath: Self.cohort.appendingPathComponent(String(row[2])).path))
            #expect(["competitive-tool", "service-improvements", "customer-experience", "service-operations"].contains(row[1]))
            #expect(["competent", "not yet competent"].contains(row[4]))
            #expect(row[5].hasPrefix("2026-10-"))
        }
    }
}
