import Foundation
import MarkbenchDiagnostics

/// Reads a learner's submission (.txt, .md, .docx or .odt) into text, refusing anything it
/// cannot read safely with a diagnostic that names the file and says what to do.
///
/// Stable diagnostic codes: `import.unsupported`, `import.password-protected`, `import.corrupt`,
/// `import.zip-bomb`, `import.path-trick`, `import.too-large`, `import.no-text`, plus
/// `input.not-found`, `input.directory`, `input.unreadable` for the path and the `input.*`
/// codes of `TextInput` for .txt and .md files.
public enum SubmissionImporter {
    /// The extensions `read` accepts, in the order messages list them.
    public static let supportedExtensions = SubmissionFormat.allCases.map(\.rawValue)

    /// Reads the file at `path`. Its size is checked before it is read.
    public static func read(_ path: String, limits: ImportLimits = .init()) throws(DiagnosticError) -> ImportedDocument {
        let start = SourceLocation(file: path, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DiagnosticError(Diagnostic(code: "input.not-found", at: start, "no such file",
                                             hint: "check the path; expected a .txt, .md, .docx or .odt file"))
        }
        if isDirectory.boolValue {
            throw DiagnosticError(Diagnostic(code: "input.directory", at: start, "this is a folder, not a file",
                                             hint: "name a file inside it"))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size > limits.maxFileBytes {
            throw tooLarge(path, size: size, limits: limits)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DiagnosticError(Diagnostic(code: "input.unreadable", at: start, "the file cannot be read",
                                             hint: "check its permissions"))
        }
        defer { try? handle.close() }
        // At most one byte past the limit, in case the file grew after it was measured.
        let data: Data
        do {
            data = try handle.read(upToCount: limits.maxFileBytes + 1) ?? Data()
        } catch {
            throw DiagnosticError(Diagnostic(code: "input.unreadable", at: start, "the file cannot be read",
                                             hint: "check its permissions"))
        }
        return try read(bytes: [UInt8](data), name: path, limits: limits)
    }

    /// Reads a submission already in memory; `name` gives the extension and names the file in
    /// diagnostics.
    public static func read(bytes: [UInt8], name: String, limits: ImportLimits = .init()) throws(DiagnosticError) -> ImportedDocument {
        if bytes.count > limits.maxFileBytes {
            throw tooLarge(name, size: bytes.count, limits: limits)
        }
        let ext = fileExtension(of: name)

        // What the bytes are wins over what the name says.
        if bytes.starts(with: pdfMagic) {
            throw unsupported(name, pdfMessage, pdfHint)
        }
        if bytes.starts(with: oleMagic) {
            switch ext {
            case "docx":
                // Word saves a password-protected document as an encrypted OLE compound file,
                // keeping the .docx name.
                throw DiagnosticError(Diagnostic(
                    code: "import.password-protected", at: location(name),
                    "the document is password-protected (encrypted), so its text cannot be read",
                    hint: "password-protected: remove the password (File → Info → Protect document) and save again"))
            case "doc":
                throw unsupported(name, docMessage, docHint)
            default:
                throw unsupported(name, "the file is in an old Microsoft Office format (an OLE compound file), not .\(ext)",
                                  "open it in Word or LibreOffice and save it as .docx")
            }
        }

        switch ext {
        case "txt", "md":
            if let problem = TextInput.problem(in: bytes) {
                throw DiagnosticError(TextInput.diagnostic(for: problem, file: name,
                                                           expected: "a reflective account as UTF-8 text"))
            }
            return ImportedDocument(text: String(decoding: bytes, as: UTF8.self),
                                    format: ext == "txt" ? .text : .markdown, path: name)
        case "docx":
            let text = try WordDocumentReader.text(from: bytes, name: name, limits: limits)
            return ImportedDocument(text: text, format: .docx, path: name)
        case "odt":
            let text = try OpenDocumentReader.text(from: bytes, name: name, limits: limits)
            return ImportedDocument(text: text, format: .odt, path: name)
        case "pdf":
            throw unsupported(name, pdfMessage, pdfHint)
        case "doc":
            throw unsupported(name, docMessage, docHint)
        case "":
            throw unsupported(name, "the file has no extension, so its type is unknown; Markbench reads \(supportedList)",
                              "save the account as .docx, .odt, .txt or .md and give the file that extension")
        default:
            let hint: String
            switch ext {
            case "rtf", "pages", "wpd", "wps", "docm", "dotx", "dot", "ott", "fodt", "html", "htm":
                hint = "open it in Word or LibreOffice and save it as .docx (or .odt)"
            default:
                hint = "save the account as .docx, .odt, .txt or .md"
            }
            throw unsupported(name, ".\(ext) files are not supported; Markbench reads \(supportedList)", hint)
        }
    }

    // MARK: - Helpers shared by the readers

    static let pdfMagic: [UInt8] = Array("%PDF".utf8)
    static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    static let supportedList = ".txt, .md, .docx and .odt"
    static let pdfMessage = "PDF files are not supported: their text cannot be read back reliably"
    static let pdfHint = ".pdf: copy the text into a .docx or .txt file"
    static let docMessage = "the file is in the old Word format (.doc), which Markbench cannot read"
    static let docHint = ".doc is the old Word format: open it in Word or LibreOffice and save as .docx"

    static func location(_ name: String) -> SourceLocation { SourceLocation(file: name, line: 1, column: 1) }

    static func fileExtension(of name: String) -> String {
        let last = name.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? name
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return "" }
        return String(last[last.index(after: dot)...]).lowercased()
    }

    static func unsupported(_ name: String, _ message: String, _ hint: String) -> DiagnosticError {
        DiagnosticError(Diagnostic(code: "import.unsupported", at: location(name), message, hint: hint))
    }

    static func tooLarge(_ name: String, size: Int, limits: ImportLimits) -> DiagnosticError {
        DiagnosticError(Diagnostic(
            code: "import.too-large", at: location(name),
            "the file is \(describeSize(size)); submissions are limited to \(describeSize(limits.maxFileBytes))",
            hint: "check that this is the right file; if it holds large pictures, remove them or save the text alone as .docx or .txt"))
    }

    /// "512 bytes", "12 KB", "3.4 MB".
    static func describeSize(_ n: Int) -> String {
        if n < 1024 { return n == 1 ? "1 byte" : "\(n) bytes" }
        if n < 1_048_576 { return "\((n + 1023) / 1024) KB" }
        let tenths = (n * 10 + 1_048_575) / 1_048_576
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }
}
