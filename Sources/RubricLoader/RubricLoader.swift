import Foundation
import MarkbenchDiagnostics
import MarkbenchXML
import RubricModel

/// A parsed Markbench file: a unit rubric or a shared lexicon.
public enum RubricDocument: Sendable {
    case rubric(Rubric)
    case lexicon(Lexicon)
}

/// Reads rubric and lexicon files safely: size limit, UTF-8, no DOCTYPE or entities, XSD.
/// Semantic checks that need other files are `RubricChecker`'s.
public struct RubricLoader: Sendable {
    /// The compiled rubric schema.
    public let schema: XMLSchema
    public let limits: XMLLimits

    /// Compiles the schema at `schemaPath` (normally `Rubrics/schema/markbench-rubric-1.xsd`).
    public init(schemaPath: String, limits: XMLLimits = .rubric) throws(DiagnosticError) {
        let bytes = try FileBytes.read(schemaPath, maxBytes: 1_048_576, expected: "an XML schema")
        schema = try XMLSchema(xsd: bytes, file: schemaPath)
        self.limits = limits
    }

    /// Parses and schema-validates the file at `path`.
    public func load(_ path: String) throws(DiagnosticError) -> RubricDocument {
        let bytes = try FileBytes.read(path, maxBytes: limits.maxBytes, expected: "a Markbench rubric (XML)")
        return try parse(bytes, file: path)
    }

    /// Parses and schema-validates `bytes`, reporting positions in `file`.
    public func parse(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> RubricDocument {
        let root = try SafeXMLParser.parse(bytes, file: file, limits: limits, schema: schema)
        let reader = RubricDocumentReader(file: file)
        switch root.name {
        case "lexicon": return .lexicon(reader.lexicon(from: root))
        default: return .rubric(reader.rubric(from: root))
        }
    }
}

/// Reads a user's file with a size limit checked before reading.
public enum FileBytes {
    public static func read(_ path: String, maxBytes: Int, expected: String) throws(DiagnosticError) -> [UInt8] {
        let start = SourceLocation(file: path, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DiagnosticError(Diagnostic(code: "input.not-found", at: start, "no such file",
                                             hint: "check the path; expected \(expected)"))
        }
        if isDirectory.boolValue {
            throw DiagnosticError(Diagnostic(code: "input.directory", at: start, "this is a folder, not a file",
                                             hint: "name a file inside it"))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size > maxBytes {
            throw DiagnosticError(Diagnostic(code: "input.too-large", at: start,
                                             "the file is \(size / 1_048_576) MB, over the limit of \(maxBytes / 1_048_576) MB",
                                             hint: "check that this is the right file"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DiagnosticError(Diagnostic(code: "input.unreadable", at: start, "the file cannot be read",
                                             hint: "check its permissions"))
        }
        defer { try? handle.close() }
        // Read at most one byte past the limit, in case the file grew since it was measured.
        let data = (try? handle.read(upToCount: maxBytes + 1)) ?? Data()
        if data.count > maxBytes {
            throw DiagnosticError(Diagnostic(code: "input.too-large", at: start,
                                             "the file is over the limit of \(maxBytes / 1_048_576) MB",
                                             hint: "check that this is the right file"))
        }
        return [UInt8](data)
    }
}
