import Synapse
import Testing

/// `WeightAverage`: the exponential moving average of a model's weights.
@Suite struct WeightAverageTests {
    @Test func theAverageFollowsTheWeightsAsTheFormulaSays() throws {
        let model = Sequential(seed: 1) { Input(shape: [2]); Dense(1) }
        let kernel = try #require(model.layers[1].parameters.first)
        try model.layers[1].setWeights([try Tensor([[1.0], [2.0]]), try Tensor([0.0])])
        let average = try WeightAverage(of: model, decay: 0.5)
        try model.layers[1].setWeights([try Tensor([[3.0], [2.0]]), try Tensor([4.0])])
        try average.update()                       // 0.5·1 + 0.5·3 = 2;   0.5·0 + 0.5·4 = 2
        try model.layers[1].setWeights([try Tensor([[3.0], [6.0]]), try Tensor([4.0])])
        try average.update()                       // 0.5·2 + 0.5·3 = 2.5, 0.5·2 + 0.5·6 = 4; bias 3
        #expect(average.averages[0].scalars == [2.5, 4] && average.averages[1].scalars == [3])
        #expect(kernel.value.scalars == [3, 6], "the model keeps its own weights")
        let sampler = Sequential(seed: 9) { Input(shape: [2]); Dense(1) }
        try average.copy(to: sampler)
        #expect(try sampler.predict(try Tensor([[1.0, 1.0]])).scalars == [9.5])
        // The copy is independent: a later update does not change the sampler.
        try average.update()
        #expect(sampler.layers[1].parameters[0].value.scalars == [2.5, 4])
    }

    @Test func badSettingsAndMismatchedModelsAreRefused() throws {
        let model = Sequential(seed: 1) { Input(shape: [2]); Dense(3) }
        #expect(throws: ModelError.self) { _ = try WeightAverage(of: model, decay: 1) }
        #expect(throws: ModelError.self) { _ = try WeightAverage(of: Sequential { Dense(2) }) }
        let average = try WeightAverage(of: model)
        let other = Sequential { Input(shape: [2]); Dense(4) }
        let error = #expect(throws: ModelError.self) { try average.copy(to: other) }
        #expect("\(error!)".contains("shape [2, 3]") && "\(error!)".contains("[2, 4]"))
    }
}
