import Foundation
import MarkbenchDiagnostics
import RubricLoader
import RubricModel

/// Paths into the repository, found from this file's location.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }
    static let fixtures = path("Tests/RubricLoaderTests/Fixtures")
    static let rubrics = path("Rubrics")
    static let schema = path("Rubrics/" + RubricLocator.schemaRelativePath)
}

enum Fixtures {
    nonisolated(unsafe) private static var cachedLoader: RubricLoader?
    static let lock = NSLock()

    static func loader() throws -> RubricLoader {
        lock.lock(); defer { lock.unlock() }
        if let cachedLoader { return cachedLoader }
        let loader = try RubricLoader(schemaPath: Repo.schema)
        cachedLoader = loader
        return loader
    }

    /// The fixture lexicons (small, stable: tests do not depend on the shipped vocabularies).
    static func lexicons() throws -> [String: Lexicon] {
        var out: [String: Lexicon] = [:]
        for file in RubricCatalogue.xmlFiles(in: Repo.fixtures + "/lexicons") {
            if case .lexicon(let l) = try loader().load(file) { out[l.id] = l }
        }
        return out
    }

    /// Every diagnostic for `file`: parse, schema, then semantic checks against the fixture lexicons.
    static func diagnostics(for file: String) throws -> [Diagnostic] {
        let loader = try loader()
        do {
            let document = try loader.load(file)
            let checker = RubricChecker(lexicons: try lexicons())
            switch document {
            case .rubric(let r): return checker.check(r)
            case .lexicon(let l): return checker.check(l)
            }
        } catch let error as DiagnosticError {
            return error.diagnostics
        }
    }

    /// Writes `bytes` to a fresh temporary file and returns its path.
    static func temporaryFile(_ bytes: [UInt8], name: String = "input.xml") -> String {
        let dir = NSTemporaryDirectory() + "markbench-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
}
