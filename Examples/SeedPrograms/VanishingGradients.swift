import Foundation
import Synapse

/// Why deep sigmoid networks hardly train, and what fixed it: the same ten hidden layers with
/// sigmoid and Glorot initialisation, with ReLU and He initialisation, and with ReLU, He and
/// batch normalisation, each watched by `TrainingDiagnostics`.
///
/// Generated data (3000 rows, 20 features, 10 informative, 4 classes, standardised): 2000 rows
/// to train on, 1000 to test. Each network: 10 × Dense 32 → Dense 4 logits, plain SGD at 0.1
/// (no momentum, no Adam, so nothing hides the gradient's size), 30 epochs, batch 32. The
/// program prints each layer's gradient norm in the first epoch: the sigmoid stack's shrinks
/// about fourfold per layer on its way back (σ′ ≤ 1/4), the ReLU stacks' stays level.
/// Target: the sigmoid stack's first-to-last gradient ratio is below 1e-3 and diagnostics call
/// it vanishing; the ReLU + He stacks' ratios are above 0.1 with no gradient warning; and
/// ReLU + He + batch norm ends at least 20 points more accurate on the test rows than sigmoid.
public func vanishingGradients(seed: UInt64 = 7, verbose: Verbosity = 0, log: (String) -> Void = { print($0) }) throws -> SeedReport {
    let (features, labels) = try Classification.generate(samples: 3000, features: 20, informative: 10, redundant: 2, classes: 4, seed: seed)
    var scaler = StandardScaler()
    let x = try scaler.fitTransform(features[0..<2000]), y = try labels[0..<2000]
    let test = (x: try scaler.transform(features[2000..<3000]), y: try labels[2000..<3000])

    enum Variant: String, CaseIterable { case sigmoid = "sigmoid + Glorot", relu = "relu + He", batchNorm = "relu + He + batch norm" }
    var records: [Variant: TrainingDiagnosticsRecord] = [:], accuracy: [Variant: Float] = [:], denseLayers: [Variant: Set<String>] = [:]
    for variant in Variant.allCases {
        let model = Sequential(name: "vanishing_\(variant)", seed: seed) {
            Input(shape: [20])
            for _ in 0..<10 {
                switch variant {
                case .sigmoid: Dense(32, activation: .sigmoid)
                case .relu: Dense(32, activation: .relu, kernelInitializer: .heNormal)
                case .batchNorm:
                    Dense(32, kernelInitializer: .heNormal)
                    BatchNormalization()
                    Activation(.relu)
                }
            }
            Dense(4)
        }
        model.compile(optimizer: SGD(learningRate: 0.1), loss: .sparseCategoricalCrossentropy(fromLogits: true), metrics: [.accuracy])
        let diagnostics = try TrainingDiagnostics()
        try model.fit(x, y, epochs: 30, batchSize: 32, callbacks: [diagnostics], verbose: verbose, seed: seed)
        records[variant] = diagnostics.record
        denseLayers[variant] = Set(model.layers.filter { $0 is Dense }.map(\.name))
        accuracy[variant] = try model.evaluate(test.x, test.y)[.accuracy] ?? .nan
    }

    func row(_ label: String, _ cells: [String]) { log(label.padding(toLength: 13, withPad: " ", startingAt: 0) + cells.map { $0.leftPadded(to: 24) }.joined()) }
    log("Gradient norm of each Dense layer in the first epoch (layer 1 is nearest the input):")
    row("layer", Variant.allCases.map(\.rawValue))
    let firstEpochs = Variant.allCases.map { variant in
        records[variant]?.epochs.first?.layers.filter { denseLayers[variant]?.contains($0.layer) ?? false } ?? []
    }
    for index in 0..<(firstEpochs.map(\.count).max() ?? 0) {
        row(String(index + 1), firstEpochs.map { layers in index < layers.count ? String(format: "%.2e", Double(layers[index].gradientNorm ?? .nan)) : "" })
    }
    let ratios = Variant.allCases.map { records[$0]?.epochs.first?.gradientDepthRatio ?? .nan }
    row("first ÷ last", ratios.map { String(format: "%.2e", Double($0)) })
    row("test accuracy", Variant.allCases.map { String(format: "%.3f", Double(accuracy[$0] ?? .nan)) })
    for variant in Variant.allCases {
        let warnings = records[variant]?.warnings ?? []
        log("\n\(variant.rawValue): " + (warnings.isEmpty ? "no warnings." : warnings.map { "\n  • \($0)" }.joined()))
    }

    func warned(_ variant: Variant, _ kind: DiagnosticWarning.Kind) -> Bool { !(records[variant]?.warnings(of: kind).isEmpty ?? true) }
    let gradientKinds: [DiagnosticWarning.Kind] = [.vanishingGradients, .explodingGradients]
    let figures: [(name: String, value: Double)] = zip(["sigmoid", "relu_he", "relu_he_batchnorm"], Variant.allCases).flatMap { key, variant in
        [("\(key)_log10_gradient_ratio", log10(Double(records[variant]?.epochs.first?.gradientDepthRatio ?? .nan))), ("\(key)_test_accuracy", Double(accuracy[variant] ?? .nan))]
    }
    let met = ratios[0] < 1e-3 && warned(.sigmoid, .vanishingGradients)
        && ratios[1] > 0.1 && ratios[2] > 0.1 && !gradientKinds.contains { warned(.relu, $0) || warned(.batchNorm, $0) }
        && (accuracy[.batchNorm] ?? 0) >= (accuracy[.sigmoid] ?? 1) + 0.2
    return SeedReport(name: "vanishing", figures: figures,
                      target: "sigmoid ratio < 1e-3 with a vanishing-gradient warning, relu + He ratios > 0.1 without one, batch norm ≥ sigmoid + 0.2 accuracy",
                      metTarget: met)
}

private extension String {
    /// The string with spaces in front, to `width` characters.
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: Swift.max(width - count, 0)) + self }
}
