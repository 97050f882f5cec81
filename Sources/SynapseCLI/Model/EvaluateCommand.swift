import ArgumentParser
import Foundation
import Synapse

/// `synapse evaluate`: measures a saved model on a dataset.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure a saved model on a dataset: accuracy for classifiers, errors for regression.",
        discussion: """
            Uses the dataset's test part when it has one (mnist), else all its rows.

            Example:
              synapse evaluate mnist-mlp --data mnist
            """)

    @Argument(help: "The saved model's folder (from synapse train or Sequential.save(to:)).")
    var modelPath: String

    @Option(help: "The data: mnist, iris, digits8x8, a .csv file or a .npz file (as for synapse train).")
    var data: String

    @Option(help: "The datasets folder (default: SYNAPSE_DATA, then ~/.cache/synapse/datasets).")
    var dataDir: String?

    @Option(help: "The label column of a CSV file.")
    var labelColumn = "label"

    @Option(help: "Also write an HTML report (model, figures; for classifiers the classification report, confusion matrix and mistakes).")
    var report: String?

    func run() throws {
        try CLIError.reportingFailures {
            let model = try ModelFolder.load(from: URL(fileURLWithPath: modelPath))
            let (train, test) = try DataSource(argument: data, labelColumn: labelColumn).load(directory: dataDir.map { URL(fileURLWithPath: $0) })
            let (x, y) = test ?? train
            let outputs = try model.predict(try model.shapedAsSamples(x), batchSize: 256)
            let kind = OutputKind(model: model)
            let predicted = try kind.predictions(outputs), expected = y.scalars
            guard predicted.count == expected.count else {
                throw CLIError("the model gives \(predicted.count) predictions for \(expected.count) labels; is --data the dataset it was trained on?")
            }
            if let report {
                try RunReport.write(to: report, title: "Synapse: \(modelPath) on \(data)", model: model, history: nil, x: x, y: y,
                                    data: test == nil ? data : "the test part of \(data)")
            }
            switch kind {
            case .value:
                let squared = zip(predicted, expected).map { Double($0 - $1) * Double($0 - $1) }
                let mse = squared.reduce(0, +) / Double(max(squared.count, 1))
                print(String(format: "samples: %d\nmean_squared_error: %.6f\nroot_mean_squared_error: %.6f", squared.count, mse, mse.squareRoot()))
            default:
                let correct = zip(predicted, expected).filter { $0 == $1 }.count
                print(String(format: "samples: %d\naccuracy: %.4f", expected.count, Double(correct) / Double(max(expected.count, 1))))
            }
        }
    }
}
