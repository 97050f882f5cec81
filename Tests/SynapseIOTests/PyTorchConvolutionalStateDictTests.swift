import Foundation
import Synapse
import Testing

/// PyTorch `state_dict`s of convolutional networks: modules, channels-first weight layouts, the
/// `Linear` after a `Flatten`, round trips, and the layers PyTorch's `nn.Sequential` can't
/// take. The forward passes in PyTorch's layout are recomputed by scripts/check-interchange.sh.
@Suite struct PyTorchConvolutionalStateDictTests {
    /// An image network with every layer the mapping covers.
    static func imageModel(seed: UInt64 = 21) -> Sequential {
        Sequential(name: "torch_cnn", seed: seed) {
            Input(shape: [9, 8, 2])
            Conv2D(4, kernelSize: 3, padding: .same, activation: .relu)
            MaxPooling2D(poolSize: 2)
            Conv2D(5, kernelSize: [2, 3], strides: [1, 2], dilationRate: 1, activation: .tanh, useBias: false)
            AveragePooling2D(poolSize: [1, 1])
            Flatten()
            Dense(6, activation: .elu(alpha: 1))
            Dropout(0.3)
            Dense(3)
        }
    }

    /// A sequence network: a strided `Conv1D`, pooling, a dilated `same` one, global pooling.
    static func sequenceModel(seed: UInt64 = 22) -> Sequential {
        Sequential(name: "torch_cnn1d", seed: seed) {
            Input(shape: [12, 3])
            Conv1D(4, kernelSize: 3, strides: 2, activation: .relu)
            MaxPooling1D(poolSize: 2)
            Conv1D(5, kernelSize: 2, padding: .same, dilationRate: 2, activation: .swish)
            GlobalAveragePooling1D()
            Dense(2, activation: .sigmoid)
        }
    }

    private func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("synapse-torch-\(UUID().uuidString).safetensors")
    }

    @Test func modulesAreThePythonCallsOfTheEquivalentNetwork() throws {
        #expect(try Self.imageModel().pyTorchModules() == [
            "Conv2d(2, 4, kernel_size=(3, 3), stride=(1, 1), padding='same')", "ReLU()",
            "MaxPool2d(kernel_size=(2, 2), stride=(2, 2))",
            "Conv2d(4, 5, kernel_size=(2, 3), stride=(1, 2), bias=False)", "Tanh()",
            "AvgPool2d(kernel_size=(1, 1), stride=(1, 1))",
            "Flatten(start_dim=1, end_dim=-1)",
            "Linear(in_features=15, out_features=6, bias=True)", "ELU(alpha=1.0)",
            "Dropout(p=0.3)",
            "Linear(in_features=6, out_features=3, bias=True)",
        ])
        #expect(try Self.sequenceModel().pyTorchModules() == [
            "Conv1d(3, 4, kernel_size=(3,), stride=(2,))", "ReLU()",
            "MaxPool1d(kernel_size=2, stride=2)",
            "Conv1d(4, 5, kernel_size=(2,), stride=(1,), padding='same', dilation=(2,))", "SiLU()",
            "AdaptiveAvgPool1d(output_size=1)", "Flatten(start_dim=1, end_dim=-1)",
            "Linear(in_features=5, out_features=2, bias=True)", "Sigmoid()",
        ])
    }

    @Test func kernelsAreChannelsFirstAndTheLinearAfterFlattenReadsChannelsFirst() throws {
        let model = Self.imageModel(), url = temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        try model.exportPyTorchStateDict(to: url)
        let tensors = try SafeTensors.read(contentsOf: url).tensors
        #expect(tensors.keys.sorted() == ["0.bias", "0.weight", "3.weight", "7.bias", "7.weight", "10.bias", "10.weight"].sorted())
        // Conv2d.weight[o, i, y, x] == kernel[y, x, i, o].
        let kernel = model.layers[1].weights[0], weight = try #require(tensors["0.weight"])
        #expect(kernel.shape == [3, 3, 2, 4] && weight.shape == [4, 2, 3, 3])
        for o in 0..<4 { for i in 0..<2 { for y in 0..<3 { for x in 0..<3 {
            #expect(weight.scalars[((o * 2 + i) * 3 + y) * 3 + x] == kernel.scalars[((y * 3 + x) * 2 + i) * 4 + o])
        } } } }
        // The Flatten saw [3, 1, 5] (height, width, channels): Linear.weight[o, c·3 + h] == kernel[h·5 + c, o].
        let dense = model.layers[6].weights[0], linear = try #require(tensors["7.weight"])
        #expect(dense.shape == [15, 6] && linear.shape == [6, 15])
        for o in 0..<6 { for c in 0..<5 { for h in 0..<3 {
            #expect(linear.scalars[o * 15 + c * 3 + h] == dense.scalars[(h * 5 + c) * 6 + o])
        } } }
    }

    @Test(arguments: [false, true])
    func aStateDictRoundTripsToAnotherModel(sequence: Bool) throws {
        let model = sequence ? Self.sequenceModel() : Self.imageModel()
        let twin = sequence ? Self.sequenceModel(seed: 99) : Self.imageModel(seed: 99)
        var generator = RandomGenerator(seed: 7)
        let x = try Tensor.randomNormal(Shape([4] + (sequence ? [12, 3] : [9, 8, 2])), using: &generator)
        #expect(try twin.predict(x) != model.predict(x))
        let url = temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        try model.exportPyTorchStateDict(to: url)
        try twin.importPyTorchStateDict(from: url)
        #expect(try twin.predict(x) == model.predict(x))
    }

    @Test func layersWithoutAnEquivalentAreNamed() throws {
        func message(_ model: Sequential) -> String {
            do { _ = try model.pyTorchModules(); return "" } catch { return "\(error)" }
        }
        let strided = message(Sequential { Input(shape: [8, 8, 1]); Conv2D(2, kernelSize: 3, strides: 2, padding: .same, name: "strided") })
        #expect(strided.contains("layer 'strided'") && strided.contains("padding='same'"), "\(strided)")
        let pooled = message(Sequential { Input(shape: [8, 8, 1]); MaxPooling2D(poolSize: 3, padding: .same, name: "pool") })
        #expect(pooled.contains("layer 'pool'") && pooled.contains("valid padding"), "\(pooled)")
        let recurrent = message(Sequential { Input(shape: [5, 2]); LSTM(3, name: "lstm") })
        #expect(recurrent.contains("layer 'lstm'") && recurrent.contains("LSTM"), "\(recurrent)")
        let unflattened = message(Sequential { Input(shape: [5, 2]); Conv1D(3, kernelSize: 2); Dense(2, name: "timewise") })
        #expect(unflattened.contains("layer 'timewise'") && unflattened.contains("flat samples"), "\(unflattened)")
    }
}
