import CSynapseKernels

/// A recurrent layer's loop over time as one differentiable operation: backpropagation through
/// time in a single pullback, with the per-step products through BLAS and the gate arithmetic
/// in fused C kernels (`RecurrentKernels.c`), so a step allocates nothing.
extension Tensor {
    /// Runs `cell` over the steps of this tensor of projected inputs `x·W + b`
    /// (`[batch, steps, gates · units]`, computed by the caller for all steps in one product)
    /// and returns every step's states: `[batch, steps, states · units]`, each step holding `h`
    /// (then `c` for the LSTM). Steps are returned in the order they are processed.
    ///
    /// Differentiable with respect to the projected inputs, `recurrentKernel`, `recurrentBias`
    /// and `initialStates`; `mask` and `recurrentDropoutMask` are constants.
    ///
    /// - Parameters:
    ///   - recurrentKernel: `U`, `[units, gates · units]`.
    ///   - recurrentBias: `[gates · units]`, added to `h_prev·U` (GRU only: elsewhere it would
    ///     only repeat the input bias).
    ///   - initialStates: `[batch, units]` per state (`h`, then `c`); empty for zeros.
    ///   - mask: `[batch, steps]`; where it is 0 the step is skipped: its states (and output)
    ///     repeat the previous step's (Keras's masking).
    ///   - recurrentDropoutMask: `[batch, units]`, multiplied into `h_prev` before the
    ///     recurrent product at every step (Keras's recurrent dropout: one mask per sequence).
    ///   - reversed: processes the steps last to first (Keras's `go_backwards`).
    /// - Throws: `TensorError` when a shape does not fit the others, naming the argument.
    public func recurrence(
        _ cell: RecurrentCell, recurrentKernel: Tensor, recurrentBias: Tensor? = nil, initialStates: [Tensor] = [],
        mask: Tensor? = nil, recurrentDropoutMask: Tensor? = nil, reversed: Bool = false
    ) throws -> Tensor {
        let plan = try RecurrencePlan(
            cell: cell, projectedShape: shape, kernelShape: recurrentKernel.shape, biasShape: recurrentBias?.shape,
            initialShapes: initialStates.map(\.shape), maskShape: mask?.shape, dropoutShape: recurrentDropoutMask?.shape,
            reversed: reversed)
        let inputs = [self, recurrentKernel] + (recurrentBias.map { [$0] } ?? []) + initialStates
        let recording = Tensor.isRecording(inputs)
        let projected = contiguous().detached(), kernel = recurrentKernel.contiguous().detached()
        let bias = recurrentBias?.contiguous().detached()
        let initial = plan.packedInitialStates(initialStates)
        let keep = mask.map { plan.keepFlags(from: $0).detached() }
        let dropout = recurrentDropoutMask?.contiguous().detached()
        let run = plan.forward(projected: projected, kernel: kernel, bias: bias, initial: initial, keep: keep, dropout: dropout, saving: recording)
        guard recording else { return run.states }
        let states = run.states.detached()
        let (hasBias, hasInitial) = (recurrentBias != nil, !initialStates.isEmpty)
        return Tensor.recorded(run.states, "recurrence", inputs: inputs) { g in
            let gradients = plan.backward(
                g.contiguous(), states: states, saved: run.saved, previous: run.previous, kernel: kernel,
                initial: initial, keep: keep, dropout: dropout, wantsBias: hasBias)
            return [gradients.projected, gradients.kernel] + (hasBias ? [gradients.bias] : [])
                + (hasInitial ? gradients.initialStates : [])
        }
    }
}

/// The sizes of one `recurrence` call, checked once, and its forward and backward sweeps.
struct RecurrencePlan: Sendable {
    let cell: RecurrentCell
    let batch: Int, steps: Int, units: Int
    let reversed: Bool

    /// Floats per row of the projected inputs, of the states, and of the saved activations.
    var gateWidth: Int { cell.gateCount * units }
    var stateWidth: Int { cell.stateCount * units }
    var savedWidth: Int { cell.savedCount * units }

    init(
        cell: RecurrentCell, projectedShape: Shape, kernelShape: Shape, biasShape: Shape?, initialShapes: [Shape],
        maskShape: Shape?, dropoutShape: Shape?, reversed: Bool
    ) throws {
        let operation = "recurrence(\(cell.kind))", gates = cell.gateCount
        guard kernelShape.rank == 2, kernelShape[0] >= 1, kernelShape[1] == gates * kernelShape[0] else {
            throw TensorError.invalidArgument(
                operation: operation, argument: "recurrentKernel", expected: "a matrix [units, \(gates) · units]", received: "shape \(kernelShape)")
        }
        let units = kernelShape[0]
        guard projectedShape.rank == 3, projectedShape[0] >= 1, projectedShape[1] >= 1, projectedShape[2] == gates * units else {
            throw TensorError.invalidArgument(
                operation: operation, argument: "projected inputs",
                expected: "[batch, steps, \(gates * units)] with at least one sample and one step", received: "shape \(projectedShape)")
        }
        let (batch, steps) = (projectedShape[0], projectedShape[1])
        if let biasShape, cell.kind != .gru || biasShape != [gates * units] {
            throw TensorError.invalidArgument(
                operation: operation, argument: "recurrentBias", expected: cell.kind == .gru ? "shape [\(gates * units)]" : "nil (only the GRU has one)",
                received: "shape \(biasShape)")
        }
        guard initialShapes.isEmpty || (initialShapes.count == cell.stateCount && initialShapes.allSatisfy { $0 == [batch, units] }) else {
            throw TensorError.invalidArgument(
                operation: operation, argument: "initialStates", expected: "none, or \(cell.stateCount) of shape [\(batch), \(units)]",
                received: "\(initialShapes.count) of shapes \(initialShapes)")
        }
        if let maskShape, maskShape != [batch, steps] {
            throw TensorError.invalidArgument(operation: operation, argument: "mask", expected: "shape [\(batch), \(steps)]", received: "shape \(maskShape)")
        }
        if let dropoutShape, dropoutShape != [batch, units] {
            throw TensorError.invalidArgument(
                operation: operation, argument: "recurrentDropoutMask", expected: "shape [\(batch), \(units)]", received: "shape \(dropoutShape)")
        }
        self.cell = cell
        (self.batch, self.steps, self.units, self.reversed) = (batch, steps, units, reversed)
    }

    /// The input step that processing step `step` reads.
    func inputStep(_ step: Int) -> Int { reversed ? steps - 1 - step : step }

    /// Where a chunk's states before processing step `step` are, and their row stride: the
    /// initial states (`[rows, states · units]`) for the first step, else the previous step's
    /// in the output (`[rows, steps, states · units]`).
    func previousStates(before step: Int, initial: UnsafePointer<Float>, states: UnsafePointer<Float>) -> (UnsafePointer<Float>, Int) {
        step == 0 ? (initial, stateWidth) : (states + (step - 1) * stateWidth, steps * stateWidth)
    }

    /// The initial states side by side per row (`[batch, states · units]`), zeros when none.
    func packedInitialStates(_ states: [Tensor]) -> Tensor {
        guard !states.isEmpty else { return Tensor(repeating: 0, shape: [batch, stateWidth]) }
        let parts = states.map { $0.contiguous() }
        return Tensor(shape: [batch, stateWidth]) { packed in
            for (index, part) in parts.enumerated() {
                part.withUnsafeBufferPointer { source in
                    for row in 0..<batch {
                        (packed.baseAddress! + row * stateWidth + index * units).update(from: source.baseAddress! + row * units, count: units)
                    }
                }
            }
        }
    }

    /// The mask as one flag per row for each input step (`[steps, batch]`, 1 where the step counts).
    func keepFlags(from mask: Tensor) -> Tensor {
        let values = mask.contiguous().scalars
        return Tensor(shape: [steps, batch]) { flags in
            for row in 0..<batch {
                for step in 0..<steps { flags[step * batch + row] = values[row * steps + step] != 0 ? 1 : 0 }
            }
        }
    }

    /// The flags of input step `input`, one per row, or `nil` without a mask.
    func flags(_ keep: Tensor?, at input: Int) -> UnsafePointer<Float>? {
        keep.map { UnsafePointer($0.storage.base + $0.offset + input * batch) }
    }

    /// What the forward sweep produces: the states, and for the pullback the saved gate
    /// activations (`[steps, batch, saved]`) and the recurrent products' left operands
    /// (`h_prev` times the dropout mask, `[steps, batch, units]`).
    struct Run {
        let states: Tensor
        let saved: Tensor
        let previous: Tensor
    }

    /// The forward sweep. Samples are independent through time, so the batch is split across
    /// cores and each core runs its rows through every step with products of its own (no
    /// synchronisation per step), against a copy of U packed once.
    func forward(projected: Tensor, kernel: Tensor, bias: Tensor?, initial: Tensor, keep: Tensor?, dropout: Tensor?, saving: Bool) -> Run {
        let stepCount = saving ? steps : 1
        let saved = TensorStorage.uninitialized(count: Swift.max(stepCount * batch * savedWidth, 1))
        let keepsPrevious = saving || dropout != nil
        let previous = TensorStorage.uninitialized(count: keepsPrevious ? stepCount * batch * units : 1)
        let product = UnsafeMutablePointer<Float>.allocate(capacity: batch * gateWidth)
        defer { product.deallocate() }
        let packed = PackedKernel(kernel, transposed: false)   // for every step's h_prev · U
        let (activation, gates) = (cell.activation.rawValue, cell.recurrentActivation.rawValue)
        let states = Tensor(shape: [batch, steps, stateWidth]) { output in
            let out = UncheckedSendable(output.baseAddress!)
            Parallel.forEachChunk(count: batch, minimumChunk: RecurrencePlan.rowsPerCore) { rows in
                let first = rows.lowerBound, count = rows.count
                let out = out.value + first * steps * stateWidth, product = product + first * gateWidth
                let x = projected.storage.base + projected.offset + first * steps * gateWidth
                let b = bias.map { $0.storage.base + $0.offset }
                let start = initial.storage.base + initial.offset + first * stateWidth
                for step in 0..<steps {
                    let input = inputStep(step)
                    let (prev, prevStride) = previousStates(before: step, initial: start, states: out)
                    let slot = saving ? step : 0
                    // The left operand of h_prev · U: the states as they are, or a copy times the
                    // dropout mask (kept for the kernel's gradient when recording).
                    var left = prev, leftStride = prevStride
                    if keepsPrevious {
                        let copy = previous.base + (slot * batch + first) * units
                        for row in 0..<count { (copy + row * units).update(from: prev + row * prevStride, count: units) }
                        if let dropout {
                            let mask = dropout.storage.base + dropout.offset + first * units
                            for i in 0..<(count * units) { copy[i] *= mask[i] }
                        }
                        (left, leftStride) = (UnsafePointer(copy), units)
                    }
                    synapse_packed_product(left, leftStride, packed.panels, product, gateWidth, count, gateWidth, units, 0)
                    let flags = flags(keep, at: input).map { $0 + first }
                    let p = x + input * gateWidth, pStride = steps * gateWidth
                    let here = out + step * stateWidth, hereStride = steps * stateWidth
                    let savedHere = saved.base + (slot * batch + first) * savedWidth
                    switch cell.kind {
                    case .simple:
                        synapse_rnn_step_forward(p, pStride, product, prev, prevStride, here, hereStride, flags, count, units, activation)
                    case .lstm:
                        synapse_lstm_step_forward(p, pStride, product, prev, prevStride, here, hereStride, savedHere, flags, count, units, activation, gates)
                    case .gru:
                        synapse_gru_step_forward(p, pStride, product, b, prev, prevStride, here, hereStride, savedHere, flags, count, units, activation, gates)
                    }
                }
            }
        }
        return Run(states: states, saved: Tensor(storage: saved, shape: [saved.count]), previous: Tensor(storage: previous, shape: [previous.count]))
    }

    /// Rows each core takes at least, below which one core runs the whole batch.
    static let rowsPerCore = 8

    /// The gradients of one `recurrence` call.
    struct Gradients {
        let projected: Tensor
        let kernel: Tensor
        let bias: Tensor?
        let initialStates: [Tensor]
    }

    /// Backpropagation through time: one sweep from the last step to the first, carrying the
    /// states' gradient, with the batch split across cores as in the forward sweep; the
    /// kernel's gradient is one product over all steps and rows at the end.
    func backward(
        _ g: Tensor, states: Tensor, saved: Tensor, previous: Tensor, kernel: Tensor, initial: Tensor, keep: Tensor?, dropout: Tensor?,
        wantsBias: Bool
    ) -> Gradients {
        let carried = TensorStorage.filled(with: 0, count: batch * stateWidth)
        let gateGradients = TensorStorage.uninitialized(count: steps * batch * gateWidth)
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: batch * units)
        defer { scratch.deallocate() }
        let packed = PackedKernel(kernel, transposed: true)   // for every step's dR · Uᵀ
        let (activation, gates) = (cell.activation.rawValue, cell.recurrentActivation.rawValue)
        let projected = Tensor(shape: [batch, steps, gateWidth]) { dProjected in
            let dProjected = UncheckedSendable(dProjected.baseAddress!)
            Parallel.forEachChunk(count: batch, minimumChunk: RecurrencePlan.rowsPerCore) { rows in
                let first = rows.lowerBound, count = rows.count
                let dState = carried.base + first * stateWidth, scratch = scratch + first * units
                let out = states.storage.base + states.offset + first * steps * stateWidth
                let gradient = g.storage.base + g.offset + first * steps * stateWidth
                let start = initial.storage.base + initial.offset + first * stateWidth
                let mask = dropout.map { $0.storage.base + $0.offset + first * units }
                for step in stride(from: steps - 1, through: 0, by: -1) {
                    let input = inputStep(step)
                    let (prev, prevStride) = previousStates(before: step, initial: start, states: out)
                    let here = out + step * stateWidth, hereStride = steps * stateWidth
                    let gHere = gradient + step * stateWidth
                    let dR = gateGradients.base + (step * batch + first) * gateWidth
                    let dP = dProjected.value + first * steps * gateWidth + input * gateWidth, dpStride = steps * gateWidth
                    let savedHere = saved.storage.base + (step * batch + first) * savedWidth
                    let flags = flags(keep, at: input).map { $0 + first }
                    switch cell.kind {
                    case .simple:
                        synapse_rnn_step_backward(here, hereStride, gHere, hereStride, dState, dR, dP, dpStride, flags, count, units, activation)
                    case .lstm:
                        synapse_lstm_step_backward(savedHere, here, hereStride, prev, prevStride, gHere, hereStride, dState, dR, dP, dpStride,
                                                   flags, scratch, count, units, activation, gates)
                    case .gru:
                        synapse_gru_step_backward(savedHere, prev, prevStride, gHere, hereStride, dState, dR, dP, dpStride, flags, count, units,
                                                  activation, gates)
                    }
                    // dh_prev += (dR · Uᵀ) ⊙ dropout mask.
                    if let mask {
                        synapse_packed_product(dR, gateWidth, packed.panels, scratch, units, count, units, gateWidth, 0)
                        for row in 0..<count {
                            for j in 0..<units { dState[row * stateWidth + j] += scratch[row * units + j] * mask[row * units + j] }
                        }
                    } else {
                        synapse_packed_product(dR, gateWidth, packed.panels, dState, stateWidth, count, units, gateWidth, 1)
                    }
                }
            }
        }
        // dU = Σ_t (h_prev ⊙ m)ᵀ · dR_t, every step in one product.
        let dKernel = Tensor(shape: [units, gateWidth]) { dU in
            BLAS.sgemm(transposeA: true, transposeB: false, m: units, n: gateWidth, k: steps * batch, alpha: 1,
                       a: previous.storage.base, lda: units, b: gateGradients.base, ldb: gateWidth, beta: 0, c: dU.baseAddress!, ldc: gateWidth)
        }
        let dBias = !wantsBias ? nil : Tensor(shape: [gateWidth]) { sums in
            sums.initialize(repeating: 0)
            for row in 0..<(steps * batch) {
                let line = gateGradients.base + row * gateWidth
                for j in 0..<gateWidth { sums[j] += line[j] }
            }
        }
        let dInitial = (0..<cell.stateCount).map { index in
            Tensor(shape: [batch, units]) { part in
                for row in 0..<batch {
                    for j in 0..<units { part[row * units + j] = carried.base[row * stateWidth + index * units + j] }
                }
            }
        }
        return Gradients(projected: projected, kernel: dKernel, bias: dBias, initialStates: dInitial)
    }
}

/// A recurrent kernel `U` (`[units, gates · units]`) or its transpose, packed once into panels
/// for the per-step products (`synapse_packed_product`); freed with this object.
final class PackedKernel {
    /// The packed panels.
    let panels: UnsafeMutablePointer<Float>

    /// `kernel` (or, when `transposed`, its transpose) packed.
    init(_ kernel: Tensor, transposed: Bool) {
        let (rows, columns) = (kernel.shape[0], kernel.shape[1])
        let (k, n) = transposed ? (columns, rows) : (rows, columns)
        panels = UnsafeMutablePointer<Float>.allocate(capacity: synapse_packed_count(k, n))
        synapse_pack_panels(kernel.storage.base + kernel.offset, columns, transposed ? 1 : 0, k, n, panels)
    }

    deinit { panels.deallocate() }
}
