/// A position in a user's file: 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// How serious a diagnostic is. Only errors make a file unusable.
public enum DiagnosticSeverity: String, Sendable, Codable, Comparable {
    case warning
    case error

    public static func < (lhs: DiagnosticSeverity, rhs: DiagnosticSeverity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One problem found in a user's file: where, what, and what to do about it.
///
/// `code` is stable (tests and scripts may rely on it); `message` says what is wrong and
/// `hint` what to do.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public var location: SourceLocation
    public var severity: DiagnosticSeverity
    public var code: String
    public var message: String
    public var hint: String?

    public init(_ severity: DiagnosticSeverity = .error, code: String, at location: SourceLocation,
                _ message: String, hint: String? = nil) {
        self.location = location
        self.severity = severity
        self.code = code
        self.message = message
        self.hint = hint
    }

    /// Compiler-style one-liner: `file:line:col: error: message (hint)`.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += " — \(hint)" }
        return text
    }
}

/// An error carrying one or more diagnostics; thrown when a file cannot be used.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
