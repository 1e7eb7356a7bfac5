/// ANSI styling that is a no-op when colour is off.
struct TerminalStyle {
    let colour: Bool

    private func wrap(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { wrap(s, "1") }
    func dim(_ s: String) -> String { wrap(s, "2") }
    func green(_ s: String) -> String { wrap(s, "32") }
    func yellow(_ s: String) -> String { wrap(s, "33") }
    func red(_ s: String) -> String { wrap(s, "31") }
    func cyan(_ s: String) -> String { wrap(s, "36") }

    func status(_ s: EvidenceStatusText) -> String {
        switch s {
        case .met: green("MET   ")
        case .partly: yellow("PARTLY")
        case .not: red("NOT   ")
        }
    }
}

enum EvidenceStatusText { case met, partly, not }
