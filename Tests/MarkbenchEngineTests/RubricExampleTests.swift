@testable import MarkbenchEngine
import Foundation
import RubricLoader
import Testing

/// Every example in the shipped rubrics and lexicons runs as a test, so adding a rule adds its tests.
@Suite("Rubric examples")
struct RubricExampleTests {
    @Test(arguments: ["competitive-tool", "service-improvements", "customer-experience", "service-operations"])
    func shippedRubricExamplesPass(_ id: String) throws {
        let engine = try EngineFixtures.engine(id)
        let lexicons = id == "competitive-tool" ? Array(engine.compiled.bundle.lexicons.keys) : []
        let report = ExampleRunner(engine: engine).run(lexicons: lexicons)
        #expect(report.examples > 10)
        #expect(report.failures.map(\.description) == [])
    }

    @Test func fixtureExamplesPass() throws {
        let report = ExampleRunner(engine: try EngineFixtures.engine()).run(lexicons: [])
        #expect(report.examples == 8)
        #expect(report.failures.map(\.description) == [])
    }

    @Test func aBrokenExampleFailsWithItsLine() throws {
        let text = try String(contentsOfFile: EngineFixtures.fixture, encoding: .utf8)
            .replacingOccurrences(of: "<example expect=\"fail\">We ran a survey of 50 customers.</example>",
                                  with: "<example expect=\"fail\">I ran a survey of 50 customers.</example>")
        let path = NSTemporaryDirectory() + "broken-example-\(UUID().uuidString).xml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let engine = try MarkingEngine(bundle: try EngineFixtures.resolver().bundle(for: path))
        let report = ExampleRunner(engine: engine).run(lexicons: [])
        #expect(report.failures.count == 1)
        #expect(report.failures.first?.location.line == 37)
        #expect(report.failures.first?.problem == "should not be met, but does")
    }
}
