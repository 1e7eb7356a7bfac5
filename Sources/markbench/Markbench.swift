import ArgumentParser

@main
struct Markbench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markbench",
        abstract: "Mark vocational reflective accounts against unit rubrics, explainably and privately.",
        subcommands: [MarkCommand.self, CheckCommand.self, PortfolioCommand.self, SampleCommand.self, AgreeCommand.self, RubricCommand.self, EvaluateCommand.self]
    )
}
