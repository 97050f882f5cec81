import Foundation
import Synapse
import SynapseTestSupport
import Testing

@Suite struct ConvolutionLayerTests {
    @Test func conv2DConforms() throws {
        try expectLayerConforms({ Conv2D(3, kernelSize: 3) }, inputShape: [5, 6, 2], expectedOutputShape: [3, 4, 3],
                                expectedParameterCount: 3 * 3 * 2 * 3 + 3, wrongInputShape: [5, 6, 3])
        try expectLayerConforms({ Conv2D(2, kernelSize: [2, 3], strides: 2, padding: .same, activation: .tanh) }, inputShape: [5, 7, 2],
                                expectedOutputShape: [3, 4, 2], expectedParameterCount: 2 * 3 * 2 * 2 + 2, wrongInputShape: [5, 6, 2])
        try expectLayerConforms({ Conv2D(2, kernelSize: 3, padding: .same, dilationRate: 2, useBias: false) }, inputShape: [5, 5, 1],
                                expectedOutputShape: [5, 5, 2], expectedParameterCount: 3 * 3 * 2)
    }

    @Test func conv2DComputesTheConvolutionThenTheActivation() throws {
        let layer = Conv2D(3, kernelSize: 3, padding: .same, activation: .sigmoid)
        var generator = RandomGenerator(seed: 3)
        let x = try Tensor.randomNormal([2, 5, 5, 2], using: &generator)
        let output = try layer(x)
        let reference = ReferenceConvolution.convolution2D(x, layer.kernel!.value, bias: layer.bias!.value, strides: 1, padding: .same, dilation: 1)
        expectClose(output, sigmoid(reference), absolute: 1e-5)
        #expect(layer.kernel?.shape == [3, 3, 2, 3] && layer.bias?.shape == [3])
    }

    @Test func conv1DConforms() throws {
        try expectLayerConforms({ Conv1D(3, kernelSize: 3) }, inputShape: [8, 2], expectedOutputShape: [6, 3],
                                expectedParameterCount: 3 * 2 * 3 + 3, wrongInputShape: [8, 3])
        try expectLayerConforms({ Conv1D(2, kernelSize: 4, strides: 2, padding: .same) }, inputShape: [9, 1], expectedOutputShape: [5, 2],
                                expectedParameterCount: 4 * 2 + 2)
        try expectLayerConforms({ Conv1D(2, kernelSize: 3, padding: .same, dilationRate: 2, activation: .elu(alpha: 1)) }, inputShape: [7, 2],
                                expectedOutputShape: [7, 2], expectedParameterCount: 3 * 2 * 2 + 2)
    }

    @Test func conv2DTransposeConforms() throws {
        try expectLayerConforms({ Conv2DTranspose(2, kernelSize: 3, strides: 2, padding: .same) }, inputShape: [3, 2, 3],
                                expectedOutputShape: [6, 4, 2], expectedParameterCount: 3 * 3 * 2 * 3 + 2, wrongInputShape: [3, 2, 2])
        try expectLayerConforms({ Conv2DTranspose(1, kernelSize: [2, 3], strides: [1, 2]) }, inputShape: [3, 3, 2],
                                expectedOutputShape: [4, 7, 1], expectedParameterCount: 2 * 3 * 2 + 1)
    }

    @Test func convolutionArgumentsAreCheckedNamingTheLayer() throws {
        let cases: [(any Layer, Shape, String)] = [
            (Conv2D(0, kernelSize: 3, name: "c1"), [5, 5, 1], "filters"),
            (Conv2D(2, kernelSize: [0, 3], name: "c2"), [5, 5, 1], "kernelSize"),
            (Conv2D(2, kernelSize: 3, strides: 2, dilationRate: 2, name: "c3"), [9, 9, 1], "strides"),
            (Conv2D(2, kernelSize: 7, name: "c4"), [5, 5, 1], "span"),
            (Conv2D(2, kernelSize: 3, name: "c5"), [5, 5], "[height, width, channels]"),
            (Conv1D(2, kernelSize: 3, name: "c6"), [5, 5, 1], "[steps, channels]"),
            (Conv2DTranspose(2, kernelSize: 3, strides: 0, name: "c7"), [5, 5, 1], "strides"),
        ]
        for (layer, shape, expected) in cases {
            let error = #expect(throws: ModelError.self) { try layer(try Tensor.zeros(Shape([1] + shape.dimensions))) }
            let message = "\(error.map { "\($0)" } ?? "")"
            #expect(message.contains(layer.name) && message.contains(expected), "\(message)")
        }
    }

    @Test func aConvolutionalModelRoundTripsThroughItsDescription() throws {
        let model = Sequential(name: "cnn", seed: 4) {
            Input(shape: [12, 12, 1])
            ZeroPadding2D(padding: Margins2D(top: 1, bottom: 0, left: 2, right: 1))
            Conv2D(4, kernelSize: 3, strides: [1, 2], padding: .same, activation: .relu, kernelInitializer: .heNormal)
            MaxPooling2D(poolSize: 2, padding: .same)
            AveragePooling2D(poolSize: [2, 1], strides: 1)
            Conv2DTranspose(3, kernelSize: 2, strides: 2)
            Cropping2D(cropping: Margins2D(vertical: 1, horizontal: 0))
            UpSampling2D(size: [1, 2])
            Reshape([-1, 6])
            Conv1D(2, kernelSize: 3, strides: 2, dilationRate: 1)
            MaxPooling1D(poolSize: 2)
            AveragePooling1D(poolSize: 1)
            GlobalAveragePooling1D()
            Dense(3)
        }
        let description = try model.describedModel()
        let decoded = try ModelDescription.decoded(from: try description.encoded(), source: "test")
        #expect(decoded == description)
        let rebuilt = try Sequential(decoded)
        #expect(rebuilt.layers.map(\.name) == model.layers.map(\.name))
        var generator = RandomGenerator(seed: 5)
        let x = try Tensor.randomNormal([2, 12, 12, 1], using: &generator)
        #expect(try rebuilt.predict(x) == model.predict(x), "same seed, same weights, same outputs")
    }

    @Test func handWrittenConvolutionalDescriptionsTakeKerasDefaults() throws {
        let json = """
            {"layers": [{"type": "input", "shape": [28, 28, 1]},
                        {"type": "conv2D", "filters": 32, "kernelSize": 3, "activation": "relu"},
                        {"type": "maxPooling2D", "poolSize": 2},
                        {"type": "conv2D", "filters": 64, "kernelSize": [3, 3], "padding": "same"},
                        {"type": "globalMaxPooling2D"},
                        {"type": "dense", "units": 10}]}
            """
        let model = try Sequential(try ModelDescription.decoded(from: Data(json.utf8), source: "cnn.json"))
        let conv = try #require(model.layers[1] as? Conv2D)
        #expect(conv.strides == 1 && conv.padding == .valid && conv.dilationRate == 1 && conv.useBias)
        let pool = try #require(model.layers[2] as? MaxPooling2D)
        #expect(pool.strides == 2)
        #expect(model.parameterCount == (9 * 32 + 32) + (9 * 32 * 64 + 64) + (64 * 10 + 10))
        let bad = #"{"layers": [{"type": "conv2D", "filters": 3, "kernelSize": 3, "stride": 2}]}"#
        let error = #expect(throws: ModelError.self) { try ModelDescription.decoded(from: Data(bad.utf8), source: "cnn.json") }
        #expect("\(error.map { "\($0)" } ?? "")".contains("unknown key 'stride'"))
    }
}
