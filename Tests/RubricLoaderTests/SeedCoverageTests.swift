import Foundation
import RubricLoader
import RubricModel
import Testing

/// Every bullet of the seeds' assessment criteria, marking points, common mistakes and guidance
/// appears in its unit's rubric, word for word (white space and the 💡 marker aside).
@Suite("Seed coverage")
struct SeedCoverageTests {
    static let seeds = Repo.root + "/../shared/seeds"
    static let available = FileManager.default.fileExists(atPath: seeds)

    /// Bullets under `heading` (up to the next heading line) in a seed file.
    static func bullets(_ text: String, under heading: String) -> [String] {
        var out: [String] = []
        var inside = false
        var section: [String] = []
        var prose = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line == heading {
                inside = true
                prose = 0
                section = []
                continue
            }
            guard inside else { continue }
            if line.isEmpty { continue }
            if !(line.hasPrefix("•") || line.hasPrefix("- ")) && section.isEmpty {
                // One subtitle line may sit between a heading and its bullets; more means this was
                // not a bullet section (the seeds repeat some headings as labels).
                prose += 1
                if prose > 1 { inside = false }
                continue
            }
            if line.hasPrefix("•") || line.hasPrefix("- ") {
                section.append(line)
                var b = String(line.dropFirst(line.hasPrefix("•") ? 1 : 2)).trimmingCharacters(in: .whitespaces)
                if b.hasPrefix("💡") { b = String(b.dropFirst()).trimmingCharacters(in: .whitespaces) }
                out.append(b)
            } else if !line.isEmpty, !out.isEmpty {
                inside = false
            }
        }
        return out
    }

    static func normalise(_ s: String) -> String { s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }

    @Test(.enabled(if: available, "needs ../shared/seeds"),
          arguments: [("competitive-tool", ["000", "001"]), ("service-improvements", ["002"]),
                      ("customer-experience", ["003"]), ("service-operations", ["004"])])
    func everyBulletIsInTheRubric(_ id: String, _ seedPrefixes: [String]) throws {
        let resolver = RubricResolver(loader: try Fixtures.loader(), shippedDirectory: Repo.rubrics)
        let rubric = try #require(resolver.catalogue.bundle(for: id)?.rubric)
        let texts = Set((rubric.criteria.map(\.text) + rubric.markingPoints.map(\.text) + rubric.mistakes.map(\.text)
                         + rubric.guidance.map(\.text)).map(Self.normalise))
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.seeds)
        var checked = 0
        for prefix in seedPrefixes {
            let file = try #require(files.first { $0.hasPrefix(prefix + "_") })
            let text = try String(contentsOfFile: Self.seeds + "/" + file, encoding: .utf8)
            for heading in ["Assessment Criteria", "Examiner Marking Points", "Common Mistakes",
                            "Common Misconceptions & Mistakes to Avoid", "Assessment Guidance", "Exam Tips & Revision Strategies"] {
                for bullet in Self.bullets(text, under: heading) {
                    checked += 1
                    #expect(texts.contains(Self.normalise(bullet)), "\(file) \(heading): \(bullet.prefix(70))… is missing from \(id)")
                }
            }
        }
        #expect(checked >= 10)
    }
}
