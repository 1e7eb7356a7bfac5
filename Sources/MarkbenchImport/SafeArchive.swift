import Foundation
import MarkbenchDiagnostics
import MarkbenchXML
import ZIPFoundation

/// A ZIP archive from someone we do not trust, read in memory. Every entry is checked when the
/// archive is opened (count, path, declared size, compression ratio) and each entry's real size
/// is enforced again while it is inflated, so a header that lies about its size is caught too.
struct SafeArchive {
    let name: String
    let limits: ImportLimits
    /// What the file is meant to be, for messages: "Word document (.docx)".
    let kind: String
    private let archive: Archive
    private let entries: [String: Entry]

    init(bytes: [UInt8], name: String, kind: String, saveAgainHint: String, limits: ImportLimits) throws(DiagnosticError) {
        self.name = name
        self.limits = limits
        self.kind = kind
        let here = SubmissionImporter.location(name)
        if bytes.isEmpty {
            throw DiagnosticError(Diagnostic(code: "import.corrupt", at: here, "the file is empty (0 bytes)",
                                             hint: saveAgainHint))
        }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw DiagnosticError(Diagnostic(code: "import.corrupt", at: here,
                                             "the file is not a valid \(kind): it is not a ZIP archive",
                                             hint: saveAgainHint))
        }
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw DiagnosticError(Diagnostic(code: "import.corrupt", at: here,
                                             "the file is not a valid \(kind): its ZIP structure is damaged",
                                             hint: saveAgainHint))
        }
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            if count > limits.maxEntries {
                throw DiagnosticError(Diagnostic(
                    code: "import.zip-bomb", at: here,
                    "the archive holds more than \(limits.maxEntries) entries, more than any ordinary document",
                    hint: Self.bombHint))
            }
            let path = entry.path
            try Self.checkPath(path, entry: entry, name: name)
            try Self.checkSize(path, entry: entry, name: name, limits: limits)
            if entries[path] != nil {
                throw DiagnosticError(Diagnostic(
                    code: "import.corrupt", at: here,
                    "the archive holds two entries named \"\(path)\"", hint: saveAgainHint))
            }
            entries[path] = entry
        }
        self.archive = archive
        self.entries = entries
    }

    static let bombHint = "this is not an ordinary document and may be an attack: do not open it; "
        + "ask for the account to be saved again from Word or LibreOffice, or as a .txt file"
    static let trickHint = "this file was not saved by a word processor and may be malicious: do not open it; "
        + "ask for the account to be saved again from Word or LibreOffice"

    private static func checkPath(_ path: String, entry: Entry, name: String) throws(DiagnosticError) {
        let problem: String?
        let components = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if path.isEmpty {
            problem = "has an empty path"
        } else if path.hasPrefix("/") || path.hasPrefix("\\") {
            problem = "has an absolute path"
        } else if path.count >= 2, path.first!.isLetter, path.dropFirst().first == ":" {
            problem = "has an absolute path with a drive letter"
        } else if components.contains("..") {
            problem = "has a path that climbs out of the archive with \"..\""
        } else if path.contains("\\") {
            problem = "has a path with backslashes (\\), which ZIP paths never use"
        } else if path.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            problem = "has a path with control characters"
        } else if entry.type == .symlink {
            problem = "is a symbolic link"
        } else {
            problem = nil
        }
        if let problem {
            throw DiagnosticError(Diagnostic(code: "import.path-trick", at: SubmissionImporter.location(name),
                                             "the archive entry \"\(printable(path))\" \(problem)", hint: trickHint))
        }
    }

    private static func checkSize(_ path: String, entry: Entry, name: String, limits: ImportLimits) throws(DiagnosticError) {
        let uncompressed = entry.uncompressedSize
        let compressed = entry.compressedSize
        let here = SubmissionImporter.location(name)
        if uncompressed > UInt64(limits.maxEntryBytes) {
            throw DiagnosticError(Diagnostic(
                code: "import.zip-bomb", at: here,
                "the archive entry \"\(printable(path))\" would expand to \(SubmissionImporter.describeSize(clamp(uncompressed))), "
                    + "over the limit of \(SubmissionImporter.describeSize(limits.maxEntryBytes))",
                hint: bombHint))
        }
        // The ratio matters only for parts Markbench inflates (XML); a pasted blank image may
        // compress 1000 to 1 and is never read.
        if uncompressed > 0, path.hasSuffix(".xml") || path == "mimetype" {
            let ratio = compressed == 0 ? Double.infinity : Double(uncompressed) / Double(compressed)
            if ratio > limits.maxCompressionRatio {
                let shown = ratio.isFinite ? String(Int(ratio.rounded())) : "infinitely many"
                throw DiagnosticError(Diagnostic(
                    code: "import.zip-bomb", at: here,
                    "the archive entry \"\(printable(path))\" is compressed \(shown) to 1, over the limit of "
                        + "\(Int(limits.maxCompressionRatio)) to 1",
                    hint: bombHint))
            }
        }
    }

    private static func clamp(_ n: UInt64) -> Int { n > UInt64(Int.max) ? Int.max : Int(n) }

    /// The path with control characters shown as escapes, for messages.
    private static func printable(_ path: String) -> String {
        String(path.unicodeScalars.map { $0.value < 0x20 ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined())
    }

    /// Whether the archive holds a file entry at `path`.
    func contains(_ path: String) -> Bool { entries[path].map { $0.type == .file } ?? false }

    /// The bytes of entry `path`, or nil when there is no such entry. Inflating stops as soon as
    /// more bytes come out than the entry declared or the limit allows.
    func bytes(of path: String, saveAgainHint: String) throws(DiagnosticError) -> [UInt8]? {
        guard let entry = entries[path], entry.type == .file else { return nil }
        let declared = entry.uncompressedSize
        let limit = min(declared, UInt64(limits.maxEntryBytes))
        var out: [UInt8] = []
        out.reserveCapacity(Int(limit))
        var overflow = false
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data in
                if UInt64(out.count) + UInt64(data.count) > limit {
                    overflow = true
                    throw CocoaError(.fileReadTooLarge)
                }
                out.append(contentsOf: data)
            }
        } catch {
            let here = SubmissionImporter.location(name)
            if overflow {
                throw DiagnosticError(Diagnostic(
                    code: "import.zip-bomb", at: here,
                    "the archive entry \"\(path)\" expands to more than the \(SubmissionImporter.describeSize(Int(limit))) "
                        + "its header declares",
                    hint: Self.bombHint))
            }
            throw DiagnosticError(Diagnostic(code: "import.corrupt", at: here,
                                             "\(path) inside the file cannot be decompressed: the archive is damaged",
                                             hint: saveAgainHint))
        }
        if UInt64(out.count) != declared {
            throw DiagnosticError(Diagnostic(code: "import.corrupt", at: SubmissionImporter.location(name),
                                             "\(path) inside the file is shorter than its header declares: the archive is damaged",
                                             hint: saveAgainHint))
        }
        return out
    }

    /// Parses entry `path` as XML with the safe parser (no DOCTYPE, no entities, size and depth
    /// limits). Any XML problem becomes `import.corrupt` naming the entry and its line.
    func xml(_ path: String, saveAgainHint: String) throws(DiagnosticError) -> XMLElementNode? {
        guard let data = try bytes(of: path, saveAgainHint: saveAgainHint) else { return nil }
        do {
            return try SafeXMLParser.parse(data, file: path, limits: XMLLimits(maxBytes: limits.maxEntryBytes, maxDepth: 256))
        } catch {
            let here = SubmissionImporter.location(name)
            throw DiagnosticError(error.diagnostics.map { d in
                Diagnostic(code: "import.corrupt", at: here,
                           "\(path) inside the file is not valid XML (line \(d.location.line)): \(d.message)",
                           hint: saveAgainHint)
            })
        }
    }
}
