import Foundation
import Synapse
import SynapseTestSupport
import Testing

/// Weights alone, PyTorch state dicts, NumPy archives and Keras imports (`Interchange/`).
@Suite struct InterchangeTests {
    private func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("synapse-interchange-\(UUID().uuidString)-\(name)")
    }

    /// A trained 4 → 6 (relu) → 3 (softmax) MLP and a batch of inputs.
    private func trainedMLP(seed: UInt64 = 4) throws -> (model: Sequential, x: Tensor) {
        var generator = RandomGenerator(seed: 3)
        let x = try Tensor.randomNormal([16, 4], using: &generator)
        let y = try Tensor.randomUniform([16, 3], using: &generator)
        let model = Sequential(name: "mlp", seed: seed) { Input(shape: [4]); Dense(6, activation: .relu); Dense(3, activation: .softmax) }
        model.compile(optimizer: Adam(learningRate: 0.01), loss: .meanSquaredError())
        try model.fit(x, y, epochs: 2, verbose: 0)
        return (model, x)
    }

    /// An untrained model of the same architecture, with other initial weights.
    private func twin() -> Sequential {
        Sequential(name: "twin", seed: 99) { Input(shape: [4]); Dense(6, activation: .relu); Dense(3, activation: .softmax) }
    }

    private func message(_ body: () throws -> Void) -> String {
        do { try body(); return "no error" } catch { return "\(error)" }
    }

    @Test(arguments: WeightsFormat.allCases)
    func weightsRoundTrip(format: WeightsFormat) throws {
        let (model, x) = try trainedMLP()
        let url = temporaryFile("weights.\(format.pathExtension)")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.saveWeights(to: url)
        let loaded = twin()
        #expect(try loaded.predict(x) != model.predict(x))
        try loaded.loadWeights(from: url)
        #expect(try loaded.predict(x) == model.predict(x))
    }

    @Test func anExplicitFormatOverridesTheExtensionAndAnUnknownExtensionIsRejected() throws {
        let (model, _) = try trainedMLP()
        let url = temporaryFile("weights.bin")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.saveWeights(to: url, format: .npz)
        #expect(try NPZReader.read(contentsOf: url)["dense/kernel"]?.values == model.layers[1].weights[0])
        #expect(message { try model.loadWeights(from: url) }.contains("'.bin'"))
        #expect(message { try Sequential { Dense(3) }.saveWeights(to: self.temporaryFile("w.npz")) }.contains("build it"))
    }

    @Test(arguments: WeightsFormat.allCases)
    func missingUnknownAndMisshapenWeightsAreNamed(format: WeightsFormat) throws {
        let model = Sequential { Input(shape: [2]); Dense(3) }
        let url = temporaryFile("weights.\(format.pathExtension)")
        defer { try? FileManager.default.removeItem(at: url) }
        func write(_ tensors: [String: Tensor]) throws {
            if format == .npz { try NPZWriter.write(tensors, to: url) } else { try SafeTensors.write(tensors, to: url) }
        }
        try write(["dense/kernel": try Tensor.zeros([2, 3])])
        let missing = message { try model.loadWeights(from: url) }
        #expect(missing.contains("'dense/bias'") && missing.contains("missing"))
        try write(["dense/kernel": try Tensor.zeros([3, 2]), "dense/bias": try Tensor.zeros([3])])
        let misshapen = message { try model.loadWeights(from: url) }
        #expect(misshapen.contains("'dense/kernel'") && misshapen.contains("shape [2, 3]") && misshapen.contains("shape [3, 2]"))
        try write(["dense/kernel": try Tensor.zeros([2, 3]), "dense/bias": try Tensor.zeros([3]), "extra": try Tensor.zeros([1])])
        let unknown = message { try model.loadWeights(from: url) }
        #expect(unknown.contains("'extra'") && unknown.contains(url.path))
    }

    @Test func weightsThatDoNotFitLeaveTheModelUntouched() throws {
        let model = Sequential(seed: 1) { Input(shape: [2]); Dense(3) }
        let before = model.trainableParameters.map(\.value)
        let url = temporaryFile("partial.safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        // The kernel fits and comes first; the bias is missing.
        try SafeTensors.write(["dense/kernel": try Tensor.ones([2, 3])], to: url)
        #expect(throws: ModelError.self) { try model.loadWeights(from: url) }
        #expect(model.trainableParameters.map(\.value) == before)
    }

    @Test func pyTorchStateDictTransposesKernelsAndNumbersModules() throws {
        let (model, x) = try trainedMLP()
        let url = temporaryFile("torch.safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.exportPyTorchStateDict(to: url)
        let file = try SafeTensors.read(contentsOf: url)
        #expect(file.tensors.keys.sorted() == ["0.bias", "0.weight", "2.bias", "2.weight"])
        #expect(file.metadata["format"] == "pt")
        #expect(try model.pyTorchModules() == ["Linear(in_features=4, out_features=6, bias=True)", "ReLU()",
                                               "Linear(in_features=6, out_features=3, bias=True)", "Softmax(dim=-1)"])
        // weight[o, i] == kernel[i, o]; the bias is unchanged.
        let kernel = model.layers[1].weights[0], weight = file.tensors["0.weight"]!
        #expect(weight.shape == [6, 4])
        for o in 0..<6 { for i in 0..<4 { #expect(weight.scalars[o * 4 + i] == kernel.scalars[i * 6 + o]) } }
        #expect(file.tensors["2.bias"]! == model.layers[2].weights[1])
        // PyTorch's forward pass, x · weightᵀ + bias, gives the Dense layer's pre-activation.
        let torchHidden = relu(try x.matmul(weight.transposed()) + file.tensors["0.bias"]!)
        #expect(torchHidden == relu(try x.matmul(kernel) + model.layers[1].weights[1]))
        let loaded = twin()
        try loaded.importPyTorchStateDict(from: url)
        #expect(try loaded.predict(x) == model.predict(x))
    }

    @Test func pyTorchModulesFollowActivationLayersAndLinearDenseLayers() throws {
        let model = Sequential { Input(shape: [3]); Dense(5); Activation(.tanh); Dense(2, useBias: false); Activation(.linear); Dense(1, activation: .gelu(approximate: true)) }
        #expect(try model.pyTorchModules() == ["Linear(in_features=3, out_features=5, bias=True)", "Tanh()",
                                               "Linear(in_features=5, out_features=2, bias=False)", "Identity()",
                                               "Linear(in_features=2, out_features=1, bias=True)", "GELU(approximate='tanh')"])
        let url = temporaryFile("torch.safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.exportPyTorchStateDict(to: url)
        #expect(try SafeTensors.read(contentsOf: url).tensors.keys.sorted() == ["0.bias", "0.weight", "2.weight", "4.bias", "4.weight"])
    }

    @Test func pyTorchImportErrorsNameTheTensorInPyTorchLayout() throws {
        let model = Sequential { Input(shape: [2]); Dense(3, activation: .relu) }
        let url = temporaryFile("torch.safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try SafeTensors.write(["0.weight": try Tensor.zeros([2, 3]), "0.bias": try Tensor.zeros([3])], to: url)
        let misshapen = message { try model.importPyTorchStateDict(from: url) }
        #expect(misshapen.contains("'0.weight' (dense/kernel)") && misshapen.contains("shape [3, 2]") && misshapen.contains("got shape [2, 3]"))
        try SafeTensors.write(["0.weight": try Tensor.zeros([3, 2])], to: url)
        #expect(message { try model.importPyTorchStateDict(from: url) }.contains("'0.bias' (dense/bias) must be present"))
        try SafeTensors.write(["0.weight": try Tensor.zeros([3, 2]), "0.bias": try Tensor.zeros([3]), "1.weight": try Tensor.zeros([1])], to: url)
        #expect(message { try model.importPyTorchStateDict(from: url) }.contains("'1.weight'"))
    }

    @Test func numPyExportWritesBothLayoutsAndPredictions() throws {
        let (model, x) = try trainedMLP()
        let named = temporaryFile("named.npz"), positional = temporaryFile("positional.npz"), predictions = temporaryFile("y.npy")
        defer { for url in [named, positional, predictions] { try? FileManager.default.removeItem(at: url) } }
        try model.exportNumPy(weightsTo: named)
        try model.exportNumPy(weightsTo: positional, layout: .positional)
        let weights = model.layers.flatMap(\.weights)
        #expect(try NPZReader.read(contentsOf: named).keys.sorted() == ["dense/bias", "dense/kernel", "dense_1/bias", "dense_1/kernel"])
        let arrays = try NPZReader.read(contentsOf: positional)
        #expect((0..<4).map { arrays["arr_\($0)"]?.values } == weights)
        let written = try model.savePredictions(for: x, to: predictions)
        #expect(try NPYReader.read(contentsOf: predictions).values == written)
        #expect(try written == model.predict(x))
    }

    @Test(arguments: [NumPyWeightLayout.positional, .named])
    func kerasWeightsImport(layout: NumPyWeightLayout) throws {
        let (model, x) = try trainedMLP()
        let url = temporaryFile("keras.npz")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.exportNumPy(weightsTo: url, layout: layout)
        let loaded = twin()
        try loaded.importKerasWeights(fromNPZ: url)
        #expect(try loaded.predict(x) == model.predict(x))
    }

    @Test func kerasVariablePathsAreMatchedByLayerAndParameter() throws {
        let (model, x) = try trainedMLP()
        let url = temporaryFile("keras.npz")
        defer { try? FileManager.default.removeItem(at: url) }
        let kernels = model.layers.dropFirst().map(\.weights)
        try NPZWriter.write(["sequential/dense/kernel": kernels[0][0], "sequential/dense/bias": kernels[0][1],
                             "dense_1/kernel:0": kernels[1][0], "dense_1/bias:0": kernels[1][1]], to: url)
        let loaded = twin()
        try loaded.importKerasWeights(fromNPZ: url)
        #expect(try loaded.predict(x) == model.predict(x))
    }

    /// Keras and Synapse share the convolution kernels' layouts (`[kh, kw, in, out]`, transposed
    /// `[kh, kw, out, in]`), so a CNN's weights come in from either `.npz` layout unchanged.
    @Test(arguments: NumPyWeightLayout.allCases)
    func kerasConvolutionWeightsImport(layout: NumPyWeightLayout) throws {
        let model = ONNXExportTests.convolutionalModel()
        var generator = RandomGenerator(seed: 3)
        let x = try Tensor.randomNormal([2, 11, 9, 2], using: &generator)
        let expected = try model.predict(x)
        let url = temporaryFile("keras-cnn.npz")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.exportNumPy(weightsTo: url, layout: layout)
        let other = ONNXExportTests.convolutionalModel(seed: 99)
        #expect(try other.predict(x) != expected, "another seed, other weights")
        try other.importKerasWeights(fromNPZ: url)
        #expect(try other.predict(x) == expected)
    }

    @Test func kerasImportErrorsNameCountsArraysAndShapes() throws {
        let model = Sequential { Input(shape: [2]); Dense(3) }
        let url = temporaryFile("keras.npz")
        defer { try? FileManager.default.removeItem(at: url) }
        try NPZWriter.write(["arr_0": try Tensor.zeros([2, 3])], to: url)
        let count = message { try model.importKerasWeights(fromNPZ: url) }
        #expect(count.contains("arrays must be 2 (arr_0: dense/kernel [2, 3], arr_1: dense/bias [3])") && count.contains("got 1 (arr_0 [2, 3])"))
        try NPZWriter.write(["arr_0": try Tensor.zeros([2, 3]), "arr_1": try Tensor.zeros([4])], to: url)
        let shape = message { try model.importKerasWeights(fromNPZ: url) }
        #expect(shape.contains("'arr_1' (dense/bias)") && shape.contains("shape [3]") && shape.contains("got shape [4]"))
        try NPZWriter.write(["arr_0": try Tensor.zeros([2, 3]), "arr_2": try Tensor.zeros([3])], to: url)
        #expect(message { try model.importKerasWeights(fromNPZ: url) }.contains("'arr_2'"))
        try NPZWriter.write(["dense/kernel": try Tensor.zeros([2, 3]), "dense/gamma": try Tensor.zeros([3])], to: url)
        #expect(message { try model.importKerasWeights(fromNPZ: url) }.contains("'dense/gamma'"))
        try NPZWriter.write(["dense/kernel:0": try Tensor.zeros([2, 3])], to: url)
        #expect(message { try model.importKerasWeights(fromNPZ: url) }.contains("'dense/bias' (dense/bias) must be present"))
    }

    /// With `SYNAPSE_INTERCHANGE_FILES` set to a directory, writes a trained MLP there in every
    /// format, with its inputs and outputs, for `scripts/check-interchange.sh`.
    @Test func writesFilesForTheInterchangeCheck() throws {
        let (model, x) = try trainedMLP()
        let directory = ProcessInfo.processInfo.environment["SYNAPSE_INTERCHANGE_FILES"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("synapse-interchange-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if ProcessInfo.processInfo.environment["SYNAPSE_INTERCHANGE_FILES"] == nil { try? FileManager.default.removeItem(at: directory) } }
        try model.saveWeights(to: directory.appendingPathComponent("synapse.safetensors"))
        try model.exportPyTorchStateDict(to: directory.appendingPathComponent("pytorch.safetensors"))
        try model.exportNumPy(weightsTo: directory.appendingPathComponent("weights.npz"))
        try model.exportNumPy(weightsTo: directory.appendingPathComponent("keras.npz"), layout: .positional)
        try NPYWriter.write(x, to: directory.appendingPathComponent("inputs.npy"))
        try model.savePredictions(for: x, to: directory.appendingPathComponent("outputs.npy"))
        try model.exportONNX(to: directory.appendingPathComponent("mlp.onnx"))
        let every = ONNXExportTests.everyActivationModel()
        try every.exportONNX(to: directory.appendingPathComponent("activations.onnx"))
        var generator = RandomGenerator(seed: 5)
        let wide = try 2 * Tensor.randomNormal([16, 5], using: &generator)
        try NPYWriter.write(wide, to: directory.appendingPathComponent("activations-inputs.npy"))
        try every.savePredictions(for: wide, to: directory.appendingPathComponent("activations-outputs.npy"))
        for (file, model, shape) in [("cnn", ONNXExportTests.convolutionalModel(), [6, 11, 9, 2]), ("cnn1d", ONNXExportTests.sequenceModel(), [6, 20, 3])] {
            let inputs = try Tensor.randomNormal(Shape(shape), using: &generator)
            // A training pass gives batch normalisation moving statistics of its own.
            _ = try model(inputs, training: true)
            try NPYWriter.write(inputs, to: directory.appendingPathComponent("\(file)-inputs.npy"))
            try model.savePredictions(for: inputs, to: directory.appendingPathComponent("\(file)-outputs.npy"))
            try model.exportONNX(to: directory.appendingPathComponent("\(file).onnx"))
        }
        let recurrent = ONNXExportTests.recurrentModel()
        let ids = try ONNXExportTests.tokenIDs(count: 6, using: &generator)
        try NPYWriter.write(ids, to: directory.appendingPathComponent("rnn-inputs.npy"))
        try recurrent.savePredictions(for: ids, to: directory.appendingPathComponent("rnn-outputs.npy"))
        try recurrent.exportONNX(to: directory.appendingPathComponent("rnn.onnx"))
        let graph = try ONNXExportTests.graphModel()
        let series = try Tensor.randomNormal([5, 6, 3], using: &generator)
        try NPYWriter.write(series, to: directory.appendingPathComponent("graph-inputs.npy"))
        try NPYWriter.write(try graph.predict(series), to: directory.appendingPathComponent("graph-outputs.npy"))
        try graph.exportONNX(to: directory.appendingPathComponent("graph.onnx"))
        // PyTorch state dicts of convolutional networks; the inputs are channels last, as Synapse takes them.
        for (file, model, shape) in [("torch-cnn", PyTorchConvolutionalStateDictTests.imageModel(), [5, 9, 8, 2]),
                                     ("torch-cnn1d", PyTorchConvolutionalStateDictTests.sequenceModel(), [5, 12, 3])] {
            let inputs = try Tensor.randomNormal(Shape(shape), using: &generator)
            try NPYWriter.write(inputs, to: directory.appendingPathComponent("\(file)-inputs.npy"))
            try model.savePredictions(for: inputs, to: directory.appendingPathComponent("\(file)-outputs.npy"))
            try model.exportPyTorchStateDict(to: directory.appendingPathComponent("\(file).safetensors"))
        }
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("cnn1d-outputs.npy").path))
    }
}
