import Foundation
import MarkbenchEngine
import MarkbenchText
import RubricLoader
import RubricModel

enum EngineFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let rubricsDir = root + "/Rubrics"
    static let fixture = root + "/Tests/MarkbenchEngineTests/Fixtures/engine-test.xml"

    nonisolated(unsafe) private static var cache: [String: MarkingEngine] = [:]
    nonisolated(unsafe) private static var resolverCache: RubricResolver?
    private static let lock = NSLock()

    static func resolver() throws -> RubricResolver {
        if let resolverCache { return resolverCache }
        let loader = try RubricLoader(schemaPath: rubricsDir + "/" + RubricLocator.schemaRelativePath)
        let r = RubricResolver(loader: loader, shippedDirectory: rubricsDir)
        resolverCache = r
        return r
    }

    /// An engine for a shipped rubric id or a rubric file (shipped lexicons available).
    static func engine(_ idOrPath: String = fixture) throws -> MarkingEngine {
        lock.lock(); defer { lock.unlock() }
        if let e = cache[idOrPath] { return e }
        let e = try MarkingEngine(bundle: try resolver().bundle(for: idOrPath))
        cache[idOrPath] = e
        return e
    }

    static func mark(_ text: String, rubric: String = fixture) throws -> MarkingResult {
        let e = try engine(rubric)
        return e.mark(text: text, name: "test.txt")!
    }
}
