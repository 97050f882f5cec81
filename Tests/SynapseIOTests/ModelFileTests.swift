import Foundation
import Synapse
import SynapseTestSupport
import Testing

@Suite struct ModelFileTests {
    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("synapse-model-\(UUID().uuidString)")
    }

    @Test func aSavedModelLoadsWithIdenticalPredictions() throws {
        var generator = RandomGenerator(seed: 3)
        let x = try Tensor.randomNormal([20, 4], using: &generator)
        let y = try (x.sum(alongAxes: [1], keepingDimensions: true) .> Tensor(0.0))
        let model = Sequential(name: "tiny", seed: 4) { Input(shape: [4]); Dense(6, activation: .relu); Dense(1, activation: .sigmoid) }
        model.compile(optimizer: Adam(learningRate: 0.01), loss: .binaryCrossentropy())
        try model.fit(x, y, epochs: 3, verbose: 0)
        let url = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url)
        try model.save(to: url)   // replacing an existing model works too
        let loaded = try Sequential.load(from: url)
        #expect(loaded.name == "tiny" && loaded.layers.map(\.name) == model.layers.map(\.name))
        #expect(try loaded.predict(x) == model.predict(x))
        let names = try SafeTensors.read(contentsOf: url.appendingPathComponent("weights.safetensors")).tensors.keys.sorted()
        #expect(names == ["dense/bias", "dense/kernel", "dense_1/bias", "dense_1/kernel"])
    }

    /// Every layer kind goes through a model folder and back: the architecture from
    /// `model.json`, the trained weights from `weights.safetensors`, the same predictions.
    @Test func everyLayerKindRoundTripsThroughAModelFolder() throws {
        var generator = RandomGenerator(seed: 8)
        let images = try Tensor.randomNormal([6, 12, 10, 2], using: &generator)
        let labels = try Tensor(shape: [6], scalars: [0, 1, 2, 0, 1, 2])
        let model = Sequential(name: "every_layer", seed: 6) {
            Input(shape: [12, 10, 2])
            RandomFlip(.horizontal)
            RandomTranslation(heightFactor: 0.1, widthFactor: 0.1)
            RandomRotation(factor: 0.05)
            RandomZoom(heightFactor: 0.1)
            GaussianNoise(stddev: 0.1)
            ZeroPadding2D(padding: 1)
            Conv2D(4, kernelSize: 3, activation: .relu)
            BatchNormalization()
            Dropout(0.2)
            SpatialDropout2D(0.1)
            GaussianDropout(0.1)
            LayerNormalization()
            MaxPooling2D(poolSize: 2)
            Conv2DTranspose(3, kernelSize: 2, strides: 2, activation: .elu(alpha: 1))
            Cropping2D(cropping: Margins2D(vertical: 1, horizontal: 0))
            AveragePooling2D(poolSize: 2)
            UpSampling2D(size: [1, 2])
            GlobalMaxPooling2D()
            Reshape([3, 1])
            Conv1D(2, kernelSize: 2, activation: .tanh)
            MaxPooling1D(poolSize: 1)
            AveragePooling1D(poolSize: 1)
            Flatten()
            Dense(3)
            Activation(.softmax)
        }
        model.compile(optimizer: Adam(learningRate: 0.01), loss: .sparseCategoricalCrossentropy())
        try model.fit(images, labels, epochs: 2, batchSize: 3, verbose: 0)
        let url = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url)
        let loaded = try Sequential.load(from: url)
        #expect(loaded.layers.map { "\(type(of: $0))" } == model.layers.map { "\(type(of: $0))" })
        #expect(try loaded.predict(images) == model.predict(images))
    }

    /// The sequence layers, wrappers included, go through a model folder and back.
    @Test func everySequenceLayerKindRoundTripsThroughAModelFolder() throws {
        var generator = RandomGenerator(seed: 8)
        let tokens = try Tensor(shape: [4, 6], scalars: (0..<24).map { Float(($0 * 7) % 9) })
        let labels = try Tensor(shape: [4, 6], scalars: (0..<24).map { Float($0 % 3) })
        let model = Sequential(name: "every_sequence_layer", seed: 6) {
            Input(shape: [6])
            Embedding(inputDimension: 9, outputDimension: 4, maskZero: true)
            Bidirectional(LSTM(3, returnSequences: true, dropout: 0.1, recurrentDropout: 0.1), mergeMode: .sum)
            GRU(5, returnSequences: true, goBackwards: true)
            SimpleRNN(4, activation: .relu, returnSequences: true)
            TimeDistributed(Dense(3))
        }
        model.compile(optimizer: Adam(learningRate: 0.01), loss: .sparseCategoricalCrossentropy(fromLogits: true))
        try model.fit(tokens, labels, epochs: 2, batchSize: 2, verbose: 0)
        let url = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url)
        let loaded = try Sequential.load(from: url)
        #expect(loaded.layers.map { "\(type(of: $0))" } == model.layers.map { "\(type(of: $0))" })
        #expect(try loaded.predict(tokens) == model.predict(tokens))
        let series = Sequential(name: "masked_series", seed: 2) { Input(shape: [5, 2]); Masking(maskValue: -1); LSTM(2) }
        try series.save(to: url)
        let values = try Tensor.randomNormal([3, 5, 2], using: &generator)
        #expect(try Sequential.load(from: url).predict(values) == series.predict(values))
    }

    @Test func missingUnknownAndMisshapenWeightsAreReported() throws {
        let model = Sequential { Input(shape: [2]); Dense(3) }
        let url = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url)
        let weightsURL = url.appendingPathComponent("weights.safetensors")
        try SafeTensors.write(["dense/kernel": try Tensor.zeros([2, 3])], to: weightsURL)
        #expect("\(#expect(throws: ModelError.self) { try Sequential.load(from: url) }!)".contains("'dense/bias'"))
        try SafeTensors.write(["dense/kernel": try Tensor.zeros([3, 2]), "dense/bias": try Tensor.zeros([3])], to: weightsURL)
        #expect("\(#expect(throws: ModelError.self) { try Sequential.load(from: url) }!)".contains("shape [2, 3]"))
        try SafeTensors.write(["dense/kernel": try Tensor.zeros([2, 3]), "dense/bias": try Tensor.zeros([3]), "extra": try Tensor.zeros([1])], to: weightsURL)
        #expect("\(#expect(throws: ModelError.self) { try Sequential.load(from: url) }!)".contains("'extra'"))
        #expect(throws: ModelError.self) { try Sequential.load(from: self.temporaryDirectory()) }
    }

    @Test func anUnbuiltModelCannotBeSaved() throws {
        #expect(throws: ModelError.self) { try Sequential { Dense(3) }.save(to: self.temporaryDirectory()) }
    }
}
