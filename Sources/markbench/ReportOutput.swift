import ArgumentParser
import Foundation
import MarkbenchReports

extension ReportFormat: ExpressibleByArgument {}

/// Options for commands that write reports: format, destination, overwrite.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: "Report format: terminal, markdown, html or json.")
    var format: ReportFormat = .terminal

    @Option(name: .shortAndLong, help: "Write to this file (one account) or folder (several) instead of standard output.")
    var output: String?

    @Flag(help: "Overwrite existing report files.")
    var force = false

    /// Colour only for terminal output to a real terminal, and never when NO_COLOR is set.
    var colour: Bool {
        format == .terminal && output == nil && isatty(STDOUT_FILENO) == 1
            && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Where the report for `account` goes; nil for standard output.
    func destination(for account: String, count: Int, suffix: String) throws -> String? {
        guard let output else { return nil }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
        if count > 1 || (exists && isDirectory.boolValue) || output.hasSuffix("/") {
            if !exists {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } else if !isDirectory.boolValue {
                throw CLIError("\(output): is a file; with several accounts --output must name a folder")
            }
            let base = ((account as NSString).lastPathComponent as NSString).deletingPathExtension
            return (output as NSString).appendingPathComponent("\(base).\(suffix).\(format.fileExtension)")
        }
        return output
    }

    /// Prints `content` or writes it to `path`, never overwriting without --force.
    func emit(_ content: String, to path: String?) throws {
        try OutputFile.emit(content, to: path, force: force)
    }
}

/// Writing a command's output: standard output, or a file that is never overwritten unless forced.
enum OutputFile {
    static func emit(_ content: String, to path: String?, force: Bool) throws {
        guard let path else {
            print(content, terminator: content.hasSuffix("\n") ? "" : "\n")
            return
        }
        if FileManager.default.fileExists(atPath: path), !force {
            throw CLIError("\(path): already exists; nothing was written. Use --force to overwrite it, or choose another --output.")
        }
        do {
            try Data(content.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError("\(path): cannot write (\(error.localizedDescription)); check the folder exists and is writable.")
        }
        var stderr = StandardError()
        print("wrote \(path)", to: &stderr)
    }
}
