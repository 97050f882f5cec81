import ArgumentParser
import Foundation
import Synapse

/// `synapse summary`: prints a saved model's layers and parameter counts.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Print a saved model's layers, output shapes and parameter counts (Keras's summary).",
        discussion: "Example:\n  synapse summary mnist-mlp")

    @Argument(help: "The saved model's folder.")
    var modelPath: String

    func run() throws {
        try CLIError.reportingFailures {
            print(try ModelFolder.load(from: URL(fileURLWithPath: modelPath)).summary())
        }
    }
}
