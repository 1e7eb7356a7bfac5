/// Checks that bytes a user gave us are text we can read: not empty, not binary, valid UTF-8.
/// Pure functions on bytes; reading the file is the caller's business.
public enum TextInput {
    /// What is wrong with a byte buffer that should hold UTF-8 text.
    public enum Problem: Sendable, Equatable {
        case empty
        case binary(offset: Int, line: Int, column: Int)
        case invalidUTF8(offset: Int, line: Int, column: Int)
        case utf16
    }

    /// Returns the first problem in `bytes`, or nil when they are readable UTF-8 text.
    /// An optional UTF-8 byte-order mark is accepted.
    public static func problem(in bytes: some Collection<UInt8>) -> Problem? {
        let array = Array(bytes)
        if array.count >= 2, (array[0] == 0xFF && array[1] == 0xFE) || (array[0] == 0xFE && array[1] == 0xFF) {
            return .utf16
        }
        if array.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
            || array == [0xEF, 0xBB, 0xBF] {
            return .empty
        }
        var line = 1
        var column = 1
        var offset = 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = array.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar.value == 0 {
                    return .binary(offset: offset, line: line, column: column)
                }
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                offset += encoded.count
            case .error:
                return .invalidUTF8(offset: offset, line: line, column: column)
            case .emptyInput:
                return nil
            }
        }
    }

    /// A diagnostic for `problem`, naming `file`, for a user who gave us this file.
    public static func diagnostic(for problem: Problem, file: String, expected: String) -> Diagnostic {
        switch problem {
        case .empty:
            return Diagnostic(code: "input.empty", at: SourceLocation(file: file, line: 1, column: 1),
                              "the file is empty", hint: "give a file that holds \(expected)")
        case .utf16:
            return Diagnostic(code: "input.utf16", at: SourceLocation(file: file, line: 1, column: 1),
                              "the file is UTF-16 encoded; Markbench reads UTF-8 only",
                              hint: "save it again as UTF-8")
        case let .binary(offset, line, column):
            return Diagnostic(code: "input.binary", at: SourceLocation(file: file, line: line, column: column),
                              "the file looks binary (a NUL byte at byte offset \(offset)), not \(expected)",
                              hint: "check that you named the right file")
        case let .invalidUTF8(offset, line, column):
            return Diagnostic(code: "input.invalid-utf8", at: SourceLocation(file: file, line: line, column: column),
                              "invalid UTF-8 at byte offset \(offset)",
                              hint: "save the file again as UTF-8 (it may be in Windows-1252 or Latin-1)")
        }
    }
}
