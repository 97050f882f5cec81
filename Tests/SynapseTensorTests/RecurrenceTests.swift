import Synapse
import SynapseTestSupport
import Testing

@Suite struct RecurrenceTests {
    /// One way of running a cell: which optional inputs it gets.
    struct Setup: CustomTestStringConvertible, Sendable {
        let cell: RecurrentCell
        var masked = false
        var reversed = false
        var initialStates = false
        var dropout = false
        var bias = false
        var testDescription: String {
            "\(cell.kind) \(cell.activation)/\(cell.recurrentActivation)" + (masked ? " masked" : "") + (reversed ? " reversed" : "")
                + (initialStates ? " initial" : "") + (dropout ? " dropout" : "") + (bias ? " bias" : "")
        }
    }

    static let setups: [Setup] = [RecurrentCell.simple(), .lstm(), .gru()].flatMap { cell in
        [Setup(cell: cell),
         Setup(cell: cell, masked: true, reversed: true),
         Setup(cell: cell, masked: true, initialStates: true, dropout: true, bias: cell.kind == .gru)]
    } + [Setup(cell: .simple(activation: .relu), masked: true), Setup(cell: .lstm(activation: .linear, recurrentActivation: .tanh), reversed: true),
         Setup(cell: .gru(activation: .relu), initialStates: true, bias: true)]

    /// The inputs of one run: projected inputs, kernel, optional bias, states and masks.
    struct Inputs {
        var projected: Tensor, kernel: Tensor, bias: Tensor?, initial: [Tensor], mask: Tensor?, dropout: Tensor?
    }

    func makeInputs(_ setup: Setup, batch: Int = 3, steps: Int = 5, units: Int = 3) throws -> Inputs {
        var generator = RandomGenerator(seed: 5)
        let width = setup.cell.gateCount * units
        let projected = try Tensor.randomNormal([batch, steps, width], using: &generator)
        let kernel = try Tensor.randomNormal([units, width], standardDeviation: 0.6, using: &generator)
        let bias = setup.bias ? try Tensor.randomNormal([width], using: &generator) : nil
        let initial = setup.initialStates ? try (0..<setup.cell.stateCount).map { _ in try Tensor.randomNormal([batch, units], using: &generator) } : []
        // Padding at the end of one row, a hole in the middle of another.
        var maskValues = [Float](repeating: 1, count: batch * steps)
        if setup.masked { maskValues[steps - 1] = 0; maskValues[steps - 2] = 0; maskValues[steps + 2] = 0 }
        let mask = setup.masked ? try Tensor(shape: [batch, steps], scalars: maskValues) : nil
        let dropout = setup.dropout ? try Tensor.randomBernoulli([batch, units], probability: 0.7, using: &generator) / 0.7 : nil
        return Inputs(projected: projected, kernel: kernel, bias: bias, initial: initial, mask: mask, dropout: dropout)
    }

    func run(_ setup: Setup, _ inputs: Inputs) throws -> Tensor {
        try inputs.projected.recurrence(
            setup.cell, recurrentKernel: inputs.kernel, recurrentBias: inputs.bias, initialStates: inputs.initial,
            mask: inputs.mask, recurrentDropoutMask: inputs.dropout, reversed: setup.reversed)
    }

    @Test(arguments: setups)
    func statesMatchKerasEquationsWrittenOut(setup: Setup) throws {
        let inputs = try makeInputs(setup)
        let states = try run(setup, inputs)
        let maskRows = inputs.mask.map { mask in mask.nested2.map { $0.map { $0 != 0 } } }
        let expected = referenceRecurrence(
            setup.cell, projected: inputs.projected.nested3, kernel: inputs.kernel.nested2, recurrentBias: inputs.bias?.scalars.map(Double.init),
            initialStates: inputs.initial.map(\.nested2), mask: maskRows, dropoutMask: inputs.dropout?.nested2, reversed: setup.reversed)
        expectClose(states.scalars, expected.flatMap { $0.flatMap { $0.map(Float.init) } }, absolute: 2e-6, relative: 2e-5)
    }

    @Test(arguments: setups.filter { $0.cell.activation != .relu })
    func gradientsMatchFiniteDifferences(setup: Setup) throws {
        let inputs = try makeInputs(setup, batch: 2, steps: 4, units: 3)
        let watched = [inputs.projected, inputs.kernel] + (inputs.bias.map { [$0] } ?? []) + inputs.initial
        try expectGradientsMatchFiniteDifferences(at: watched, step: 1e-2, tolerance: 3e-3) { values in
            var changed = inputs
            changed.projected = values[0]
            changed.kernel = values[1]
            if inputs.bias != nil { changed.bias = values[2] }
            changed.initial = Array(values.dropFirst(inputs.bias == nil ? 2 : 3))
            return try run(setup, changed)
        }
    }

    /// A batch large enough to be split across cores, with units that do not fill the packed
    /// kernel's panels, gives each row what it gets alone: states and gradients.
    @Test(arguments: [RecurrentCell.lstm(), .gru(), .simple()])
    func eachRowOfALargeBatchGetsWhatItGetsAlone(cell: RecurrentCell) throws {
        var generator = RandomGenerator(seed: 31)
        let (batch, steps, units) = (19, 7, 37)
        let projected = try Tensor.randomNormal([batch, steps, cell.gateCount * units], using: &generator)
        let kernel = try Tensor.randomNormal([units, cell.gateCount * units], standardDeviation: 0.2, using: &generator)
        let dropout = try Tensor.randomBernoulli([batch, units], probability: 0.8, using: &generator) / 0.8
        let weights = try Tensor.randomNormal([batch, steps, cell.stateCount * units], using: &generator)
        func run(_ v: [Tensor], rows: Range<Int>) throws -> Tensor {
            try (v[0].recurrence(cell, recurrentKernel: v[1], recurrentDropoutMask: try dropout.sliced([rows])) * weights.sliced([rows])).sum()
        }
        let (_, whole) = try valueWithGradient(at: [projected, kernel]) { v in try run(v, rows: 0..<batch) }
        var kernelGradient = try Tensor.zeros(kernel.shape)
        for row in 0..<batch {
            let (_, alone) = try valueWithGradient(at: [try projected.sliced([row..<(row + 1)]), kernel]) { v in try run(v, rows: row..<(row + 1)) }
            expectClose(try whole[0].sliced([row..<(row + 1)]), alone[0], absolute: 1e-5, relative: 1e-4)
            kernelGradient = try kernelGradient + alone[1]
        }
        expectClose(whole[1], kernelGradient, absolute: 1e-4, relative: 1e-4)
        let states = try projected.recurrence(cell, recurrentKernel: kernel)
        let first = try projected.sliced([0..<1]).recurrence(cell, recurrentKernel: kernel)
        expectClose(try states.sliced([0..<1]), first, absolute: 1e-6)
    }

    @Test func maskedStepsCarryTheStatesAndPassTheirGradientThrough() throws {
        let setup = Setup(cell: .lstm(), masked: true)
        let inputs = try makeInputs(setup)
        let states = try run(setup, inputs)
        // Row 0 is padded at its last two steps: they repeat step 2's states exactly.
        let values = states.nested3
        for step in 3..<5 { #expect(values[0][step] == values[0][2]) }
        // Nothing at a masked step reaches the projected inputs.
        let (_, gradients) = try valueWithGradient(at: [inputs.projected]) { v in
            var changed = inputs
            changed.projected = v[0]
            return try run(setup, changed).sum()
        }
        let projectedGradient = gradients[0].nested3
        #expect(projectedGradient[0][4].allSatisfy { $0 == 0 })
        #expect(projectedGradient[0][2].contains { $0 != 0 })
    }

    @Test func badShapesAreRefusedNamingTheArgument() throws {
        let projected = try Tensor.zeros([2, 3, 8])
        let kernel = try Tensor.zeros([2, 8])
        func message(_ body: () throws -> Tensor) -> String {
            do { _ = try body(); return "" } catch { return "\(error)" }
        }
        #expect(message { try projected.recurrence(.lstm(), recurrentKernel: try Tensor.zeros([2, 6])) }.contains("recurrentKernel"))
        #expect(message { try projected.recurrence(.gru(), recurrentKernel: try Tensor.zeros([2, 6])) }.contains("projected inputs"))
        #expect(message { try projected.recurrence(.lstm(), recurrentKernel: kernel, initialStates: [try Tensor.zeros([2, 2])]) }.contains("initialStates"))
        #expect(message { try projected.recurrence(.lstm(), recurrentKernel: kernel, mask: try Tensor.ones([2, 4])) }.contains("mask"))
        #expect(message { try projected.recurrence(.lstm(), recurrentKernel: kernel, recurrentBias: try Tensor.zeros([8])) }.contains("recurrentBias"))
        #expect(message { try Tensor.zeros([2, 0, 8]).recurrence(.lstm(), recurrentKernel: kernel) }.contains("one step"))
    }

    @Test func aLongSequenceStaysFiniteAndItsTapeIsReleased() throws {
        var generator = RandomGenerator(seed: 3)
        let projected = try Tensor.randomNormal([4, 2000, 16], standardDeviation: 3, using: &generator)
        let kernel = try Tensor.randomNormal([4, 16], using: &generator)
        let (value, gradients) = try valueWithGradient(at: [projected, kernel]) { v in try v[0].recurrence(.lstm(), recurrentKernel: v[1]).sum() }
        #expect(value.scalars[0].isFinite)
        #expect(gradients.allSatisfy { $0.scalars.allSatisfy(\.isFinite) })
    }
}
