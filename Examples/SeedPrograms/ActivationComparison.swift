import Foundation
import Synapse

/// The seed's exercise 16: the same network trained with seven activations, compared by
/// training time, epochs to a target accuracy, and final accuracy.
///
/// scikit-learn's 8×8 digits, scaled to [0, 1], stratified 80/20; 64 → 64 → 64 → 10 logits
/// with the activation on both hidden layers, Adam 1e-3, 30 epochs, batch 32, the held-out
/// part as validation data after every epoch. Target: every activation reaches 90 % on the
/// held-out digits.
///
/// - Parameters:
///   - dataDirectory: the folder holding `digits.csv`; `nil` searches as `DatasetCatalogue` does.
public func activationComparison(dataDirectory: URL? = nil, seed: UInt64 = 16, verbose: Verbosity = 0,
                                 log: (String) -> Void = { print($0) }) throws -> SeedReport {
    let (features, labels) = try DatasetCatalogue().digits8x8(from: dataDirectory)
    let split = try trainTestSplit(features / 16, labels, testFraction: 0.2, stratified: true, seed: seed)
    let activations: [(String, ActivationFunction)] = [
        ("sigmoid", .sigmoid), ("tanh", .tanh), ("relu", .relu), ("leaky relu", .leakyRelu(alpha: 0.1)), ("elu", .elu(alpha: 1)),
        ("swish", .swish), ("gelu", .gelu(approximate: false)),
    ]
    let target: Float = 0.95
    var figures: [(name: String, value: Double)] = [], finals: [Float] = []
    log("activation    fit time (s)  epochs to 95 %  final accuracy")
    for (name, activation) in activations {
        let model = Sequential(name: "digits_\(name)", seed: seed) {
            Input(shape: [64])
            Dense(64, activation: activation)
            Dense(64, activation: activation)
            Dense(10)
        }
        model.compile(optimizer: Adam(learningRate: 1e-3), loss: .sparseCategoricalCrossentropy(fromLogits: true), metrics: [.accuracy])
        let clock = ContinuousClock(), start = clock.now
        let history = try model.fit(split.xTrain, split.yTrain, epochs: 30, batchSize: 32, validationData: (split.xTest, split.yTest),
                                    verbose: verbose, seed: seed)
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let accuracies = history[.validationAccuracy]
        let epochsToTarget = accuracies.firstIndex { $0 >= target }.map { $0 + 1 }
        let final = accuracies.last ?? 0
        finals.append(final)
        let epochs = (epochsToTarget.map(String.init) ?? "not reached").padding(toLength: 14, withPad: " ", startingAt: 0)
        log(name.padding(toLength: 13, withPad: " ", startingAt: 0) + String(format: " %12.3f  ", seconds) + epochs + String(format: "  %14.3f", final))
        let key = name.replacingOccurrences(of: " ", with: "_")
        figures += [("\(key)_fit_seconds", seconds), ("\(key)_epochs_to_95", Double(epochsToTarget ?? 0)), ("\(key)_accuracy", Double(final))]
    }
    return SeedReport(name: "activations", figures: figures, target: "every activation ≥ 90 % on the held-out digits",
                      metTarget: finals.allSatisfy { $0 >= 0.9 })
}
