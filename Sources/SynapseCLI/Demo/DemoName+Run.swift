import Foundation
import SeedPrograms
import Synapse

extension DemoName {
    /// Runs the demo's seed program.
    ///
    /// - Parameters:
    ///   - dataFolder: the folder holding the datasets' subfolders (`mnist/`, `iris/`); `nil`
    ///     searches `$SYNAPSE_DATA` then `~/.cache/synapse/datasets`.
    ///   - seed: the seed of the weights and batch order; `nil` keeps the program's own.
    ///   - verbose: how much `fit` reports.
    ///   - minutes: the training budget of demos that train against the clock (`charlm`).
    ///   - log: where the program's notes (the model summary, …) go.
    /// - Throws: `DemoError` when the dataset cannot be read, saying where it looked and that
    ///   `SYNAPSE_DATA` or `--data` names the folder; the program's other errors as they are.
    func run(dataFolder: URL?, seed: UInt64?, verbose: Verbosity, minutes: Double = 15, log: (String) -> Void) throws -> DemoOutcome {
        let data = datasetFolder.flatMap { folder in dataFolder?.appendingPathComponent(folder, isDirectory: true) }
        do {
            switch self {
            case .coffee:
                return .report(try seed.map { try coffeeRoasting(seed: $0, verbose: verbose, log: log) } ?? coffeeRoasting(verbose: verbose, log: log))
            case .binaryDigits:
                return .report(try SeedPrograms.binaryDigits(dataDirectory: data, seed: seed ?? 0, verbose: verbose, log: log))
            case .digits:
                return .digits(try digitRecognition(dataDirectory: data, seed: seed ?? 0, verbose: verbose, log: log))
            case .multilabel:
                return .report(try seed.map { try multiLabel(seed: $0, verbose: verbose, log: log) } ?? multiLabel(verbose: verbose, log: log))
            case .regression:
                return .report(try seed.map { try SeedPrograms.regression(seed: $0, verbose: verbose, log: log) } ?? SeedPrograms.regression(verbose: verbose, log: log))
            case .iris:
                return .report(try seed.map { try irisClassifier(dataDirectory: data, seed: $0, verbose: verbose, log: log) }
                    ?? irisClassifier(dataDirectory: data, verbose: verbose, log: log))
            case .cnn:
                return .report(try convolutionalDigits(dataDirectory: data, seed: seed ?? 0, verbose: verbose, log: log))
            case .conv1d:
                return .report(try seed.map { try pulseDetection(seed: $0, verbose: verbose, log: log) } ?? pulseDetection(verbose: verbose, log: log))
            case .deep:
                return .report(try seed.map { try deepClassifier(seed: $0, verbose: verbose, log: log) } ?? deepClassifier(verbose: verbose, log: log))
            case .overfitting:
                return .report(try seed.map { try SeedPrograms.overfitting(seed: $0, verbose: verbose, log: log) } ?? SeedPrograms.overfitting(verbose: verbose, log: log))
            case .activations:
                return .report(try activationComparison(dataDirectory: data, seed: seed ?? 16, verbose: verbose, log: log))
            case .transfer:
                return .report(try transferLearning(dataDirectory: data, seed: seed ?? 0, verbose: verbose, log: log))
            case .gan:
                let samples = URL(fileURLWithPath: "gan-samples", isDirectory: true)
                log("generated digits go to \(samples.path)/")
                return .report(try generativeAdversarial(dataDirectory: data, sampleDirectory: samples, seed: seed ?? 0, log: log))
            case .resnet:
                return .report(try residualDigits(dataDirectory: data, seed: seed ?? 0, verbose: verbose, log: log))
            case .vanishing:
                return .report(try seed.map { try vanishingGradients(seed: $0, verbose: verbose, log: log) } ?? vanishingGradients(verbose: verbose, log: log))
            case .charlm:
                return .report(try characterLanguageModel(dataDirectory: data, minutes: minutes, seed: seed ?? 42, verbose: verbose, log: log))
            case .forecast:
                return .report(try seed.map { try seriesForecasting(seed: $0, verbose: verbose, log: log) } ?? seriesForecasting(verbose: verbose, log: log))
            }
        } catch let error as DataError {
            let folder = datasetFolder.map { "\($0)/" } ?? "its data"
            throw DemoError("demo \(rawValue) could not read its data: \(error) (or pass --data-dir <folder that contains \(folder)>)")
        }
    }
}
