import Foundation
import Synapse
@testable import SynapseNN
import SynapseTestSupport
import Testing

/// Three standardised classes in 20 features: easy for a small network.
private func threeClasses(samples: Int = 600, seed: UInt64 = 3) throws -> (x: Tensor, y: Tensor) {
    let (features, labels) = try Classification.generate(samples: samples, features: 20, informative: 10, redundant: 2, classes: 3, seed: seed)
    var scaler = StandardScaler()
    return (try scaler.fitTransform(features), labels)
}

/// Fits `model` with diagnostics and returns them, the run's error (if it threw) included.
private func diagnose(
    _ model: Sequential, on data: (x: Tensor, y: Tensor), epochs: Int, validation: ValidationSplit = .none, batchSize: Int = 32,
    thresholds: DiagnosticThresholds = DiagnosticThresholds()
) throws -> (record: TrainingDiagnosticsRecord, history: History?, error: (any Error)?) {
    let diagnostics = try TrainingDiagnostics(thresholds: thresholds)
    do {
        let history = try model.fit(data.x, data.y, epochs: epochs, batchSize: batchSize, validationSplit: validation, callbacks: [diagnostics], verbose: 0)
        return (diagnostics.record, history, nil)
    } catch {
        return (diagnostics.record, nil, error)
    }
}

@Suite struct TrainingDiagnosticsTests {
    @Test func aHealthyRunRecordsEveryLayerAndRaisesNothing() throws {
        let model = Sequential(seed: 1) {
            Input(shape: [20])
            Dense(32, activation: .relu)
            Dense(16, activation: .relu)
            Dense(3)
        }
        model.compile(optimizer: Adam(learningRate: 3e-3), loss: .sparseCategoricalCrossentropy(fromLogits: true), metrics: [.accuracy])
        let (record, history, error) = try diagnose(model, on: try threeClasses(), epochs: 10, validation: .shuffled(0.2))
        #expect(error == nil)
        #expect(record.warnings.isEmpty, "\(record.warnings)")
        #expect(record.epochs.map(\.epoch) == Array(0..<10))
        #expect(history?.diagnostics == record)
        let first = try #require(record.epochs.first)
        #expect(first.layers.map(\.layer) == ["dense", "dense_1", "dense_2"])
        for layer in first.layers {
            #expect(layer.gradientNorm! > 0 && layer.weightNorm! > 0 && layer.updateRatio! > 0)
            #expect(layer.activations.nonFiniteFraction == 0)
        }
        #expect(first.layers[0].activations.deadUnitFraction != nil && first.layers[2].activations.deadUnitFraction == nil)
    }

    @Test func aDeadReLULayerIsNamed() throws {
        let model = Sequential(seed: 1) {
            Input(shape: [20])
            Dense(32, activation: .relu, biasInitializer: .constant(-20), name: "stuck")
            Dense(3)
        }
        model.compile(optimizer: Adam(learningRate: 1e-3), loss: .sparseCategoricalCrossentropy(fromLogits: true))
        let (record, _, _) = try diagnose(model, on: try threeClasses(), epochs: 2)
        let dead = record.warnings(of: .deadReLU)
        #expect(dead.count == 1 && dead.first?.layer == "stuck", "\(record.warnings)")
        #expect(record.epochs[0].layers[0].activations.deadUnitFraction == 1)
        #expect(dead.first?.description.contains("100 %") == true)
    }

    @Test func aDeepSigmoidStackShowsVanishingGradientsAndReLUWithHeDoesNot() throws {
        func stack(_ activation: ActivationFunction, initializer: Initializer) -> Sequential {
            let model = Sequential(seed: 1) {
                Input(shape: [20])
                for _ in 0..<8 { Dense(32, activation: activation, kernelInitializer: initializer) }
                Dense(3)
            }
            model.compile(optimizer: SGD(learningRate: 0.1), loss: .sparseCategoricalCrossentropy(fromLogits: true))
            return model
        }
        let sigmoid = try diagnose(stack(.sigmoid, initializer: .glorotUniform), on: try threeClasses(), epochs: 1).record
        let vanishing = sigmoid.warnings(of: .vanishingGradients)
        #expect(vanishing.count == 1, "\(sigmoid.warnings)")
        #expect(vanishing.first?.remedy.contains("He initialisation") == true)
        // Each sigmoid layer passes back at most a quarter of the gradient: 8 layers lose about 4 orders of magnitude.
        #expect(sigmoid.epochs[0].gradientDepthRatio! < 1e-3)
        let norms = sigmoid.epochs[0].layers.map { $0.gradientNorm! }
        #expect(zip(norms, norms.dropFirst()).allSatisfy { $0 < $1 }, "gradient norms grow towards the output: \(norms)")
        let relu = try diagnose(stack(.relu, initializer: .heNormal), on: try threeClasses(), epochs: 1).record
        #expect(relu.warnings.isEmpty, "\(relu.warnings)")
        #expect(relu.epochs[0].gradientDepthRatio! > 0.1)
    }

    @Test func aSaturatedSigmoidAndTanhStackIsCountedAndCalledSaturated() throws {
        let model = Sequential(seed: 1) {
            Input(shape: [20])
            Dense(32, activation: .sigmoid, kernelInitializer: .randomNormal(mean: 0, standardDeviation: 4))
            Dense(32, activation: .tanh, kernelInitializer: .randomNormal(mean: 0, standardDeviation: 4))
            Dense(3)
        }
        model.compile(optimizer: SGD(learningRate: 0.01), loss: .sparseCategoricalCrossentropy(fromLogits: true))
        let record = try diagnose(model, on: try threeClasses(), epochs: 1).record
        let layers = record.epochs[0].layers
        #expect(layers[0].activations.saturatedFraction! > 0.5 && layers[1].activations.saturatedFraction! > 0.5)
        #expect(layers[0].activations.deadUnitFraction == nil && layers[2].activations.saturatedFraction == nil)
        #expect(record.warnings(of: .saturatedActivations).compactMap(\.layer) == ["dense", "dense_1"], "\(record.warnings)")
    }

    @Test func aConfidentSigmoidOutputIsNotCalledSaturated() throws {
        let model = Sequential(seed: 1) {
            Input(shape: [20])
            Dense(16, activation: .relu)
            Dense(1, activation: .sigmoid)
        }
        model.compile(optimizer: Adam(learningRate: 1e-2), loss: .binaryCrossentropy())
        let data = try threeClasses()
        var strict = DiagnosticThresholds()
        strict.saturatedFraction = 0.2
        let labels = try (data.y .> Tensor(0.5)).reshaped(to: [data.y.shape[0], 1])
        let (record, _, _) = try diagnose(model, on: (data.x, labels), epochs: 20, thresholds: strict)
        #expect(record.epochs.last!.layers.last!.activations.saturatedFraction! > 0.2, "the trained output is confident")
        #expect(record.warnings.isEmpty, "\(record.warnings)")
    }

    @Test func softmaxBeforeAFromLogitsLossAndLogitsIntoAProbabilityLossAreCaught() throws {
        func model(_ output: ActivationFunction, fromLogits: Bool, classes: Int = 3) -> Sequential {
            let model = Sequential(seed: 1) {
                Input(shape: [20])
                Dense(16, activation: .relu)
                Dense(classes, activation: output)
            }
            model.compile(optimizer: Adam(learningRate: 1e-3), loss: .sparseCategoricalCrossentropy(fromLogits: fromLogits))
            return model
        }
        let data = try threeClasses()
        let doubleSoftmax = try diagnose(model(.softmax, fromLogits: true), on: data, epochs: 1).record
        #expect(doubleSoftmax.warnings.map(\.kind) == [.probabilitiesIntoLogitsLoss], "\(doubleSoftmax.warnings)")
        #expect(doubleSoftmax.warnings.first?.problem.contains("sparse_categorical_crossentropy") == true)
        let rawLogits = try diagnose(model(.linear, fromLogits: false), on: data, epochs: 1).record
        #expect(rawLogits.warnings.map(\.kind) == [.logitsIntoProbabilityLoss], "\(rawLogits.warnings)")
        for quiet in [model(.softmax, fromLogits: false), model(.linear, fromLogits: true)] {
            #expect(try diagnose(quiet, on: data, epochs: 1).record.warnings.isEmpty)
        }
        // A sigmoid output into binary cross-entropy from logits.
        let binary = Sequential(seed: 1) {
            Input(shape: [20])
            Dense(1, activation: .sigmoid)
        }
        binary.compile(optimizer: Adam(learningRate: 1e-3), loss: .binaryCrossentropy(fromLogits: true))
        let twoClasses = (data.x, try data.y.clamped(to: 0...1).reshaped(to: [data.y.shape[0], 1]))
        #expect(try diagnose(binary, on: twoClasses, epochs: 1).record.warnings.map(\.kind) == [.probabilitiesIntoLogitsLoss])
    }

    @Test func aDivergingLearningRateIsCalledTooHigh() throws {
        let model = Sequential(seed: 1) {
            Input(shape: [20])
            Dense(64, activation: .relu)
            Dense(1, name: "out")
        }
        model.compile(optimizer: SGD(learningRate: 5), loss: .meanSquaredError())
        let data = try threeClasses()
        let (record, _, error) = try diagnose(model, on: (data.x, data.y * 100), epochs: 5)
        #expect(error as? ModelError != nil, "the NaN loss stops training")
        #expect(record.warnings(of: .learningRateTooHigh).count == 1, "\(record.warnings)")
        let nonFinite = try #require(record.warnings(of: .nonFiniteOutput).first)
        #expect(nonFinite.layer == nil && nonFinite.problem.contains("the loss itself overflowed") && nonFinite.problem.contains("'out'"), "\(nonFinite)")
    }

    @Test func theFirstLayerWithANonFiniteOutputIsNamed() throws {
        let model = Sequential(seed: 1) {
            Input(shape: [20])
            Dense(64, activation: .relu, name: "hidden")
            Dense(64, activation: .relu, kernelInitializer: .constant(1e3), name: "wide")
            Dense(64, activation: .relu, kernelInitializer: .constant(1e5), name: "wider")
            Dense(1, name: "out")
        }
        model.compile(optimizer: SGD(learningRate: 1e-3), loss: .meanSquaredError())
        let data = try threeClasses()
        // Inputs near 1e30: 'wide' reaches about 1e34, and 'wider' overflows Float's 3.4e38.
        let huge = data.x * 1e30
        let outputs = try model.layerOutputs([huge], training: false)
        let (record, _, error) = try diagnose(model, on: (huge, data.y), epochs: 1)
        #expect(error != nil)
        let nonFinite = try #require(record.warnings(of: .nonFiniteOutput).first, "\(record.warnings)")
        let culprit = try #require(nonFinite.layer)
        #expect(culprit == "wider")
        let index = try #require(outputs.firstIndex { $0.layer.name == culprit })
        #expect(outputs[index].output.firstNonFiniteIndex != nil)
        #expect(outputs[..<index].allSatisfy { $0.output.firstNonFiniteIndex == nil })
    }

    @Test func aRisingValidationLossIsCalledOverfitting() throws {
        let model = Sequential(seed: 1) {
            Input(shape: [20])
            Dense(256, activation: .relu)
            Dense(256, activation: .relu)
            Dense(3)
        }
        model.compile(optimizer: Adam(learningRate: 3e-3), loss: .sparseCategoricalCrossentropy(fromLogits: true))
        // 80 training rows with 30 % of labels flipped: memorised within a few dozen epochs.
        let (features, labels) = try Classification.generate(samples: 100, features: 20, informative: 4, classes: 3, flipFraction: 0.3, seed: 5)
        let (record, history, _) = try diagnose(model, on: (features, labels), epochs: 40, validation: .shuffled(0.2), batchSize: 16)
        let overfitting = try #require(record.warnings(of: .overfitting).first, "\(record.warnings)")
        #expect(overfitting.problem.contains("validation loss rose"))
        let validation = try #require(history?[.validationLoss])
        #expect(validation[overfitting.epoch] > validation.min()! * 1.1)
    }

    @Test func aTinyLearningRateIsCalledTooLow() throws {
        let model = Sequential(seed: 1) {
            Input(shape: [20])
            Dense(32, activation: .relu)
            Dense(3)
        }
        model.compile(optimizer: SGD(learningRate: 1e-6), loss: .sparseCategoricalCrossentropy(fromLogits: true))
        let record = try diagnose(model, on: try threeClasses(), epochs: 4).record
        #expect(record.warnings.map(\.kind) == [.learningRateTooLow], "\(record.warnings)")
        #expect(record.warnings.first?.problem.contains("1e-06") == true)
    }

    @Test func theRecordTravelsWithTheHistoryThroughJSON() throws {
        let model = Sequential(seed: 1) {
            Input(shape: [20])
            Dense(8, activation: .relu)
            Dense(3)
        }
        model.compile(optimizer: SGD(learningRate: 1e-6), loss: .sparseCategoricalCrossentropy(fromLogits: true))
        let history = try #require(try diagnose(model, on: try threeClasses(), epochs: 3).history)
        let decoded = try JSONDecoder().decode(History.self, from: JSONEncoder().encode(history))
        #expect(decoded.diagnostics == history.diagnostics && decoded.diagnostics?.warnings.isEmpty == false)
        let joined = try history.followed(by: decoded)
        #expect(joined.diagnostics?.epochs.count == 6)
        #expect(throws: ModelError.self) { try TrainingDiagnostics(sampleSize: 0) }
    }
}

@Suite struct ActivationStatisticsTests {
    @Test func figuresMatchHandComputedValues() throws {
        // Two samples, three ReLU units: unit 1 is 0 for both samples (dead), the others are not.
        let relu = ActivationStatistics(of: tensor([2, 3], [1, 0, 3, 0, 0, 2]), activation: .relu)
        #expect(relu.mean == 1 && relu.deadUnitFraction == Float(1) / 3 && relu.saturatedFraction == nil)
        expectClose([relu.standardDeviation], [Float(4.0 / 3).squareRoot()])
        let sigmoid = ActivationStatistics(of: tensor([4, 1], [0.005, 0.5, 0.995, .nan]), activation: .sigmoid)
        #expect(sigmoid.nonFiniteFraction == 0.25 && sigmoid.deadUnitFraction == nil)
        expectClose([sigmoid.saturatedFraction!, sigmoid.mean], [Float(2) / 3, 0.5])
        let tanh = ActivationStatistics(of: tensor([1, 4], [-0.999, 0.2, 0.995, 0]), activation: .tanh)
        #expect(tanh.saturatedFraction == 0.5)
        #expect(ActivationStatistics(of: tensor([1, 2], [1, 2]), activation: nil).saturatedFraction == nil)
    }
}

@Suite struct DiagnosticsDoNotChangeTrainingTests {
    @Test func weightsAndHistoryAreTheSameWithAndWithoutDiagnostics() throws {
        func run(diagnosed: Bool) throws -> (weights: [Tensor], loss: [Float]) {
            let model = Sequential(seed: 4) {
                Input(shape: [20])
                Dense(16, activation: .relu)
                BatchNormalization()
                Dropout(0.3)
                Dense(3)
            }
            model.compile(optimizer: Adam(learningRate: 1e-2), loss: .sparseCategoricalCrossentropy(fromLogits: true))
            let data = try threeClasses(samples: 200)
            let history = try model.fit(data.x, data.y, epochs: 3, callbacks: diagnosed ? [try TrainingDiagnostics()] : [], verbose: 0, seed: 2)
            return (model.parameters.map(\.value), history[.loss])
        }
        let plain = try run(diagnosed: false), diagnosed = try run(diagnosed: true)
        #expect(plain.weights == diagnosed.weights && plain.loss == diagnosed.loss)
    }
}
