import Foundation
import Synapse

/// Overfitting and three cures: a wide network on too little data learns its training rows by
/// heart while its validation loss climbs; dropout, an L2 penalty and early stopping each keep
/// it closer to the data it has not seen.
///
/// Generated data (1200 rows, 20 features, 6 informative, 2 classes, 10 % of labels flipped):
/// 200 rows to train on, 500 to validate, 500 to test. The model: Dense 256 relu → Dense 256
/// relu → Dense 1 sigmoid, Adam 1e-3, 100 epochs, batch 16; the variants add Dropout 0.5 after
/// each hidden layer, an L2 penalty of 1e-3 on the kernels, or EarlyStopping on the validation
/// loss (patience 10, best weights restored). Target: the plain model's validation loss ends
/// at least 50 % above its best (it overfits), and every cure ends below the plain model's.
public func overfitting(seed: UInt64 = 9, verbose: Verbosity = 0, log: (String) -> Void = { print($0) }) throws -> SeedReport {
    let (features, labels) = try Classification.generate(samples: 1200, features: 20, informative: 6, redundant: 2, classes: 2,
                                                         flipFraction: 0.1, seed: seed)
    var scaler = StandardScaler()
    let x = try scaler.fitTransform(features[0..<200]), y = try labels[0..<200]
    let validation = (try scaler.transform(features[200..<700]), try labels[200..<700])
    let test = (try scaler.transform(features[700..<1200]), try labels[700..<1200])

    enum Variant: String, CaseIterable { case plain, dropout, l2, earlyStopping = "early stopping" }
    var figures: [(name: String, value: Double)] = []
    var finalValidationLoss: [Variant: Float] = [:], plainBest: Float = .nan
    log("variant          train acc  val acc  test acc  best val loss (epoch)  final val loss")
    for variant in Variant.allCases {
        let model = Sequential(name: "overfitting_\(variant)", seed: seed) {
            Input(shape: [20])
            Dense(256, activation: .relu, kernelRegularizer: variant == .l2 ? .l2(1e-3) : nil)
            if variant == .dropout { Dropout(0.5) }
            Dense(256, activation: .relu, kernelRegularizer: variant == .l2 ? .l2(1e-3) : nil)
            if variant == .dropout { Dropout(0.5) }
            Dense(1, activation: .sigmoid)
        }
        model.compile(optimizer: Adam(learningRate: 1e-3), loss: .binaryCrossentropy(), metrics: [.accuracy])
        let callbacks: [any Callback] = variant == .earlyStopping ? [EarlyStopping(patience: 10, restoreBestWeights: true)] : []
        let history = try model.fit(x, y, epochs: 100, batchSize: 16, validationData: validation, callbacks: callbacks, verbose: verbose, seed: seed)
        let losses = history[.validationLoss]
        let best = losses.min() ?? .nan, bestEpoch = losses.firstIndex(of: best) ?? 0
        // What the model ends with: for early stopping, the restored best weights.
        let ending = try model.evaluate(validation.0, validation.1), tested = try model.evaluate(test.0, test.1)
        let trained = try model.evaluate(x, y)
        finalValidationLoss[variant] = ending[.loss] ?? .nan
        if variant == .plain { plainBest = best }
        log(variant.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: " %9.3f %8.3f %9.3f %14.3f (%3d) %15.3f", trained[.accuracy] ?? .nan,
                   ending[.accuracy] ?? .nan, tested[.accuracy] ?? .nan, best, bestEpoch + 1, ending[.loss] ?? .nan))
        let key = variant.rawValue.replacingOccurrences(of: " ", with: "_")
        figures += [("\(key)_train_accuracy", Double(trained[.accuracy] ?? .nan)), ("\(key)_test_accuracy", Double(tested[.accuracy] ?? .nan)),
                    ("\(key)_final_validation_loss", Double(ending[.loss] ?? .nan))]
    }
    let plain = finalValidationLoss[.plain] ?? .nan
    let overfits = plain >= 1.5 * plainBest
    let cured = Variant.allCases.dropFirst().allSatisfy { (finalValidationLoss[$0] ?? .infinity) < plain }
    return SeedReport(name: "overfitting", figures: figures,
                      target: "the plain model's final validation loss ≥ 1.5 × its best, and every cure ends below it",
                      metTarget: overfits && cured)
}
