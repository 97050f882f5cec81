import Synapse

/// A 1-D convolutional network finds a short pulse (an ECG-like beat) hidden at a random place
/// in a noisy series, where a dense network of about the same size struggles.
///
/// Generated data (`PulseSeries`): 4000 training and 2000 test series of 128 steps, half with a
/// pulse. The convolutional model: Conv1D 16×9 relu → MaxPooling1D 2 → Conv1D 32×5 relu →
/// GlobalMaxPooling1D → Dense 1 sigmoid; the baseline: Flatten → Dense 32 relu → Dense 1
/// sigmoid; both binary cross-entropy, Adam 3e-3, 20 epochs, batch 32. Target: the
/// convolutional model ≥ 0.95 test accuracy.
public func pulseDetection(seed: UInt64 = 3, verbose: Verbosity = 0, log: (String) -> Void = { print($0) }) throws -> SeedReport {
    let (x, y) = try PulseSeries.generate(count: 4000, seed: seed)
    let (xTest, yTest) = try PulseSeries.generate(count: 2000, seed: seed + 1)

    let convolutional = Sequential(name: "pulse_cnn", seed: seed) {
        Input(shape: [128, 1])
        Conv1D(16, kernelSize: 9, padding: .same, activation: .relu)
        MaxPooling1D(poolSize: 2)
        Conv1D(32, kernelSize: 5, activation: .relu)
        GlobalMaxPooling1D()
        Dense(1, activation: .sigmoid)
    }
    let dense = Sequential(name: "pulse_dense", seed: seed) {
        Input(shape: [128, 1])
        Flatten()
        Dense(32, activation: .relu)
        Dense(1, activation: .sigmoid)
    }
    var accuracies: [Double] = []
    for model in [convolutional, dense] {
        model.compile(optimizer: Adam(learningRate: 3e-3), loss: .binaryCrossentropy(), metrics: [.accuracy])
        try model.fit(x, y, epochs: 20, batchSize: 32, verbose: verbose, seed: seed)
        let test = try model.evaluate(xTest, yTest)
        accuracies.append(Double(test[.accuracy] ?? 0))
        log("\(model.name): \(model.parameterCount) parameters, test accuracy \(String(format: "%.4f", accuracies.last!))")
    }
    return SeedReport(
        name: "conv1d",
        figures: [("test_accuracy_conv1d", accuracies[0]), ("test_accuracy_dense", accuracies[1]),
                  ("parameters_conv1d", Double(convolutional.parameterCount)), ("parameters_dense", Double(dense.parameterCount))],
        target: "Conv1D test accuracy ≥ 0.95", metTarget: accuracies[0] >= 0.95)
}
