import Foundation
import MarkbenchDiagnostics
import RubricModel

/// The rubrics and lexicons in one folder (`Rubrics/` by default): `*.xml` rubrics at the top,
/// shared lexicons in `lexicons/`, the schema in `schema/`.
public struct RubricCatalogue: Sendable {
    public let directory: String
    /// Rubrics by id, with the path each came from.
    public private(set) var rubrics: [String: (rubric: Rubric, path: String)] = [:]
    public private(set) var lexicons: [String: Lexicon] = [:]
    /// Problems met while loading (files with errors are left out).
    public private(set) var diagnostics: [Diagnostic] = []

    /// Loads every lexicon and rubric in `directory`, with `extraLexicons` available too
    /// (e.g. the shipped ones when loading a user's folder).
    public init(directory: String, loader: RubricLoader, extraLexicons: [String: Lexicon] = [:]) {
        self.directory = directory
        lexicons = extraLexicons
        let lexiconDir = (directory as NSString).appendingPathComponent("lexicons")
        for path in Self.xmlFiles(in: lexiconDir) {
            do {
                if case .lexicon(let lexicon) = try loader.load(path) {
                    lexicons[lexicon.id] = lexicon
                } else {
                    diagnostics.append(Diagnostic(code: "catalogue.not-a-lexicon", at: SourceLocation(file: path, line: 1, column: 1),
                                                  "a file in lexicons/ must be a <lexicon>", hint: "move rubrics to the folder above"))
                }
            } catch {
                diagnostics += error.diagnostics
            }
        }
        let checker = RubricChecker(lexicons: lexicons)
        for lexicon in lexicons.values.sorted(by: { $0.id < $1.id }) where extraLexicons[lexicon.id] == nil {
            diagnostics += checker.check(lexicon).filter { $0.severity == .error }
        }
        for path in Self.xmlFiles(in: directory) {
            do {
                guard case .rubric(let rubric) = try loader.load(path) else { continue }
                let problems = checker.check(rubric).filter { $0.severity == .error }
                if !problems.isEmpty {
                    diagnostics += problems
                } else if let earlier = rubrics[rubric.id] {
                    diagnostics.append(Diagnostic(code: "catalogue.duplicate-rubric", at: rubric.location,
                                                  "rubric id '\(rubric.id)' is also used by \(earlier.path)",
                                                  hint: "give each rubric its own id"))
                } else {
                    rubrics[rubric.id] = (rubric, path)
                }
            } catch {
                diagnostics += error.diagnostics
            }
        }
    }

    /// Rubric ids in a stable order.
    public var rubricIDs: [String] { rubrics.keys.sorted() }

    /// The rubric with `id` and the lexicons it can reach.
    public func bundle(for id: String) -> RubricBundle? {
        guard let entry = rubrics[id] else { return nil }
        return RubricBundle(rubric: entry.rubric, lexicons: lexicons)
    }

    /// `*.xml` files directly inside `directory`, sorted; none when it does not exist.
    public static func xmlFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { (directory as NSString).appendingPathComponent($0) }
    }
}

/// Finds the shipped `Rubrics/` folder.
public enum RubricLocator {
    /// The schema's path inside a rubrics folder.
    public static let schemaRelativePath = "schema/markbench-rubric-1.xsd"

    /// The shipped rubrics folder: `$MARKBENCH_RUBRICS`, else the nearest `Rubrics/` above the
    /// executable or the current folder, else the one in the source tree this was built from.
    public static func shippedDirectory(executablePath: String? = CommandLine.arguments.first) -> String? {
        if let env = ProcessInfo.processInfo.environment["MARKBENCH_RUBRICS"], isRubricsFolder(env) { return env }
        var starts: [String] = []
        if let executablePath {
            starts.append((URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().path as NSString).deletingLastPathComponent)
        }
        starts.append(FileManager.default.currentDirectoryPath)
        // Sources/RubricLoader/RubricCatalogue.swift → package root.
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        for start in starts {
            var dir = start
            while true {
                let candidate = (dir as NSString).appendingPathComponent("Rubrics")
                if isRubricsFolder(candidate) { return candidate }
                let parent = (dir as NSString).deletingLastPathComponent
                if parent == dir || parent.isEmpty { break }
                dir = parent
            }
        }
        let fromSource = (sourceRoot as NSString).appendingPathComponent("Rubrics")
        return isRubricsFolder(fromSource) ? fromSource : nil
    }

    private static func isRubricsFolder(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(schemaRelativePath))
    }
}
