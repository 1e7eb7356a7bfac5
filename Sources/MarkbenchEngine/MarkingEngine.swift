import MarkbenchDiagnostics
import MarkbenchText
import RubricModel

/// Marks reflective accounts against one rubric. Compile once (the matcher is built here),
/// then mark any number of accounts, from any number of tasks. Deterministic: the same
/// input always gives the same result.
public struct MarkingEngine: Sendable {
    let compiled: CompiledRubric

    public init(bundle: RubricBundle) throws(DiagnosticError) {
        compiled = try CompiledRubric(bundle: bundle)
    }

    public var rubric: Rubric { compiled.rubric }

    /// Phrases compiled into the matcher (for benchmarks and `--verbose`).
    public var phraseCount: Int { compiled.matcher.phrases.count }

    /// A normaliser for this rubric's spellings. Not thread-safe: one per task.
    public func makeNormaliser() -> Normaliser? { Normaliser(spellings: compiled.spellings) }

    /// Reads and marks an account given as bytes (UTF-8 text or Markdown).
    public func mark(bytes: [UInt8], name: String) throws(DiagnosticError) -> MarkingResult {
        guard let normaliser = makeNormaliser() else {
            throw DiagnosticError(Diagnostic(code: "engine.stemmer", at: SourceLocation(file: name, line: 1, column: 1),
                                             "the Snowball English stemmer is not available", hint: "install libstemmer0d"))
        }
        let doc = try TextDocument.read(bytes, name: name, normaliser: normaliser)
        return mark(doc)
    }

    /// Marks text already in memory.
    public func mark(text: String, name: String, normaliser: Normaliser? = nil) -> MarkingResult? {
        guard let normaliser = normaliser ?? makeNormaliser() else { return nil }
        return mark(TextDocument(text: text, name: name, normaliser: normaliser))
    }

    /// Marks a segmented account.
    public func mark(_ doc: TextDocument) -> MarkingResult {
        let analysis = AccountAnalysis(doc: doc, compiled: compiled)
        return ResultBuilder(analysis: analysis).build()
    }

    /// Evaluates one rule on its own over `text`: what `markbench rubric test` runs for examples.
    public func check(rule id: String, on text: String, normaliser: Normaliser) -> (status: EvidenceStatus, evidence: [TextSpan])? {
        guard let index = compiled.rubric.rules.firstIndex(where: { $0.id == id }) else { return nil }
        let doc = TextDocument(text: text, name: "example", normaliser: normaliser)
        let analysis = AccountAnalysis(doc: doc, compiled: compiled)
        let evaluation = RuleEvaluator(analysis: analysis).evaluate(ruleAt: index)
        let spans = evaluation.status == .met ? evaluation.contributing.map { doc.sentences[$0].span } : []
        return (evaluation.status, spans)
    }

    /// Whether `concept` matches anywhere in `text`, and where.
    public func matches(concept ref: ConceptRef, in text: String, normaliser: Normaliser) -> [TextSpan]? {
        guard let index = compiled.index(of: ref) else { return nil }
        let doc = TextDocument(text: text, name: "example", normaliser: normaliser)
        let analysis = AccountAnalysis(doc: doc, compiled: compiled)
        return analysis.facts.flatMap { f in
            f.hits.filter { $0.concept == index }.map {
                TextSpan(start: doc.tokens[$0.firstToken].span.start, end: doc.tokens[$0.lastToken].span.end)
            }
        }
    }
}
