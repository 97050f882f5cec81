import Synapse

/// Seed 004's deep classifier: scikit-learn-style generated data (1000 samples, 20 features,
/// 15 informative, 3 classes), standardised on the training part, an 80/20 split; Dense 64 relu
/// → BatchNormalization → Dropout 0.3 → Dense 32 relu → BatchNormalization → Dropout 0.3 →
/// Dense 16 relu → BatchNormalization → Dropout 0.2 → Dense 3 softmax; Adam 1e-3, 50 epochs,
/// batch 32, 20 % of the training part for validation. Target: test accuracy ≥ 0.75 (the seed
/// states no figure; this guards against regressions).
public func deepClassifier(seed: UInt64 = 42, verbose: Verbosity = 0, log: (String) -> Void = { print($0) }) throws -> SeedReport {
    let (features, labels) = try Classification.generate(samples: 1000, features: 20, informative: 15, redundant: 2, classes: 3, seed: seed)
    let split = try trainTestSplit(features, labels, testFraction: 0.2, seed: seed)
    var scaler = StandardScaler()
    let xTrain = try scaler.fitTransform(split.xTrain), xTest = try scaler.transform(split.xTest)

    let model = Sequential(name: "deep_classifier", seed: seed) {
        Input(shape: [20])
        Dense(64, activation: .relu)
        BatchNormalization()
        Dropout(0.3)
        Dense(32, activation: .relu)
        BatchNormalization()
        Dropout(0.3)
        Dense(16, activation: .relu)
        BatchNormalization()
        Dropout(0.2)
        Dense(3, activation: .softmax)
    }
    log(model.summary())
    model.compile(optimizer: Adam(learningRate: 1e-3), loss: .sparseCategoricalCrossentropy(), metrics: [.accuracy])
    let history = try model.fit(xTrain, split.yTrain, epochs: 50, batchSize: 32, validationSplit: .shuffled(0.2), verbose: verbose, seed: seed)
    let test = try model.evaluate(xTest, split.yTest)
    let accuracy = Double(test[.accuracy] ?? 0)
    log("validation accuracy after 50 epochs: \(String(format: "%.4f", history[.validationAccuracy].last ?? .nan))")
    return SeedReport(
        name: "deep",
        figures: [("test_accuracy", accuracy), ("test_loss", Double(test[.loss] ?? .nan)),
                  ("validation_accuracy", Double(history[.validationAccuracy].last ?? .nan)), ("test_samples", Double(xTest.shape[0]))],
        target: "test accuracy ≥ 0.75", metTarget: accuracy >= 0.75)
}
