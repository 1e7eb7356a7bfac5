import Benchmark
import Foundation
import MarkbenchEngine
import RubricLoader
import RubricModel

/// Marks every account of the dev-set (and the samples) once per iteration, each with its
/// unit's compiled engine. Throughput is reported per account; MB/s follows from the corpus size
/// printed at start-up.
private struct Corpus: @unchecked Sendable {
    let items: [(engine: MarkingEngine, text: String, name: String)]
    let bytes: Int

    static let shared: Corpus = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let rubrics = root + "/Rubrics"
        let loader = try! RubricLoader(schemaPath: rubrics + "/" + RubricLocator.schemaRelativePath)
        let resolver = RubricResolver(loader: loader, shippedDirectory: rubrics)
        var engines: [String: MarkingEngine] = [:]
        func engine(_ id: String) -> MarkingEngine {
            if let e = engines[id] { return e }
            let e = try! MarkingEngine(bundle: resolver.bundle(for: id))
            engines[id] = e
            return e
        }
        var items: [(MarkingEngine, String, String)] = []
        let units = ["000": "competitive-tool", "002": "service-improvements", "003": "customer-experience", "004": "service-operations"]
        let devSet = root + "/../shared/dev-set"
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: devSet)) ?? []).sorted() where name.hasSuffix(".txt") {
            guard let unit = units[String(name.dropFirst().prefix(3))],
                  let text = try? String(contentsOfFile: devSet + "/" + name, encoding: .utf8) else { continue }
            items.append((engine(unit), text, name))
        }
        let samples = root + "/Samples/accounts"
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: samples)) ?? []).sorted()
        where name.hasSuffix(".txt") || name.hasSuffix(".md") {
            guard let unit = units.values.first(where: { name.hasPrefix($0) }),
                  let text = try? String(contentsOfFile: samples + "/" + name, encoding: .utf8) else { continue }
            items.append((engine(unit), text, name))
        }
        let bytes = items.reduce(0) { $0 + $1.1.utf8.count }
        print("corpus: \(items.count) accounts, \(bytes) bytes")
        return Corpus(items: items, bytes: bytes)
    }()
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
                                           maxDuration: .seconds(10), maxIterations: 200)

    Benchmark("Mark one account (dev-set + samples, per account)",
              configuration: .init(scalingFactor: .kilo)) { benchmark in
        let corpus = Corpus.shared
        let normaliser = corpus.items[0].engine.makeNormaliser()!
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            let item = corpus.items[i % corpus.items.count]
            blackHole(item.engine.mark(text: item.text, name: item.name, normaliser: normaliser))
        }
    }

    Benchmark("Compile a rubric (matcher over every phrase)") { benchmark in
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let loader = try RubricLoader(schemaPath: root + "/Rubrics/" + RubricLocator.schemaRelativePath)
        let bundle = try RubricResolver(loader: loader, shippedDirectory: root + "/Rubrics").bundle(for: "competitive-tool")
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try MarkingEngine(bundle: bundle)) }
    }

    Benchmark("Load every shipped rubric and lexicon (parse, XSD, checks)") { benchmark in
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let loader = try RubricLoader(schemaPath: root + "/Rubrics/" + RubricLocator.schemaRelativePath)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(RubricCatalogue(directory: root + "/Rubrics", loader: loader)) }
    }
}
