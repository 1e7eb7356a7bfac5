import Foundation
import MarkbenchDiagnostics
import MarkbenchImport
import Testing
import ZIPFoundation

/// One test per kind of file the importer refuses: the exact code and message, and a hint.
@Suite struct BadFileTests {
    static let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
    static let saveDocxAgain = "the file may be damaged or renamed: open it in Word or LibreOffice and save it again as .docx"
    static let bombHint = "this is not an ordinary document and may be an attack: do not open it; "
        + "ask for the account to be saved again from Word or LibreOffice, or as a .txt file"

    @Test func oldWordDocIsUnsupported() throws {
        let folder = try TempFolder()
        let d = importFailure(try folder.write("account.doc", Self.ole))
        #expect(d?.code == "import.unsupported")
        #expect(d?.message == "the file is in the old Word format (.doc), which Markbench cannot read")
        #expect(d?.hint == ".doc is the old Word format: open it in Word or LibreOffice and save as .docx")
    }

    @Test func pdfIsUnsupportedWhateverItsName() throws {
        let folder = try TempFolder()
        let pdf = Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj\n".utf8)
        for name in ["account.pdf", "account.docx"] {
            let d = importFailure(try folder.write(name, pdf))
            #expect(d?.code == "import.unsupported")
            #expect(d?.message == "PDF files are not supported: their text cannot be read back reliably")
            #expect(d?.hint == ".pdf: copy the text into a .docx or .txt file")
        }
    }

    @Test func unknownExtensionIsUnsupported() throws {
        let folder = try TempFolder()
        let rtf = importFailure(try folder.write("account.rtf", Array(#"{\rtf1\ansi Hello}"#.utf8)))
        #expect(rtf?.code == "import.unsupported")
        #expect(rtf?.message == ".rtf files are not supported; Markbench reads .txt, .md, .docx and .odt")
        #expect(rtf?.hint == "open it in Word or LibreOffice and save it as .docx (or .odt)")
        let none = importFailure(try folder.write("account", Array("Hello\n".utf8)))
        #expect(none?.code == "import.unsupported")
        #expect(none?.message == "the file has no extension, so its type is unknown; Markbench reads .txt, .md, .docx and .odt")
    }

    @Test func passwordProtectedWordDocument() throws {
        let folder = try TempFolder()
        let d = importFailure(try folder.write("account.docx", Self.ole))
        #expect(d?.code == "import.password-protected")
        #expect(d?.message == "the document is password-protected (encrypted), so its text cannot be read")
        #expect(d?.hint == "password-protected: remove the password (File → Info → Protect document) and save again")
    }

    @Test func encryptedOpenDocument() throws {
        let manifest = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
             <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
             <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="2048">
              <manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" \
            manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" \
            manifest:initialisation-vector="AAAA"/></manifest:encryption-data>
             </manifest:file-entry>
            </manifest:manifest>
            """
        // Encrypted content is incompressible: random bytes stand in for it.
        var generator = SplitMix(seed: 7)
        let encrypted = (0..<2048).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let bytes = try Fixture.zip([(path: "mimetype", bytes: Array("application/vnd.oasis.opendocument.text".utf8)),
                                     (path: "content.xml", bytes: encrypted),
                                     (path: "META-INF/manifest.xml", bytes: Array(manifest.utf8))])
        let folder = try TempFolder()
        let d = importFailure(try folder.write("account.odt", bytes))
        #expect(d?.code == "import.password-protected")
        #expect(d?.message == "the document is password-protected (encrypted), so its text cannot be read")
        #expect(d?.hint == "password-protected: in LibreOffice choose File → Save As, untick \"Save with password\" and save again")
    }

    @Test func corruptZip() throws {
        let folder = try TempFolder()
        var generator = SplitMix(seed: 42)
        let random = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let notZip = importFailure(try folder.write("random.docx", random))
        #expect(notZip?.code == "import.corrupt")
        #expect(notZip?.message == "the file is not a valid Word document (.docx): it is not a ZIP archive")
        #expect(notZip?.hint == Self.saveDocxAgain)

        let good = try Fixture.docx(body: "<w:p><w:r><w:t>Hello</w:t></w:r></w:p>")
        let truncated = importFailure(try folder.write("truncated.docx", Array(good.prefix(good.count / 2))))
        #expect(truncated?.code == "import.corrupt")
        #expect(truncated?.message == "the file is not a valid Word document (.docx): its ZIP structure is damaged")
    }

    @Test func wordDocumentWithoutDocumentXML() throws {
        let bytes = try Fixture.zip([(path: "[Content_Types].xml", text: Fixture.contentTypes),
                                     (path: "_rels/.rels", text: Fixture.rels)])
        let folder = try TempFolder()
        let d = importFailure(try folder.write("account.docx", bytes))
        #expect(d?.code == "import.corrupt")
        #expect(d?.message == "the file is not a valid Word document (.docx): word/document.xml is missing")
        #expect(d?.hint == Self.saveDocxAgain)
    }

    @Test func pathTricks() throws {
        let folder = try TempFolder()
        let cases = [
            ("../evil.xml", #"the archive entry "../evil.xml" has a path that climbs out of the archive with "..""#),
            ("word/../../evil.xml", #"the archive entry "word/../../evil.xml" has a path that climbs out of the archive with "..""#),
            ("/etc/cron.d/evil", #"the archive entry "/etc/cron.d/evil" has an absolute path"#),
            ("C:/evil.xml", #"the archive entry "C:/evil.xml" has an absolute path with a drive letter"#),
            (#"word\evil.xml"#, #"the archive entry "word\evil.xml" has a path with backslashes (\), which ZIP paths never use"#),
        ]
        for (index, (entry, message)) in cases.enumerated() {
            let bytes = try Fixture.zip([(path: "word/document.xml", text: Fixture.wordDocument("<w:p><w:r><w:t>Hi</w:t></w:r></w:p>")),
                                         (path: entry, text: "<evil/>")])
            let d = importFailure(try folder.write("trick\(index).docx", bytes))
            #expect(d?.code == "import.path-trick")
            #expect(d?.message == message)
            #expect(d?.hint == "this file was not saved by a word processor and may be malicious: do not open it; "
                + "ask for the account to be saved again from Word or LibreOffice")
        }
    }

    @Test func zipBombs() throws {
        let folder = try TempFolder()
        // An XML part padded with 2 MB of white space: the kind of part Markbench inflates.
        let padded = Fixture.wordDocument("<w:p/>" + String(repeating: " ", count: 2 * 1_048_576))
        let bomb = try Fixture.zip([(path: "word/document.xml", text: padded)])
        let path = try folder.write("bomb.docx", bomb)
        // The ratio the importer sees, read back with ZIPFoundation.
        let entry = try #require(try Archive(data: Data(bomb), accessMode: .read)["word/document.xml"])
        let ratio = Int((Double(entry.uncompressedSize) / Double(entry.compressedSize)).rounded())
        #expect(ratio > 100)

        let byRatio = importFailure(path)
        #expect(byRatio?.code == "import.zip-bomb")
        #expect(byRatio?.message == #"the archive entry "word/document.xml" is compressed \#(ratio) to 1, over the limit of 100 to 1"#)
        #expect(byRatio?.hint == Self.bombHint)

        let bySize = importFailure(path, limits: ImportLimits(maxEntryBytes: 1_048_576, maxCompressionRatio: 10_000))
        #expect(bySize?.code == "import.zip-bomb")
        #expect(bySize?.message == #"the archive entry "word/document.xml" would expand to 2.1 MB, over the limit of 1 MB"#)

        let byCount = importFailure(path, limits: ImportLimits(maxCompressionRatio: 10_000, maxEntries: 0))
        #expect(byCount?.code == "import.zip-bomb")
    }

    /// A pasted blank image compresses enormously but is never inflated: not a bomb.
    @Test func compressibleMediaIsNotABomb() throws {
        let folder = try TempFolder()
        let zeros = [UInt8](repeating: 0, count: 2 * 1_048_576)
        let doc = try Fixture.zip([(path: "word/document.xml", bytes: Array(Fixture.wordDocument("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>").utf8)),
                                   (path: "word/media/blank.bmp", bytes: zeros)])
        let path = try folder.write("image.docx", doc)
        #expect(try SubmissionImporter.read(path).text == "Hello\n")
    }

    /// A header that declares 100 bytes for an entry that inflates to 100 KB: caught while inflating.
    @Test func zipEntryThatLiesAboutItsSize() throws {
        let xml = Fixture.wordDocument(String(repeating: "<w:p><w:r><w:t>Hello</w:t></w:r></w:p>", count: 2500))
        var bytes = try Fixture.zip([(path: "word/document.xml", text: xml)])
        let declared: UInt32 = 100
        // Patch the uncompressed size in the local header (offset 22) and the central directory (offset 24).
        for (signature, offset) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], 22), ([0x50, 0x4B, 0x01, 0x02], 24)] {
            let start = try #require((0...(bytes.count - 4)).first { Array(bytes[$0..<($0 + 4)]) == signature })
            for i in 0..<4 { bytes[start + offset + i] = UInt8(truncatingIfNeeded: declared >> (8 * UInt32(i))) }
        }
        let folder = try TempFolder()
        let d = importFailure(try folder.write("liar.docx", bytes))
        #expect(d?.code == "import.zip-bomb")
        #expect(d?.message == #"the archive entry "word/document.xml" expands to more than the 100 bytes its header declares"#)
    }

    @Test func doctypeInDocumentXMLIsRefused() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\
            <w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>
            """
        let bytes = try Fixture.zip([(path: "[Content_Types].xml", text: Fixture.contentTypes),
                                     (path: "word/document.xml", text: xml)])
        let folder = try TempFolder()
        let d = importFailure(try folder.write("doctype.docx", bytes))
        #expect(d?.code == "import.corrupt")
        #expect(d?.message == "word/document.xml inside the file is not valid XML (line 2): a DOCTYPE is not allowed "
            + "(it can declare entities that read files or expand without limit)")
        #expect(d?.hint == Self.saveDocxAgain)
    }

    @Test func tooLargeIsRefusedBeforeReading() throws {
        let folder = try TempFolder()
        let path = try folder.write("long.txt", [UInt8](repeating: 0x61, count: 150))
        let limits = ImportLimits(maxFileBytes: 100)
        let d = importFailure(path, limits: limits)
        #expect(d?.code == "import.too-large")
        #expect(d?.message == "the file is 150 bytes; submissions are limited to 100 bytes")
        #expect(d?.hint == "check that this is the right file; if it holds large pictures, remove them or save the text alone as .docx or .txt")
        do {
            _ = try SubmissionImporter.read(bytes: [UInt8](repeating: 0, count: 3 * 1_048_576 + 1), name: "big.docx",
                                            limits: ImportLimits(maxFileBytes: 2 * 1_048_576))
            Issue.record("expected too-large")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["the file is 3.1 MB; submissions are limited to 2 MB"])
        }
    }

    @Test func documentsWithoutText() throws {
        let folder = try TempFolder()
        let docx = try Fixture.docx(body: #"<w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>"#)
        let odt = try Fixture.odt(text: "<text:p/><text:p>  </text:p>")
        for path in [try folder.write("empty.docx", docx), try folder.write("empty.odt", odt)] {
            let d = importFailure(path)
            #expect(d?.code == "import.no-text")
            #expect(d?.message == "the document has no text")
            #expect(d?.hint == "check that this is the right file; if the account is a scan or a picture, type it into a .docx or .txt file")
        }
    }

    @Test func openDocumentSpreadsheetIsUnsupported() throws {
        let bytes = try Fixture.zip([(path: "mimetype", text: "application/vnd.oasis.opendocument.spreadsheet"),
                                     (path: "content.xml", text: Fixture.odtContent(""))])
        let folder = try TempFolder()
        let d = importFailure(try folder.write("marks.odt", bytes))
        #expect(d?.code == "import.unsupported")
        #expect(d?.message == "the file is an OpenDocument spreadsheet, not a text document")
    }
}

/// A small deterministic random number generator for test bytes.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
