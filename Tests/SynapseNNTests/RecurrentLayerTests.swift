import Synapse
import SynapseTestSupport
import Testing

@Suite struct RecurrentLayerTests {
    /// A fresh layer of each kind and its parameter count for 4 features and 3 units.
    static let kinds: [(name: String, make: @Sendable (Bool) -> RecurrentLayer, parameters: Int)] = [
        ("SimpleRNN", { SimpleRNN(3, returnSequences: $0) }, 4 * 3 + 3 * 3 + 3),
        ("LSTM", { LSTM(3, returnSequences: $0) }, 4 * 12 + 3 * 12 + 12),
        ("GRU", { GRU(3, returnSequences: $0) }, 4 * 9 + 3 * 9 + 2 * 9),
    ]

    @Test(arguments: [0, 1, 2], [false, true])
    func everyRecurrentLayerPassesTheSharedLayerChecks(kind: Int, returnSequences: Bool) throws {
        let (_, make, parameters) = RecurrentLayerTests.kinds[kind]
        try expectLayerConforms(
            { make(returnSequences) }, inputShape: [5, 4], expectedOutputShape: returnSequences ? [5, 3] : [3],
            expectedParameterCount: parameters, wrongInputShape: [5, 2])
    }

    @Test func wrappersPassTheSharedLayerChecks() throws {
        try expectLayerConforms({ Bidirectional(LSTM(3, returnSequences: true)) }, inputShape: [4, 2], expectedOutputShape: [4, 6],
                                expectedParameterCount: 2 * (2 * 12 + 3 * 12 + 12), wrongInputShape: [4, 3])
        try expectLayerConforms({ Bidirectional(GRU(3), mergeMode: .sum) }, inputShape: [4, 2], expectedOutputShape: [3],
                                expectedParameterCount: 2 * (2 * 9 + 3 * 9 + 18))
        try expectLayerConforms({ TimeDistributed(Dense(2, activation: .tanh)) }, inputShape: [4, 3], expectedOutputShape: [4, 2],
                                expectedParameterCount: 8, wrongInputShape: [4, 2])
        try expectLayerConforms({ Masking(maskValue: 0) }, inputShape: [4, 3], expectedOutputShape: [4, 3], expectedParameterCount: 0)
    }

    /// The layer's output against Keras's equations with its own weights: `x·W + b` per step,
    /// then the cell written out.
    @Test(arguments: [0, 1, 2])
    func outputsMatchKerasEquationsWithTheLayersWeights(kind: Int) throws {
        var generator = RandomGenerator(seed: 4)
        let x = try Tensor.randomNormal([2, 5, 4], using: &generator)
        let layer = RecurrentLayerTests.kinds[kind].make(true)
        let output = try layer(x, seed: 9)
        let kernel = layer.kernel!.value, recurrent = layer.recurrentKernel!.value, bias = layer.bias!.value
        let (inputBias, recurrentBias): (Tensor, Tensor?) = bias.rank == 2
            ? (try bias.sliced([0..<1]).reshaped(to: [bias.shape[1]]), try bias.sliced([1..<2]).reshaped(to: [bias.shape[1]]))
            : (bias, nil)
        let projected = try x.matmul(kernel) + inputBias
        let cell: RecurrentCell = kind == 0 ? .simple() : kind == 1 ? .lstm() : .gru()
        let expected = referenceRecurrence(cell, projected: projected.nested3, kernel: recurrent.nested2, recurrentBias: recurrentBias?.scalars.map(Double.init))
        let hidden = expected.map { $0.map { Array($0.prefix(3)) } }
        expectClose(output.scalars, hidden.flatMap { $0.flatMap { $0.map(Float.init) } }, absolute: 2e-6, relative: 2e-5)
    }

    @Test func defaultsFollowKeras() throws {
        let lstm = LSTM(4)
        _ = try lstm(try Tensor.zeros([1, 2, 3]))
        // Unit forget bias: the forget gate's block of the bias starts at 1.
        #expect(lstm.bias!.value.scalars == [Float](repeating: 0, count: 4) + [Float](repeating: 1, count: 4) + [Float](repeating: 0, count: 8))
        // The recurrent kernel [4, 16] has orthonormal rows.
        let u = lstm.recurrentKernel!.value
        expectClose(try u.matmul(u.transposed()), try Tensor.identity(4), absolute: 1e-5)
        let gru = GRU(2)
        _ = try gru(try Tensor.zeros([1, 2, 3]))
        #expect(gru.bias!.shape == [2, 6])
    }

    @Test func stateInAndOutMatchesOneLongerRun() throws {
        var generator = RandomGenerator(seed: 12)
        let x = try Tensor.randomNormal([2, 6, 3], using: &generator)
        let lstm = LSTM(4, returnSequences: true)
        let whole = try lstm.callWithStates(x, seed: 1)
        let first = try lstm.callWithStates(try x.sliced([0..<2, 0..<3]))
        let second = try lstm.callWithStates(try x.sliced([0..<2, 3..<6]), initialStates: first.states)
        expectClose(second.output, try whole.output.sliced([0..<2, 3..<6]), absolute: 1e-6)
        expectClose(second.states[1], whole.states[1], absolute: 1e-6)
        #expect(throws: ModelError.self) { try lstm.callWithStates(x, initialStates: [try Tensor.zeros([2, 4])]) }
    }

    /// Right padding with a masking embedding gives exactly the unpadded sequence's result.
    @Test(arguments: [0, 1, 2])
    func paddedStepsDoNotChangeTheResult(kind: Int) throws {
        let make = { (steps: Int) in
            Sequential(seed: 3) {
                Input(shape: [steps])
                Embedding(inputDimension: 10, outputDimension: 4, maskZero: true)
                RecurrentLayerTests.kinds[kind].make(false)
            }
        }
        let padded = make(6), short = make(4)
        for (target, source) in zip(short.layers, padded.layers) { try target.setWeights(source.weights) }
        let tokens = try Tensor(shape: [1, 6], scalars: [3, 1, 4, 1, 0, 0])
        expectClose(try padded.predict(tokens), try short.predict(try tokens.sliced([0..<1, 0..<4])), absolute: 1e-6)
        // Masking on features does the same for series padded with zeros.
        let series = Sequential(seed: 3) { Input(shape: [6, 4]); Masking(); LSTM(3) }
        var generator = RandomGenerator(seed: 2)
        let values = try Tensor.randomNormal([1, 4, 4], using: &generator)
        let zeros = try Tensor.zeros([1, 2, 4])
        let trimmed = Sequential(seed: 3) { Input(shape: [4, 4]); LSTM(3) }
        try trimmed.layers[0].setWeights(series.layers[1].weights)
        expectClose(try series.predict(try Tensor.concatenating([values, zeros], alongAxis: 1)), try trimmed.predict(values), absolute: 1e-6)
    }

    @Test func bidirectionalConcatenatesBothDirectionsInTimeOrder() throws {
        var generator = RandomGenerator(seed: 7)
        let x = try Tensor.randomNormal([2, 5, 3], using: &generator)
        let layer = Bidirectional(GRU(2, returnSequences: true))
        let output = try layer(x, seed: 5)
        let forward = try layer.forwardLayer(x), backward = try layer.backwardLayer!(x)
        let reordered = try backward.gathering(atIndices: [4, 3, 2, 1, 0], alongAxis: 1)
        expectClose(output, try Tensor.concatenating([forward, reordered], alongAxis: 2), absolute: 1e-7)
        #expect(layer.backwardLayer!.goBackwards)
        #expect(layer.parameters.map(\.name) == ["forward_kernel", "forward_recurrent_kernel", "forward_bias",
                                                  "backward_kernel", "backward_recurrent_kernel", "backward_bias"])
    }

    @Test func dropoutActsOnlyInTrainingAndFollowsTheSeed() throws {
        var generator = RandomGenerator(seed: 1)
        let x = try Tensor.randomNormal([3, 4, 5], using: &generator)
        let make = { LSTM(6, dropout: 0.3, recurrentDropout: 0.3) }
        let a = make(), b = make()
        let inference = try a(x, seed: 2)
        #expect(try a(x) == inference)
        let trainedA = try a(x, training: true), trainedB = try b(x, training: true, seed: 2)
        #expect(trainedA == trainedB)
        #expect(trainedA != inference)
    }

    @Test func badSettingsAndInputsNameTheLayer() throws {
        let message = { (body: () throws -> Tensor) -> String in
            do { _ = try body(); return "" } catch { return "\(error)" }
        }
        #expect(message { try LSTM(3, activation: .softmax)(try Tensor.zeros([1, 2, 3])) }.contains("LSTM 'lstm'"))
        #expect(message { try GRU(0)(try Tensor.zeros([1, 2, 3])) }.contains("units"))
        #expect(message { try SimpleRNN(2, dropout: 1)(try Tensor.zeros([1, 2, 3])) }.contains("dropout"))
        #expect(message { try LSTM(2)(try Tensor.zeros([2, 3])) }.contains("[steps, features]"))
        let embedding = Embedding(inputDimension: 5, outputDimension: 2)
        #expect(message { try embedding(try Tensor([[1, 7]])) }.contains("0..<5"))
        #expect(message { try embedding(try Tensor([[1.5, 2]])) }.contains("1.5"))
    }

    @Test func embeddingLooksUpRowsAndItsGradientAddsUpRepeats() throws {
        let embedding = Embedding(inputDimension: 4, outputDimension: 2, maskZero: true)
        let tokens = try Tensor([[2, 0, 2]])
        let output = try embedding(tokens)
        let table = embedding.embeddings!.value
        expectClose(output, try table.gathering(atIndices: [2, 0, 2], alongAxis: 0).reshaped(to: [1, 3, 2]))
        #expect(try embedding.outputMask(forInput: tokens, mask: nil)?.scalars == [1, 0, 1])
        let (_, gradients) = try valueWithGradient(of: embedding.parameters) { try embedding(tokens).sum() }
        #expect(gradients[0].scalars == [1, 1, 0, 0, 2, 2, 0, 0])
    }

    @Test func aCharacterModelLearnsARepeatingPattern() throws {
        // "abcabc…": the next character is fully determined by the current one.
        let pattern: [Float] = (0..<400).map { Float($0 % 3) }
        let windows = 60, length = 8
        let x = try Tensor(shape: [windows, length], scalars: (0..<windows).flatMap { Array(pattern[($0 * 5)..<($0 * 5 + length)]) })
        let y = try Tensor(shape: [windows, length], scalars: (0..<windows).flatMap { Array(pattern[($0 * 5 + 1)..<($0 * 5 + length + 1)]) })
        for layer in [LSTM(16, returnSequences: true), GRU(16, returnSequences: true), SimpleRNN(16, returnSequences: true)] as [RecurrentLayer] {
            let model = Sequential(seed: 1) {
                Input(shape: [length])
                Embedding(inputDimension: 3, outputDimension: 4)
                layer
                Dense(3)
            }
            model.compile(optimizer: Adam(learningRate: 0.02), loss: .sparseCategoricalCrossentropy(fromLogits: true), metrics: [.accuracy])
            let history = try model.fit(x, y, epochs: 30, batchSize: 20, verbose: 0)
            #expect(history[.accuracy].last! == 1, "\(layer.name)")
        }
    }
}
