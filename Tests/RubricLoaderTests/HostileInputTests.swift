import Foundation
import MarkbenchDiagnostics
import RubricLoader
import Testing

/// Rubrics come from other people: each hostile input is refused with a clear message,
/// without reading any other file or the network.
@Suite("Hostile XML")
struct HostileInputTests {
    private func firstError(_ text: String, name: String = "hostile.xml") throws -> Diagnostic {
        try firstError(bytes: Array(text.utf8), name: name)
    }

    private func firstError(bytes: [UInt8], name: String = "hostile.xml") throws -> Diagnostic {
        let path = Fixtures.temporaryFile(bytes, name: name)
        let diagnostics = try Fixtures.diagnostics(for: path)
        let first = try #require(diagnostics.first { $0.severity == .error })
        #expect(first.location.file == path)
        #expect(first.hint != nil)
        // Nothing from /etc/passwd ever reaches a message.
        #expect(!diagnostics.contains { $0.message.contains("root:") })
        return first
    }

    @Test func externalEntityToEtcPasswd() throws {
        let d = try firstError("""
            <?xml version="1.0"?>
            <!DOCTYPE rubric [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <rubric xmlns="urn:markbench:rubric:1">&xxe;</rubric>
            """)
        #expect(d.code == "xml.doctype")
        #expect(d.location.line == 2)
        #expect(d.location.column == 1)
    }

    @Test func parameterEntityXXE() throws {
        let d = try firstError("""
            <?xml version="1.0"?>
            <!DOCTYPE rubric [
              <!ENTITY % remote SYSTEM "file:///etc/passwd">
              %remote;
            ]>
            <rubric xmlns="urn:markbench:rubric:1"/>
            """)
        #expect(d.code == "xml.doctype")
    }

    @Test func billionLaughs() throws {
        var entities = "<!ENTITY lol0 \"lol\">\n"
        for i in 1...9 {
            entities += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">\n"
        }
        let d = try firstError("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n\(entities)]>\n<lolz>&lol9;</lolz>\n")
        #expect(d.code == "xml.doctype")
    }

    @Test func internalEntityReferencedTenThousandTimes() throws {
        let big = String(repeating: "x", count: 10_000)
        let refs = String(repeating: "&e;", count: 10_000)
        let d = try firstError("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY e \"\(big)\">]>\n<r>\(refs)</r>\n")
        #expect(d.code == "xml.doctype")
    }

    @Test func nestingOneHundredThousandDeep() throws {
        let text = "<?xml version=\"1.0\"?>\n" + String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
        let d = try firstError(text)
        #expect(d.code == "xml.too-deep")
        #expect(d.message == "elements are nested too deeply")
    }

    @Test func nestingJustPastOurOwnLimit() throws {
        // Deeper than Markbench allows (64) but within libxml2's own limit.
        let text = "<?xml version=\"1.0\"?>\n<rubric xmlns=\"urn:markbench:rubric:1\">" + String(repeating: "<a>", count: 100)
            + String(repeating: "</a>", count: 100) + "</rubric>"
        let d = try firstError(text)
        #expect(d.code == "xml.too-deep")
        #expect(d.message == "elements are nested more than 64 deep")
    }

    @Test func twoHundredMegabyteFile() throws {
        let dir = NSTemporaryDirectory() + "markbench-big-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/huge.xml"
        FileManager.default.createFile(atPath: path, contents: Data("<rubric>".utf8))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 200 * 1_048_576) // sparse: no 200 MB written
        try handle.close()
        let diagnostics = try Fixtures.diagnostics(for: path)
        #expect(diagnostics.map(\.code) == ["input.too-large"])
        #expect(diagnostics.first?.message == "the file is 200 MB, over the limit of 8 MB")
    }

    @Test func invalidUTF8() throws {
        var bytes = Array("<?xml version=\"1.0\"?>\n<rubric>caf".utf8)
        bytes += [0xE9] // Latin-1 é
        bytes += Array("</rubric>\n".utf8)
        let d = try firstError(bytes: bytes)
        #expect(d.code == "input.invalid-utf8")
        #expect(d.message == "invalid UTF-8 at byte offset 33")
        #expect(d.location.line == 2)
        #expect(d.location.column == 12)
    }

    @Test func binaryFile() throws {
        let d = try firstError(bytes: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00], name: "rubric.xml")
        #expect(d.code == "input.binary")
    }

    @Test func emptyFile() throws {
        let d = try firstError(bytes: [])
        #expect(d.code == "input.empty")
        #expect(d.message == "the file is empty")
    }

    @Test func whitespaceOnlyFile() throws {
        #expect(try firstError("  \n\n ").code == "input.empty")
    }

    @Test func utf16File() throws {
        #expect(try firstError(bytes: [0xFF, 0xFE, 0x3C, 0x00]).code == "input.utf16")
    }

    @Test func missingFile() throws {
        let diagnostics = try Fixtures.diagnostics(for: "/nonexistent/rubric.xml")
        #expect(diagnostics.map(\.code) == ["input.not-found"])
    }

    @Test func nonUTF8EncodingDeclared() throws {
        let d = try firstError("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rubric xmlns=\"urn:markbench:rubric:1\"/>\n")
        #expect(d.code == "xml.encoding")
    }
}
