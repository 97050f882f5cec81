import ArgumentParser
import Foundation
import Synapse

/// `synapse cv`: k-fold cross-validation of a model on a dataset.
struct CrossValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cv",
        abstract: "Cross-validate a model on a dataset: each fold's figures and their mean ± std.",
        discussion: """
            The model is a description file (--model) or a perceptron from --hidden, as for \
            synapse train; each fold trains a fresh copy on the other folds' rows and is \
            measured on its own. Classification uses stratified folds (class proportions kept).

            Examples:
              synapse cv --data iris --hidden 10 --folds 5 --epochs 100 --batch-size 16
              synapse cv --model digits.json --data digits8x8 --folds 3
            """)

    @OptionGroup var arguments: ModelArguments

    @Option(help: "The number of folds (at least 2).")
    var folds = 5

    func run() throws {
        try CLIError.reportingFailures {
            let (train, _) = try arguments.loadData()
            let seed = arguments.seed
            let splits = arguments.task == .classification
                ? try StratifiedKFold(folds: folds, shuffle: true, seed: seed).splits(labels: train.y)
                : try KFold(folds: folds, shuffle: true, seed: seed).splits(count: train.x.shape[0])
            // Every fold's model takes the same sample shape; the first one tells it.
            let samples = try arguments.training.compiledModel(features: train.x.shape[1], labels: train.y).shapedAsSamples(train.x)
            let result = try crossValidate(samples, train.y, folds: splits, epochs: arguments.epochs, batchSize: arguments.batchSize, seed: seed) { _ in
                try arguments.training.compiledModel(features: train.x.shape[1], labels: train.y)
            }
            for (index, figures) in result.folds.enumerated() {
                print("fold \(index + 1): " + result.keys.map { "\($0): \(String(format: "%.4f", figures[$0] ?? .nan))" }.joined(separator: ", "))
            }
            print("mean ± std over \(folds) folds: \(result)")
        }
    }
}
