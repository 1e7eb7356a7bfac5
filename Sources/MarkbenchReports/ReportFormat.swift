import MarkbenchDiagnostics
import MarkbenchEngine
import RubricModel

/// The formats every report can be written in.
public enum ReportFormat: String, Sendable, CaseIterable {
    case terminal, markdown, html, json

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .terminal: "txt"
        case .markdown: "md"
        case .html: "html"
        case .json: "json"
        }
    }
}

/// What a reporter needs: the engine's result, the account's text (to quote and highlight it)
/// and the rubric (for guidance wording). Reporters render; they never re-judge.
public struct ReportInput: Sendable {
    public var result: MarkingResult
    public var text: String
    public var rubric: Rubric

    public init(result: MarkingResult, text: String, rubric: Rubric) {
        self.result = result
        self.text = text
        self.rubric = rubric
    }
}

/// Options that change only how a report looks.
public struct RenderOptions: Sendable {
    /// ANSI colour in terminal output (only on a terminal, never with NO_COLOR).
    public var colour: Bool

    public init(colour: Bool = false) { self.colour = colour }
}

/// A report writer: one per audience and format.
public protocol Reporter {
    /// A stable identifier, e.g. "assessor-html".
    static var identifier: String { get }
    static func render(_ input: ReportInput, options: RenderOptions) -> String
}

/// Helpers shared by the writers.
enum Text {
    static func escapeHTML(_ s: String) -> String { Escaping.html(s) }

    static func escapeMarkdown(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_[]<>|#".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    static func shorten(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }

    static func status(_ s: EvidenceStatus) -> String {
        switch s {
        case .met: "met"
        case .partlyMet: "partly met"
        case .notMet: "not met"
        }
    }

    static func decision(_ d: Decision.Outcome) -> String {
        d == .competent ? "Competent" : "Not yet competent"
    }
}

/// Who a report is written for.
public enum ReportAudience: Sendable {
    /// The assessor's pre-marking report (`markbench mark`).
    case assessor
    /// The learner's self-check (`markbench check`).
    case learner
}

/// The one place that picks a writer for an audience and a format.
public enum ReportRenderer {
    public static func render(_ input: ReportInput, audience: ReportAudience, format: ReportFormat,
                              options: RenderOptions = .init()) throws -> String {
        switch (audience, format) {
        case (.assessor, .terminal): AssessorTerminalReport.render(input, options: options)
        case (.assessor, .markdown): AssessorMarkdownReport.render(input, options: options)
        case (.assessor, .html): AssessorHTMLReport.render(input, options: options)
        case (.assessor, .json): try JSON.encode(input.result) + "\n"
        case (.learner, .terminal): LearnerTerminalReport.render(input, options: options)
        case (.learner, .markdown): LearnerMarkdownReport.render(input, options: options)
        case (.learner, .html): LearnerHTMLReport.render(input, options: options)
        case (.learner, .json): try JSON.encode(LearnerFeedback(input)) + "\n"
        }
    }
}
