import ArgumentParser
import Foundation
import Synapse

/// `synapse plot`: training curves from a CSV log or a saved History, as SVG.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw training curves (loss and metrics, training vs validation) as an SVG file.",
        discussion: """
            The input is a CSV log (written by the CSVLogger callback: an epoch column, then one \
            column per figure such as loss and val_loss) or a History saved as JSON (synapse \
            train --history, or JSONEncoder on a History).

            Examples:
              synapse plot training.csv --output curves.svg
              synapse plot history.json --output curves.svg
            """)

    @Argument(help: "The CSV log or History JSON file.")
    var input: String

    @Option(help: "The SVG file to write.")
    var output = "curves.svg"

    func run() throws {
        try CLIError.reportingFailures {
            let url = URL(fileURLWithPath: input)
            let history: History
            if input.hasSuffix(".json") {
                guard let data = FileManager.default.contents(atPath: url.path) else { throw CLIError("\(input): cannot read the file") }
                do {
                    let decoder = JSONDecoder()
                    decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
                    history = try decoder.decode(History.self, from: data)
                } catch {
                    throw CLIError("\(input): expected a History as JSON ({\"epochs\": [...], \"values\": {\"loss\": [...]}}), got \(error)")
                }
            } else {
                let table = try CSV.read(contentsOf: url)
                guard table.columns.contains("epoch") else { throw CLIError("\(input): expected an epoch column (a CSVLogger log), found \(table.columns)") }
                let figures = table.columns.filter { $0 != "epoch" }
                history = try History(epochs: try table.values(column: "epoch").map { Int($0) },
                                      values: Dictionary(uniqueKeysWithValues: try figures.map { (MetricKey(keras: $0), try table.values(column: $0)) }))
            }
            try history.plot(to: URL(fileURLWithPath: output))
            print("curves written to \(output)")
        }
    }
}
