import Foundation
import Synapse
@testable import SynapseNN
import SynapseTestSupport
import Testing

/// `x · kernel + bias` of a built Dense layer, written out.
private func affine(_ x: Tensor, _ layer: Dense) throws -> Tensor {
    try x.matmul(layer.parameters[0].value) + layer.parameters[1].value
}

private func batch(_ shape: Shape, seed: UInt64) throws -> Tensor {
    var generator = RandomGenerator(seed: seed)
    return try Tensor.randomNormal(shape, using: &generator)
}

@Suite struct FunctionalTests {
    @Test func aDiamondMatchesTheSameComputationWrittenByHandInValueAndGradient() throws {
        let x = Input.symbolic(shape: [5])
        let trunk = Dense(4, activation: .tanh), left = Dense(3), right = Dense(3, activation: .softplus), head = Dense(2)
        let a = try trunk(x)
        let joined = try Add()([try left(a), try right(a)])
        let model = try Functional(inputs: x, outputs: try head(joined), seed: 3)
        #expect(model.layers.count == 6 && model.layers.map(\.name) == ["input", "dense", "dense_1", "dense_2", "add", "dense_3"])

        let input = try batch([7, 5], seed: 1)
        func byHand() throws -> Tensor {
            let hidden = tanh(try affine(input, trunk))
            return try affine(try affine(hidden, left) + softplus(try affine(hidden, right)), head)
        }
        #expect(try model(input) == byHand())
        let parameters = model.trainableParameters
        #expect(parameters.count == 8)
        let (graphLoss, graphGradients) = try valueWithGradient(of: parameters) { try (model(input, training: true) * model(input, training: true)).mean() }
        let (handLoss, handGradients) = try valueWithGradient(of: parameters) { let y = try byHand(); return try (y * y).mean() }
        #expect(graphLoss == handLoss)
        for (graph, hand) in zip(graphGradients, handGradients) { expectClose(graph, hand, absolute: 1e-6) }
        try expectGradientsMatchFiniteDifferences(at: [input]) { inputs in try model(inputs[0]) }
    }

    @Test func severalInputsAndOutputsRunTogether() throws {
        let image = Input.symbolic(shape: [6], name: "image"), meta = Input.symbolic(shape: [2], name: "meta")
        let features = try Dense(4, activation: .relu)(image)
        let joined = try Concatenate()([features, meta])
        let classes = try Dense(3, name: "classes")(joined), score = try Dense(1, activation: .sigmoid, name: "score")(joined)
        #expect(joined.shape == [6] && classes.shape == [3] && score.shape == [1])
        let model = try Functional(inputs: [image, meta], outputs: [classes, score])
        let (pixels, extra) = (try batch([4, 6], seed: 2), try batch([4, 2], seed: 3))
        let outputs = try model(inputs: [pixels, extra])
        #expect(outputs.map(\.shape) == [[4, 3], [4, 1]])
        let dense = try #require(model.layers[2] as? Dense)
        let hand = try Tensor.concatenating([relu(try affine(pixels, dense)), extra], alongAxis: 1)
        #expect(outputs[0] == (try affine(hand, try #require(model.layers[4] as? Dense))))
        #expect(outputs[1] == sigmoid(try affine(hand, try #require(model.layers[5] as? Dense))))
        #expect(throws: ModelError.self) { try model(inputs: [pixels]) }
        #expect(throws: ModelError.self) { try model(pixels) }
        do {
            _ = try model(inputs: [extra, pixels])
            Issue.record("swapped inputs are refused")
        } catch let error as ModelError {
            #expect("\(error)".contains("'image'") && "\(error)".contains("[4, 2]"))
        }
    }

    @Test func aSharedLayerHasOneSetOfWeightsAndGetsBothCallsGradients() throws {
        let left = Input.symbolic(shape: [3], name: "left"), right = Input.symbolic(shape: [3], name: "right")
        let shared = Dense(4, activation: .tanh, name: "embed")
        let difference = try Subtract()([try shared(left), try shared(right)])
        let model = try Functional(inputs: [left, right], outputs: [try Dense(1)(difference)], seed: 5)
        #expect(model.layers.filter { $0 === shared }.count == 1 && model.parameterCount == 16 + 5)
        let (a, b) = (try batch([5, 3], seed: 6), try batch([5, 3], seed: 7))
        let kernel = shared.parameters[0]
        let (_, gradients) = try valueWithGradient(of: [kernel]) { try model(inputs: [a, b])[0].sum() }
        // The same kernel through both branches, written out: its gradient sums both paths.
        let head = try #require(model.layers.last as? Dense)
        let (_, handGradients) = try valueWithGradient(of: [kernel]) {
            try affine(tanh(try affine(a, shared)) - tanh(try affine(b, shared)), head).sum()
        }
        expectClose(gradients[0], handGradients[0], absolute: 1e-6)
        #expect(model.summary().contains("Connected to") && model.summary().contains("left; right"))
        #expect(model.summaryRows().first { $0.layer.hasPrefix("subtract") }?.connectedTo == ["embed, embed"])
    }

    @Test func shapeErrorsNameTheLayerAndBothShapes() throws {
        let x = Input.symbolic(shape: [4])
        let three = try Dense(3)(x), five = try Dense(5)(x)
        do {
            _ = try Add(name: "join")([three, five])
            Issue.record("mismatched shapes are refused")
        } catch let error as ModelError {
            #expect("\(error)".contains("'join'") && "\(error)".contains("[3]") && "\(error)".contains("[5]"), "\(error)")
        }
        #expect(throws: ModelError.self) { try Concatenate(axis: 0)([three, five]) }
        #expect(try Concatenate(axis: -1)([three, five]).shape == [8])
        #expect(throws: ModelError.self) { try Subtract()([three, three, three]) }
        #expect(throws: ModelError.self) { try Conv2D(4, kernelSize: 3)(x) }
        let other = Input.symbolic(shape: [4], name: "other")
        do {
            _ = try Functional(inputs: x, outputs: try Add()([three, try Dense(3)(other)]))
            Issue.record("an input missing from inputs is refused")
        } catch let error as ModelError {
            #expect("\(error)".contains("'other'"), "\(error)")
        }
        let shared = Dense(2, name: "shared")
        let wide = Input.symbolic(shape: [6])
        let a = try shared(x), b = try shared(wide)
        do {
            _ = try Functional(inputs: [x, wide], outputs: [a, b])
            Issue.record("a shared layer on two shapes is refused")
        } catch let error as ModelError {
            #expect("\(error)".contains("'shared'") && "\(error)".contains("[4]") && "\(error)".contains("[6]"), "\(error)")
        }
    }

    @Test func mergeLayersComputeWhatTheyNameWithGradients() throws {
        let a = tensor([2, 2], [1, -2, 3, 0.5]), b = tensor([2, 2], [2, 1, -1, 0.25]), c = tensor([2, 2], [0, 4, 1, 1])
        #expect(try Add().forward([a, b, c], training: false) == tensor([2, 2], [3, 3, 3, 1.75]))
        #expect(try Subtract().forward([a, b], training: false) == tensor([2, 2], [-1, -3, 4, 0.25]))
        #expect(try Multiply().forward([a, b], training: false) == tensor([2, 2], [2, -2, -3, 0.125]))
        #expect(try Average().forward([a, b], training: false) == tensor([2, 2], [1.5, -0.5, 1, 0.375]))
        #expect(try Maximum().forward([a, b, c], training: false) == tensor([2, 2], [2, 4, 3, 1]))
        #expect(try Concatenate().forward([a, b], training: false) == tensor([2, 4], [1, -2, 2, 1, 3, 0.5, -1, 0.25]))
        #expect(throws: ModelError.self) { try Add().forward([a], training: false) }
        #expect(throws: ModelError.self) { try Add().forward([a, tensor([1, 2], [1, 2])], training: false) }
        for layer in [Add(), Multiply(), Average(), Maximum(), Concatenate()] as [MergeLayer] {
            try expectGradientsMatchFiniteDifferences(at: [a, b, c]) { try layer.forward($0, training: true) }
        }
        try expectGradientsMatchFiniteDifferences(at: [a, b]) { try Subtract().forward($0, training: true) }
    }

    @Test func aResidualModelTrainsWithFitDeterministically() throws {
        func residualModel() throws -> Functional {
            let x = Input.symbolic(shape: [20])
            let hidden = try Dense(32, activation: .relu)(x)
            let block = try Dense(32)(try Dense(32, activation: .relu)(hidden))
            let sum = try Activation(.relu)(try Add()([hidden, block]))
            let model = try Functional(inputs: x, outputs: try Dense(3)(sum), seed: 2)
            model.compile(optimizer: Adam(learningRate: 3e-3), loss: .sparseCategoricalCrossentropy(fromLogits: true), metrics: [.accuracy])
            return model
        }
        let (features, labels) = try Classification.generate(samples: 600, features: 20, informative: 10, classes: 3, seed: 3)
        var scaler = StandardScaler()
        let x = try scaler.fitTransform(features)
        let first = try residualModel(), second = try residualModel()
        let history = try first.fit(x, labels, epochs: 15, validationSplit: .shuffled(0.2), verbose: 0)
        try second.fit(x, labels, epochs: 15, validationSplit: .shuffled(0.2), verbose: 0)
        #expect(history[.validationAccuracy].last! > 0.7 && history[.loss].last! < history[.loss].first! * 0.7, "\(history[.validationAccuracy])")
        #expect(first.parameters.map(\.value) == second.parameters.map(\.value))
        #expect(try first.predict(x).shape == [600, 3])
    }

    @Test func layersOfATrainedModelKeepTheirWeightsInANewGraphAndFrozenOnesStayBitIdentical() throws {
        let base = Sequential(seed: 1) {
            Input(shape: [8])
            Dense(6, activation: .relu, name: "feature")
        }
        let feature = try #require(base.layers.last)
        let before = feature.parameters.map(\.value)
        feature.isTrainable = false
        let x = Input.symbolic(shape: [8])
        let model = try Functional(inputs: x, outputs: try Dense(2, name: "new_head")(try base(x)), seed: 9)
        #expect(feature.parameters.map(\.value) == before, "building the graph keeps the trained weights")
        #expect(model.summary().contains("Non-trainable params: 54"))
        model.compile(optimizer: SGD(learningRate: 0.1), loss: .meanSquaredError())
        try model.fit(try batch([32, 8], seed: 4), try batch([32, 2], seed: 5), epochs: 3, verbose: 0)
        #expect(feature.parameters.map(\.value) == before)
        #expect(model.layers.last!.parameters[0].value != (try Tensor.zeros([6, 2])))
    }

    @Test func freezingAWholeModelFreezesItsLayersAndItsBatchNormRunsInInferenceMode() throws {
        let base = Sequential(seed: 1) {
            Input(shape: [8])
            Dense(6, activation: .relu)
            BatchNormalization()
        }
        base.isTrainable = false
        #expect(base.layers.allSatisfy { !$0.isTrainable })
        let before = base.parameters.map(\.value)
        let x = Input.symbolic(shape: [8])
        let model = try Functional(inputs: x, outputs: try Dense(2)(try base(x)), seed: 2)
        model.compile(optimizer: Adam(learningRate: 1e-2), loss: .meanSquaredError())
        try model.fit(try batch([64, 8], seed: 3) * 3 + 1, try batch([64, 2], seed: 4), epochs: 2, verbose: 0)
        #expect(base.parameters.map(\.value) == before, "weights and moving statistics unchanged")
        base.isTrainable = true
        #expect(base.layers.allSatisfy { $0.isTrainable })
    }
}
