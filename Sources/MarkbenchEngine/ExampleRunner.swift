import MarkbenchDiagnostics
import MarkbenchText
import RubricModel

/// Runs the examples that rubrics and lexicons carry, as tests: a `pass` example must satisfy
/// its rule (or match its concept) on its own, a `fail` example must not; a `<mark>` must be
/// covered by the evidence.
public struct ExampleRunner: Sendable {
    /// One example that did not behave as written.
    public struct Failure: Sendable, Hashable, CustomStringConvertible {
        public var location: SourceLocation
        public var target: String
        public var expected: RuleExample.Expectation
        public var text: String
        public var problem: String

        public var description: String {
            "\(location): error: \(target): \(problem) — example: \"\(text.count > 100 ? String(text.prefix(99)) + "…" : text)\""
        }
    }

    public struct Report: Sendable {
        public var examples: Int
        public var failures: [Failure]
    }

    let engine: MarkingEngine

    public init(engine: MarkingEngine) { self.engine = engine }

    /// Runs every rule example of the rubric, and every concept example of `lexicons`
    /// (pass the ids of lexicons to test; the rubric's own concept examples always run).
    public func run(lexicons: [String]) -> Report {
        guard let normaliser = engine.makeNormaliser() else {
            return Report(examples: 0, failures: [])
        }
        var failures: [Failure] = []
        var count = 0
        let rubric = engine.rubric
        var conceptExamples = rubric.concepts.flatMap(\.examples)
        for id in lexicons.sorted() {
            conceptExamples += engine.compiled.bundle.lexicons[id]?.concepts.flatMap(\.examples) ?? []
        }
        for example in rubric.allRuleExamples + conceptExamples {
            count += 1
            switch example.target {
            case .rule(let id):
                guard let (status, spans) = engine.check(rule: id, on: example.text, normaliser: normaliser) else {
                    failures.append(Failure(location: example.location, target: "rule \(id)", expected: example.expect,
                                            text: example.text, problem: "no such rule"))
                    continue
                }
                let kind = rubric.rule(id)?.kind == .mistake ? "fire" : "be met"
                if example.expect == .pass && status != .met {
                    failures.append(Failure(location: example.location, target: "rule \(id)", expected: .pass, text: example.text,
                                            problem: "should \(kind) but is \(status.rawValue)"))
                } else if example.expect == .fail && status == .met {
                    failures.append(Failure(location: example.location, target: "rule \(id)", expected: .fail, text: example.text,
                                            problem: "should not \(kind), but does"))
                } else if example.expect == .pass {
                    for mark in example.marks where !spans.contains(where: { $0.start <= mark.lowerBound && mark.upperBound <= $0.end }) {
                        failures.append(Failure(location: example.location, target: "rule \(id)", expected: .pass, text: example.text,
                                                problem: "the evidence does not cover the marked text \"\(slice(example.text, mark))\""))
                    }
                }
            case .concept(let ref):
                guard let spans = engine.matches(concept: ref, in: example.text, normaliser: normaliser) else {
                    failures.append(Failure(location: example.location, target: "concept \(ref)", expected: example.expect,
                                            text: example.text, problem: "no such concept"))
                    continue
                }
                if example.expect == .pass && spans.isEmpty {
                    failures.append(Failure(location: example.location, target: "concept \(ref)", expected: .pass,
                                            text: example.text, problem: "should match but does not"))
                } else if example.expect == .fail && !spans.isEmpty {
                    let found = spans.map { slice(example.text, $0.start..<$0.end) }.joined(separator: "\", \"")
                    failures.append(Failure(location: example.location, target: "concept \(ref)", expected: .fail,
                                            text: example.text, problem: "should not match but matches \"\(found)\""))
                }
            }
        }
        return Report(examples: count, failures: failures)
    }

    private func slice(_ text: String, _ range: Range<Int>) -> String {
        let bytes = Array(text.utf8)
        let a = max(0, min(range.lowerBound, bytes.count)), b = max(a, min(range.upperBound, bytes.count))
        return String(decoding: bytes[a..<b], as: UTF8.self)
    }
}
