import Foundation
import Synapse

/// How `synapse train` and `synapse cv` build and compile a model: the description file's
/// architecture, or a perceptron from `--hidden`; class scores with sparse categorical
/// cross-entropy for classification, one output with mean squared error for regression.
struct ModelTrainingOptions {
    /// A model description file, or `nil` for a perceptron.
    let model: String?
    /// The perceptron's hidden layer sizes.
    let hidden: [Int]
    /// The perceptron's hidden activation.
    let activation: ActivationFunction
    /// What is learnt.
    let task: TaskChoice
    /// The optimizer kind.
    let optimizer: OptimizerChoice
    /// The learning rate, or `nil` for the optimizer's default.
    let learningRate: Float?
    /// The seed of the initial weights.
    let seed: UInt64

    /// A new compiled model for samples of `features` values and these labels.
    ///
    /// - Throws: `CLIError` for invalid options, a model whose output does not fit the task, or
    ///   labels that are not class ids; the description file's errors.
    func compiledModel(features: Int, labels: Tensor) throws -> Sequential {
        let classes = task == .classification ? try ModelTrainingOptions.classCount(labels) : 0
        let network = try buildModel(features: features, classes: classes)
        switch (task, OutputKind(model: network)) {
        case (.classification, .classScores(let logits)):
            network.compile(optimizer: optimizer.make(learningRate: learningRate),
                            loss: .sparseCategoricalCrossentropy(fromLogits: logits), metrics: [.accuracy])
        case (.classification, _):
            throw CLIError("classification needs a model with one output per class (\(classes)); the model ends in a single output")
        case (.regression, _):
            network.compile(optimizer: optimizer.make(learningRate: learningRate), loss: .meanSquaredError(), metrics: [.meanAbsoluteError])
        }
        return network
    }

    /// The description file's model, or a perceptron from the options.
    private func buildModel(features: Int, classes: Int) throws -> Sequential {
        if let model {
            guard let data = FileManager.default.contents(atPath: model) else { throw CLIError("--model: cannot read \(model)") }
            let network = try Sequential(ModelDescription.decoded(from: data, source: model))
            // A description that starts with Input (a CNN's [28, 28, 1]) is built already; its
            // samples take the rows' features reshaped (see `shapedAsSamples`).
            if network.builtInputShape == nil { try network.build(inputShape: [features]) }
            _ = try network.shapedAsSamples(try Tensor.zeros([1, features]))
            return network
        }
        guard hidden.allSatisfy({ $0 >= 1 }) else { throw CLIError("--hidden: sizes must be at least 1, got \(hidden)") }
        return Sequential(seed: seed) {
            Input(shape: [features])
            for units in hidden { Dense(units, activation: activation) }
            Dense(task == .classification ? classes : 1)
        }
    }

    /// The number of classes: the largest label plus one, after checking every label is a
    /// whole number ≥ 0.
    static func classCount(_ labels: Tensor) throws -> Int {
        let values = labels.scalars
        if let bad = values.firstIndex(where: { $0 < 0 || $0 != $0.rounded() }) {
            throw CLIError("classification needs whole-number class labels ≥ 0; row \(bad) has \(values[bad]) (use --task regression for numeric targets)")
        }
        return Int(values.max() ?? 0) + 1
    }
}
