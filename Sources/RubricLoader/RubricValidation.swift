import Foundation
import MarkbenchDiagnostics
import RubricModel

/// The result of validating several rubric and lexicon files: every problem in every file.
public struct RubricValidationReport: Sendable, Codable {
    public struct FileResult: Sendable, Codable {
        public var path: String
        public var kind: String?
        public var id: String?
        /// A short description when the file loaded ("3 criteria, 8 marking points").
        public var summary: String?
    }

    public var files: [FileResult]
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

/// Validates files the way `markbench rubric validate` does.
public enum RubricValidation {
    /// Parses every file, then checks each against the shipped lexicons plus any in a
    /// `lexicons/` folder beside it and any lexicons among `files`. Never stops at the first problem.
    public static func validate(files: [String], loader: RubricLoader, shippedLexicons: [String: Lexicon]) -> RubricValidationReport {
        var results: [RubricValidationReport.FileResult] = []
        var diagnostics: [Diagnostic] = []
        var parsed: [(String, RubricDocument)] = []
        for path in files {
            do {
                parsed.append((path, try loader.load(path)))
            } catch {
                diagnostics += error.diagnostics
                results.append(.init(path: path, kind: nil, id: nil, summary: nil))
            }
        }
        // Lexicons named on the command line take part in resolving references.
        var given: [String: Lexicon] = [:]
        for case (_, .lexicon(let lexicon)) in parsed { given[lexicon.id] = lexicon }

        var siblingCache: [String: [String: Lexicon]] = [:]
        for (path, document) in parsed {
            let folder = (path as NSString).deletingLastPathComponent
            if siblingCache[folder] == nil {
                var local: [String: Lexicon] = [:]
                for file in RubricCatalogue.xmlFiles(in: (folder as NSString).appendingPathComponent("lexicons")) {
                    if case .lexicon(let lexicon)? = try? loader.load(file) { local[lexicon.id] = lexicon }
                }
                siblingCache[folder] = local
            }
            var lexicons = shippedLexicons
            lexicons.merge(siblingCache[folder] ?? [:]) { _, new in new }
            lexicons.merge(given) { _, new in new }
            let checker = RubricChecker(lexicons: lexicons)
            switch document {
            case .rubric(let rubric):
                diagnostics += checker.check(rubric)
                let summary = "rubric \(rubric.id): \(rubric.criteria.count) criteria, \(rubric.markingPoints.count) marking points, "
                    + "\(rubric.mistakes.count) mistakes, \(rubric.rules.count) rules"
                results.append(.init(path: path, kind: "rubric", id: rubric.id, summary: summary))
            case .lexicon(let lexicon):
                diagnostics += checker.check(lexicon)
                var parts = ["\(lexicon.concepts.count) concepts"]
                if !lexicon.commandWords.isEmpty { parts.append("\(lexicon.commandWords.count) command words") }
                if !lexicon.spellings.isEmpty { parts.append("\(lexicon.spellings.count) spellings") }
                results.append(.init(path: path, kind: "lexicon", id: lexicon.id,
                                     summary: "lexicon \(lexicon.id): " + parts.joined(separator: ", ")))
            }
        }
        let order = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        results.sort { (order[$0.path] ?? 0) < (order[$1.path] ?? 0) }
        diagnostics.sort { (order[$0.location.file] ?? 0, $0.location.line, $0.location.column)
            < (order[$1.location.file] ?? 0, $1.location.line, $1.location.column) }
        return RubricValidationReport(files: results, diagnostics: diagnostics)
    }
}

/// Finds a rubric by id (shipped) or by file path, with the lexicons it needs.
public struct RubricResolver: Sendable {
    public let loader: RubricLoader
    public let catalogue: RubricCatalogue

    public init(loader: RubricLoader, shippedDirectory: String) {
        self.loader = loader
        catalogue = RubricCatalogue(directory: shippedDirectory, loader: loader)
    }

    /// The rubric named by `idOrPath`: a path to a rubric file, or a shipped rubric's id.
    public func bundle(for idOrPath: String) throws(DiagnosticError) -> RubricBundle {
        if idOrPath.hasSuffix(".xml") || idOrPath.contains("/") {
            guard case .rubric(let rubric) = try loader.load(idOrPath) else {
                throw DiagnosticError(Diagnostic(code: "rubric.is-lexicon", at: SourceLocation(file: idOrPath, line: 1, column: 1),
                                                 "this file is a lexicon, not a rubric", hint: "name a unit rubric"))
            }
            var lexicons = catalogue.lexicons
            let folder = (idOrPath as NSString).deletingLastPathComponent
            for file in RubricCatalogue.xmlFiles(in: (folder as NSString).appendingPathComponent("lexicons")) {
                if case .lexicon(let lexicon) = try loader.load(file) { lexicons[lexicon.id] = lexicon }
            }
            let errors = RubricChecker(lexicons: lexicons).check(rubric).filter { $0.severity == .error }
            if !errors.isEmpty { throw DiagnosticError(errors) }
            return RubricBundle(rubric: rubric, lexicons: lexicons)
        }
        if let bundle = catalogue.bundle(for: idOrPath) { return bundle }
        let known = catalogue.rubricIDs.joined(separator: ", ")
        throw DiagnosticError(Diagnostic(code: "rubric.not-found", at: SourceLocation(file: idOrPath, line: 1, column: 1),
                                         "no rubric with id '\(idOrPath)'",
                                         hint: known.isEmpty ? "pass a rubric file" : "use one of: \(known), or a path to a rubric file"))
    }
}
