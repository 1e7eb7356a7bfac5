import Foundation
import MarkbenchDiagnostics
import MarkbenchImport
import Testing
import ZIPFoundation

/// Builds ZIP archives in memory, writes them to a temporary folder and imports them.
enum Fixture {
    /// A fixed entry date, so the archives are the same on every run.
    static let date = Date(timeIntervalSince1970: 1_790_845_200)   // 2026-10-01 09:00:00 UTC

    /// A ZIP holding `entries` in order; "mimetype" is stored, everything else deflated.
    static func zip(_ entries: [(path: String, bytes: [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (path, bytes) in entries {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 compressionMethod: path == "mimetype" ? .none : .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](try #require(archive.data))
    }

    static func zip(_ entries: [(path: String, text: String)]) throws -> [UInt8] {
        try zip(entries.map { (path: $0.path, bytes: Array($0.text.utf8)) })
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        </Types>
        """

    static let rels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="word/document.xml"/></Relationships>
        """

    /// word/document.xml around `body` (the children of w:body).
    static func wordDocument(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr/></w:body></w:document>
        """
    }

    /// A minimal .docx: content types, package relationships, the document and optional extra parts.
    static func docx(body: String, extra: [(path: String, text: String)] = []) throws -> [UInt8] {
        try zip([(path: "[Content_Types].xml", text: contentTypes), (path: "_rels/.rels", text: rels),
                 (path: "word/document.xml", text: wordDocument(body))] + extra)
    }

    static let manifest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
         <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
         <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
        </manifest:manifest>
        """

    /// content.xml around `text` (the children of office:text).
    static func odtContent(_ text: String, automaticStyles: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">\
        <office:automatic-styles>\(automaticStyles)</office:automatic-styles>\
        <office:body><office:text>\(text)</office:text></office:body></office:document-content>
        """
    }

    /// A minimal .odt: the stored mimetype first, then content.xml and the manifest.
    static func odt(text: String, automaticStyles: String = "", manifest: String = manifest) throws -> [UInt8] {
        try zip([(path: "mimetype", text: "application/vnd.oasis.opendocument.text"),
                 (path: "content.xml", text: odtContent(text, automaticStyles: automaticStyles)),
                 (path: "META-INF/manifest.xml", text: manifest)])
    }
}

/// A temporary folder for one test, removed when the test ends.
final class TempFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("markbench-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `bytes` to `name` in the folder and returns the file's path.
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }
}

/// The single diagnostic `SubmissionImporter.read(path)` throws for the file at `path`.
func importFailure(_ path: String, limits: ImportLimits = .init(),
                   sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
    do {
        let document = try SubmissionImporter.read(path, limits: limits)
        Issue.record("expected a diagnostic, got \(document.text.count) characters of text", sourceLocation: sourceLocation)
        return nil
    } catch {
        #expect(error.diagnostics.count == 1, "\(error)", sourceLocation: sourceLocation)
        let d = error.diagnostics.first
        #expect(d?.location == MarkbenchDiagnostics.SourceLocation(file: path, line: 1, column: 1),
                sourceLocation: sourceLocation)
        #expect(d?.severity == .error, sourceLocation: sourceLocation)
        #expect(d?.hint?.isEmpty == false, sourceLocation: sourceLocation)
        return d
    }
}
