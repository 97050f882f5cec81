import Foundation
import Synapse
import SynapseTestSupport
import Testing

@testable import SynapseIO

/// The protobuf writer's wire format and ONNX export's structure and errors. ONNX Runtime
/// itself runs the exported files in `scripts/check-interchange.sh`.
@Suite struct ONNXExportTests {
    /// A built 5-input model with every activation, as Dense activations and as layers.
    static func everyActivationModel() -> Sequential {
        Sequential(name: "every_activation", seed: 11) {
            Input(shape: [5])
            Dense(5, activation: .sigmoid)
            Dense(5, activation: .leakyRelu(alpha: 0.1))
            Dense(5, activation: .tanh, useBias: false)
            Dense(5, activation: .elu(alpha: 0.7))
            Dense(5, activation: .selu)
            Dense(5, activation: .swish)
            Dense(5, activation: .gelu(approximate: false))
            Dense(5, activation: .gelu(approximate: true))
            Dense(5, activation: .softplus)
            Dense(5)
            Activation(.relu)
            Dense(4, activation: .softmax)
        }
    }

    /// A built image model with every convolution, pooling and reshaping layer, and padding of
    /// every kind (valid, same with odd totals, strided, dilated).
    static func convolutionalModel(seed: UInt64 = 12) -> Sequential {
        Sequential(name: "every_image_layer", seed: seed) {
            Input(shape: [11, 9, 2])
            ZeroPadding2D(padding: Margins2D(top: 1, bottom: 0, left: 2, right: 1))
            Conv2D(4, kernelSize: 3, strides: [2, 1], padding: .same, activation: .relu)
            Conv2D(3, kernelSize: [2, 3], padding: .same, dilationRate: 2, activation: .tanh)
            BatchNormalization(momentum: 0.5)
            Dropout(0.3)
            SpatialDropout2D(0.2)
            GaussianDropout(0.1)
            LayerNormalization()
            MaxPooling2D(poolSize: 2, padding: .same)
            AveragePooling2D(poolSize: [3, 2], strides: 1, padding: .same)
            Conv2DTranspose(3, kernelSize: 3, strides: 2, padding: .same, activation: .sigmoid)
            Conv2DTranspose(2, kernelSize: [2, 1], strides: [3, 2])
            Cropping2D(cropping: Margins2D(top: 1, bottom: 2, left: 0, right: 1))
            UpSampling2D(size: [1, 2])
            Conv2D(3, kernelSize: 3, activation: .softmax)
            MaxPooling2D(poolSize: 2)
            Flatten()
            Dense(6)
            BatchNormalization(center: false)
            LayerNormalization(scale: false)
            Dense(5, activation: .softmax)
        }
    }

    /// A built sequence model with the 1-D layers and global pooling.
    static func sequenceModel() -> Sequential {
        Sequential(name: "every_sequence_layer", seed: 13) {
            Input(shape: [20, 3])
            Conv1D(4, kernelSize: 5, padding: .same, activation: .relu)
            MaxPooling1D(poolSize: 2)
            Conv1D(4, kernelSize: 3, strides: 2, dilationRate: 1, activation: .elu(alpha: 1))
            AveragePooling1D(poolSize: 2, padding: .same)
            Reshape([-1, 2])
            GlobalMaxPooling1D()
            Dense(2)
        }
    }

    /// A built model of token ids with every recurrent layer, both directions, a wrapper and
    /// non-default activations.
    static func recurrentModel(seed: UInt64 = 14) -> Sequential {
        Sequential(name: "every_recurrent_layer", seed: seed) {
            Input(shape: [7])
            Embedding(inputDimension: 12, outputDimension: 5)
            Bidirectional(LSTM(4, returnSequences: true))
            GRU(3, returnSequences: true, goBackwards: true)
            SimpleRNN(4, activation: .relu, returnSequences: true)
            Bidirectional(GRU(3, recurrentActivation: .tanh, returnSequences: true), mergeMode: .average)
            TimeDistributed(Dense(3, activation: .tanh))
            Bidirectional(SimpleRNN(2), mergeMode: .sum)
            Dense(2)
        }
    }

    /// Token ids for `recurrentModel`: whole numbers in 0..<12.
    static func tokenIDs(count: Int, using generator: inout RandomGenerator) throws -> Tensor {
        try Tensor(shape: [count, 7], scalars: (0..<(count * 7)).map { _ in Float(Int.random(in: 0..<12, using: &generator)) })
    }

    /// A graph of sequences with every merge layer: an LSTM branch and a convolution branch
    /// added, subtracted, multiplied, averaged, maximised and concatenated with the input.
    static func graphModel(seed: UInt64 = 15) throws -> Functional {
        let series = Input.symbolic(shape: [6, 3], name: "series")
        let recurrent = try LSTM(4, returnSequences: true)(series)
        let convolved = try Conv1D(4, kernelSize: 3, padding: .same, activation: .tanh)(series)
        let sum = try Add()([recurrent, convolved])
        let difference = try Subtract()([sum, convolved])
        let product = try Multiply()([difference, recurrent, convolved])
        let mean = try Average()([product, sum])
        let largest = try Maximum()([mean, convolved])
        let joined = try Concatenate()([largest, series])
        let pooled = try GlobalAveragePooling1D()(joined)
        return try Functional(inputs: series, outputs: try Dense(2)(pooled), name: "graph", seed: seed)
    }

    @Test func graphsExportTheirMergesAndNameSeveralInputsAndOutputs() throws {
        let text = String(decoding: try Self.graphModel().onnxModel(), as: UTF8.self)
        for op in ["LSTM", "Conv", "Sum", "Sub", "Mul", "Mean", "Max", "Concat", "GlobalAveragePool", "input", "output"] {
            #expect(text.contains(op), "the graph has \(op)")
        }
        let left = Input.symbolic(shape: [3], name: "left"), right = Input.symbolic(shape: [3], name: "right")
        let joined = try Concatenate()([left, right])
        let model = try Functional(inputs: [left, right], outputs: [try Dense(1, name: "score")(joined), try Dense(2, name: "kind")(joined)])
        let names = String(decoding: try model.onnxModel(), as: UTF8.self)
        for name in ["left", "right", "score", "kind"] { #expect(names.contains(name), "the graph names \(name)") }
    }

    @Test func recurrentModelsExportTheirLayersAndRefuseMasks() throws {
        let model = Self.recurrentModel()
        var generator = RandomGenerator(seed: 2)
        _ = try model.predict(try Self.tokenIDs(count: 2, using: &generator))
        let text = String(decoding: try model.onnxModel(), as: UTF8.self)
        for op in ["Cast", "Gather", "LSTM", "GRU", "RNN", "linear_before_reset", "reverse", "Transpose", "Concat", "Slice", "Reshape"] {
            #expect(text.contains(op), "the model has \(op)")
        }
        let masked = Sequential { Input(shape: [4]); Embedding(inputDimension: 5, outputDimension: 2, maskZero: true); LSTM(2) }
        #expect("\(#expect(throws: ModelError.self) { try masked.onnxModel() }!)".contains("masks"))
        let linear = Sequential { Input(shape: [4, 2]); SimpleRNN(2, activation: .linear) }
        #expect("\(#expect(throws: ModelError.self) { try linear.onnxModel() }!)".contains("sigmoid, tanh or relu"))
    }

    @Test func convolutionalModelsExportTheirLayersChannelsFirst() throws {
        let model = Self.convolutionalModel()
        var generator = RandomGenerator(seed: 1)
        _ = try model.predict(try Tensor.randomNormal([2, 11, 9, 2], using: &generator))
        let text = String(decoding: try model.onnxModel(), as: UTF8.self)
        for op in ["Conv", "ConvTranspose", "MaxPool", "AveragePool", "Pad", "Slice", "Resize", "Transpose", "Flatten", "count_include_pad", "output_padding"] {
            #expect(text.contains(op), "the model has \(op)")
        }
        let sequence = Self.sequenceModel()
        _ = try sequence.predict(try Tensor.randomNormal([2, 20, 3], using: &generator))
        let sequenceText = String(decoding: try sequence.onnxModel(), as: UTF8.self)
        for op in ["Conv", "MaxPool", "AveragePool", "GlobalMaxPool", "Reshape"] { #expect(sequenceText.contains(op), "the model has \(op)") }
    }

    /// A spectrally normalised layer exports as the layer itself, with the kernel its last
    /// training call normalised: the same file as the plain layer holding those weights.
    @Test func spectralNormalizationExportsTheLayerItWraps() throws {
        var generator = RandomGenerator(seed: 2)
        let x = try Tensor.randomNormal([5, 4], using: &generator)
        let wrapped = Sequential(name: "critic", seed: 3) { Input(shape: [4]); SpectralNormalization(Dense(3, activation: .tanh)) }
        _ = try wrapped(x, training: true)
        let plain = Sequential(name: "critic", seed: 4) { Input(shape: [4]); Dense(3, activation: .tanh) }
        _ = try plain.predict(x)
        let wrapper = try #require(wrapped.layers.last as? SpectralNormalization)
        try #require(plain.layers.last).setWeights(wrapper.layer.weights)
        #expect(try wrapped.onnxModel() == plain.onnxModel())
    }

    @Test func varintsFloatsAndLengthsFollowTheWireFormat() {
        var writer = ProtobufWriter()
        writer.varint(1, 150)               // the protobuf documentation's example: 08 96 01
        writer.varint(2, -1)                // negative int64: ten bytes
        writer.float(3, 1)                  // fixed32, little-endian 0x3F800000
        writer.string(4, "ab")
        writer.message(20) { $0.varint(1, 300) }
        #expect(writer.bytes == [
            0x08, 0x96, 0x01,
            0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01,
            0x1D, 0x00, 0x00, 0x80, 0x3F,
            0x22, 0x02, 0x61, 0x62,
            0xA2, 0x01, 0x03, 0x08, 0xAC, 0x02,
        ])
    }

    @Test func theModelNamesItsOpsetInputsAndWeights() throws {
        let model = Self.everyActivationModel()
        let bytes = try model.onnxModel()
        let text = String(decoding: bytes, as: UTF8.self)
        for expected in ["Synapse", "MatMul", "Add", "Sigmoid", "LeakyRelu", "Tanh", "Elu", "Selu", "Erf", "Softplus", "Relu", "Softmax",
                         "dense/kernel", "dense_2/kernel", "input", "output"] {
            #expect(text.contains(expected), "\(expected)")
        }
        #expect(!text.contains("dense_2/bias"))   // useBias: false
        #expect(Array(bytes.prefix(2)) == [0x08, UInt8(ONNXGraph.irVersion)])
        // The weights travel as raw little-endian float32: the first kernel's bytes are there.
        let kernel = try #require(model.layers.compactMap { $0 as? Dense }.first?.kernel).value.scalars
        let raw = kernel.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
        #expect(bytes.firstRange(of: raw) != nil)
    }

    @Test func exportWritesTheFileAtomically() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("synapse-\(UUID().uuidString).onnx")
        defer { try? FileManager.default.removeItem(at: url) }
        let model = Self.everyActivationModel()
        try model.exportONNX(to: url)
        let written = try Data(contentsOf: url)
        let expected = try model.onnxModel()
        #expect(Array(written) == expected)
    }

    @Test func anUnbuiltModelIsRefusedWithAReason() {
        let model = Sequential(name: "unbuilt") { Dense(3) }
        let error = #expect(throws: ModelError.self) { try model.onnxModel() }
        #expect("\(error.map { "\($0)" } ?? "")".contains("ONNX"))
    }
}
