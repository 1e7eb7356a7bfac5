import ArgumentParser
import Foundation

@main
struct Markbench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markbench",
        abstract: "Mark vocational reflective accounts against unit rubrics, explainably and privately.",
        subcommands: [MarkCommand.self, CheckCommand.self, PortfolioCommand.self, SampleCommand.self, AgreeCommand.self,
                      RubricCommand.self, EvaluateCommand.self]
    )

    /// Errors already worded for the user (`file:line:col: error: … — what to do`) are printed as
    /// they are, without ArgumentParser's "Error: " prefix; everything else goes through it.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as CLIError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}
