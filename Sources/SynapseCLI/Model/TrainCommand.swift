import ArgumentParser
import Foundation
import Synapse

/// `synapse train`: trains a model on a dataset and saves it.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a model on a dataset and save it.",
        discussion: """
            The model is a multilayer perceptron built from --hidden and --activation (its input \
            and output sizes come from the data), or the architecture in a model description \
            file (--model, JSON; the same model.json that a saved model holds). Classification \
            trains class scores with sparse categorical cross-entropy; regression one output \
            with mean squared error.

            Examples:
              synapse train --data mnist --hidden 128,64 --epochs 5 --output mnist-mlp
              synapse train --data iris --hidden 10 --optimizer sgd --learning-rate 0.1 --epochs 100 --output iris-model
              synapse train --data points.csv --label-column y --task regression --output fit
              synapse train --model digits.json --data digits8x8 --output digits-model
              synapse train --data mnist --epochs 20 --checkpoint run --output m            # a checkpoint each epoch
              synapse train --data mnist --epochs 20 --checkpoint run --resume --output m   # after a crash: continue
            """)

    @OptionGroup var arguments: ModelArguments

    @Option(help: "The fraction of training rows held out (shuffled with --seed) to report validation figures.")
    var validationSplit: Float = 0.1

    @Option(help: "The folder to save the trained model to (model.json and weights.safetensors).")
    var output: String

    @Option(help: "Also write an HTML report of the run (model, curves, figures; for classifiers the classification report, confusion matrix and mistakes), measured on the test part or else the training data.")
    var report: String?

    @Option(help: "Also save the History (every epoch's figures) as JSON, for synapse plot.")
    var history: String?

    @Option(help: "Write a checkpoint (model, optimizer state, history) to this folder after every epoch, crash-safe.")
    var checkpoint: String?

    @Flag(help: "Continue the run checkpointed in --checkpoint; with the same data, --epochs and --seed the final weights equal an uninterrupted run's.")
    var resume = false

    @Flag(help: "Record per-layer gradient norms, weight norms and output statistics each epoch, print them with plain-language warnings (dead ReLU units, vanishing or exploding gradients, probabilities into a from-logits loss, overfitting, a learning rate too high or too low, the first layer to output NaN), and add them to --history and --report.")
    var diagnose = false

    @Flag(help: "Print only the final figures.")
    var quiet = false

    func run() throws {
        try CLIError.reportingFailures {
            let (train, test) = try arguments.loadData()
            let network = try arguments.training.compiledModel(features: train.x.shape[1], labels: train.y)
            if !quiet { print(network.summary()) }
            let checkpointURL = checkpoint.map { URL(fileURLWithPath: $0) }
            var resumePoint: ResumePoint?
            if resume {
                guard let checkpointURL else { throw CLIError("--resume needs --checkpoint DIR, the folder of the run to continue") }
                resumePoint = try network.resumeTraining(from: checkpointURL)
                if !quiet { print("resuming after epoch \(resumePoint?.initialEpoch ?? 0) of \(arguments.epochs) from \(checkpointURL.path)") }
            }
            let diagnostics = diagnose ? try TrainingDiagnostics() : nil
            let callbacks: [any Callback] = (checkpointURL.map { [ModelCheckpoint(directory: $0, resuming: resumePoint)] } ?? []) + (diagnostics.map { [$0] } ?? [])
            let trained = try Self.printingDiagnostics(diagnostics) { try network.fit(try network.shapedAsSamples(train.x), train.y, epochs: arguments.epochs, batchSize: arguments.batchSize,
                                          validationSplit: validationSplit == 0 ? .none : .shuffled(validationSplit),
                                          callbacks: callbacks, verbose: quiet ? 0 : 1, seed: arguments.seed,
                                          initialEpoch: resumePoint?.initialEpoch ?? 0) }
            let record = try resumePoint?.history.followed(by: trained) ?? trained
            var figures = record.keys.map { "\($0): \(String(format: "%.4f", record[$0].last ?? .nan))" }
            if let test {
                for (key, value) in try network.evaluate(try network.shapedAsSamples(test.x), test.y, batchSize: 256) { figures.append("test_\(key): \(String(format: "%.4f", value))") }
            }
            try network.save(to: URL(fileURLWithPath: output))
            if let history {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
                try encoder.encode(record).write(to: URL(fileURLWithPath: history), options: .atomic)
            }
            if let report {
                let (x, y) = test ?? train
                try RunReport.write(to: report, title: "Synapse: training on \(arguments.data)", model: network, history: record,
                                    x: x, y: y, data: test == nil ? "the training data" : "the test data")
            }
            print(figures.sorted().joined(separator: "\n"))
            print("saved to \(output)")
        }
    }

    /// Runs `fit`, then prints `diagnostics`' summary (when given), also when `fit` throws, so a
    /// run stopped by a NaN loss still says which layer broke.
    static func printingDiagnostics(_ diagnostics: TrainingDiagnostics?, _ fit: () throws -> History) throws -> History {
        defer { if let diagnostics { print("\n" + diagnostics.record.summary() + "\n") } }
        return try fit()
    }
}
