import Foundation
import Synapse
@testable import SynapseNN
import SynapseTestSupport
import Testing

@Suite struct CustomLoopTests {
    private func model() -> Sequential {
        let model = Sequential(seed: 11) {
            Input(shape: [6])
            Dense(8, activation: .relu)
            Dense(3)
        }
        model.compile(optimizer: Adam(learningRate: 1e-2), loss: .sparseCategoricalCrossentropy(fromLogits: true))
        return model
    }

    /// The seed's `tape.gradient(loss, model.trainable_weights)` then
    /// `optimizer.apply_gradients(…)`, batch by batch, ends with fit's weights, bit for bit.
    @Test func aCustomLoopReproducesFit() throws {
        let (features, labels) = try Classification.generate(samples: 100, features: 6, informative: 4, classes: 3, seed: 2)
        let fitted = model()
        try fitted.fit(features, labels, epochs: 3, batchSize: 16, shuffle: false, verbose: 0)

        let looped = model()
        let optimizer = Adam(learningRate: 1e-2)
        let loss = SparseCategoricalCrossentropy(fromLogits: true)
        for _ in 0..<3 {
            for start in stride(from: 0, to: 100, by: 16) {
                let rows = start..<min(start + 16, 100)
                let (x, y) = (try features[rows], try labels[rows])
                let (_, gradients) = try valueWithGradient(of: looped.trainableParameters) { try loss(y, looped(x, training: true)) }
                try optimizer.apply(gradients, to: looped.trainableParameters)
            }
        }
        #expect(looped.parameters.map(\.value) == fitted.parameters.map(\.value))
        #expect(optimizer.iterations == fitted.trainingSetup?.optimizer.iterations)
    }

    /// A frozen layer keeps its weights in a custom loop too: `trainableParameters` leaves it out.
    @Test func aCustomLoopRespectsFreezing() throws {
        let network = model()
        let frozen = network.layers[1]
        frozen.isTrainable = false
        let before = frozen.parameters.map(\.value)
        let optimizer = SGD(learningRate: 0.5)
        let (x, y) = (try Tensor.ones([4, 6]), tensor([4], [0, 1, 2, 0]))
        let parameters = network.trainableParameters
        #expect(parameters.count == 2)
        let (_, gradients) = try valueWithGradient(of: parameters) { try SparseCategoricalCrossentropy(fromLogits: true)(y, network(x, training: true)) }
        try optimizer.apply(gradients, to: parameters)
        #expect(frozen.parameters.map(\.value) == before)
    }
}
