import Synapse
import SynapseTestSupport
import Testing

@Suite struct TimeBudgetTests {
    @Test func stopsWhenAnotherEpochWouldPassTheBudget() throws {
        var generator = RandomGenerator(seed: 1)
        let x = try Tensor.randomNormal([64, 3], using: &generator), y = try Tensor.randomNormal([64, 1], using: &generator)
        let model = Sequential(seed: 1) { Input(shape: [3]); Dense(1) }
        model.compile(optimizer: SGD(learningRate: 0.01), loss: .meanSquaredError())
        let spent = TimeBudget(seconds: 0)
        #expect(try model.fit(x, y, epochs: 5, callbacks: [spent], verbose: 0).epochs == [0])
        #expect(spent.stoppedEpoch == 0)
        let ample = TimeBudget(seconds: 3600)
        #expect(try model.fit(x, y, epochs: 5, callbacks: [ample], verbose: 0).epochs.count == 5)
        #expect(ample.stoppedEpoch == nil && ample.elapsedSeconds < 3600)
    }
}

@Suite struct OrthogonalInitializerTests {
    @Test(arguments: [[6, 3], [3, 6], [2, 2, 3, 4]] as [[Int]])
    func rowsOrColumnsAreOrthonormal(dimensions: [Int]) throws {
        var generator = RandomGenerator(seed: 4)
        let kernel = try Initializer.orthogonal(gain: 2).makeTensor(shape: Shape(dimensions), using: &generator)
        let columns = dimensions.last!, rows = kernel.elementCount / columns
        let matrix = try kernel.reshaped(to: [rows, columns])
        let gram = rows < columns ? try matrix.matmul(matrix.transposed()) : try matrix.transposed().matmul(matrix)
        expectClose(gram, try Tensor.identity(Swift.min(rows, columns)) * 4, absolute: 1e-5)
        var again = RandomGenerator(seed: 4)
        #expect(try Initializer.orthogonal(gain: 2).makeTensor(shape: Shape(dimensions), using: &again) == kernel)
    }
}
