import CSynapseKernels

/// Convolution over channels-last batches, lowered to one matrix product (im2col).
///
/// The input's windows become the rows of a patch matrix (`WindowGeometry.gatherPatches`), the
/// Keras kernel `[kh, kw, in, out]` read as a `[kh·kw·in, out]` matrix multiplies it in one
/// BLAS call that spans the whole batch, and one pass adds the bias and applies ReLU. The
/// pullback reuses the patch matrix: `dKernel = patchesᵀ · dY`, `dBias = Σ dY`, and
/// `dInput = scatter(dY · kernelᵀ)` (col2im), computed only when the input is differentiated.
extension Tensor {
    /// The 2-D convolution (cross-correlation, as Keras and PyTorch) of this
    /// `[batch, height, width, in]` batch with `kernel` `[kh, kw, in, out]`, plus `bias` `[out]`,
    /// then `activation`: a `[batch, outHeight, outWidth, out]` batch.
    ///
    /// ```swift
    /// let y = try x.convolved2D(with: kernel, bias: bias, padding: .same)   // [64, 28, 28, 1] → [64, 28, 28, 32]
    /// ```
    /// - Throws: `TensorError` when the input is not rank 4, the kernel is not
    ///   `[kh, kw, in, out]` with `in` the input's channels, the bias is not `[out]`, or a
    ///   stride, dilation or `.valid` window does not fit.
    public func convolved2D(
        with kernel: Tensor, bias: Tensor? = nil, strides: Size2D = 1, padding: Padding = .valid, dilation: Size2D = 1,
        activation: AffineActivation = .identity
    ) throws -> Tensor {
        let operation = "convolved2D(with:)"
        guard kernel.rank == 4 else {
            throw TensorError.invalidArgument(operation: operation, argument: "kernel", expected: "rank 4 [kh, kw, in, out]", received: "shape \(kernel.shape)")
        }
        let geometry = try WindowGeometry(
            input: shape, window: Size2D(kernel.shape[0], kernel.shape[1]), strides: strides, dilation: dilation,
            padding: padding, operation: operation)
        guard kernel.shape[2] == geometry.channels else {
            throw TensorError.incompatibleShapes(operation: operation, lhs: shape, rhs: kernel.shape,
                                                 rule: "the kernel's third dimension must equal the input's channels")
        }
        let filters = kernel.shape[3]
        if let bias, bias.shape != [filters] {
            throw TensorError.incompatibleShapes(operation: operation, lhs: kernel.shape, rhs: bias.shape,
                                                 rule: "the bias must be a vector [\(filters)] matching the kernel's last dimension")
        }
        let (x, weights) = (contiguous(), kernel.contiguous().reshapedUnchecked(to: [geometry.patchSize, filters]))
        let (patches, result) = Tensor.convolutionForward(x, weights, bias: bias, geometry: geometry, activation: activation)

        guard Tensor.isRecording(self, kernel) || (bias.map { Tensor.isRecording($0) } ?? false) else { return result }
        let (p, w) = (patches.detached(), weights.detached())
        let needs = (input: requiresGradient, kernel: kernel.requiresGradient, bias: bias?.requiresGradient ?? false)
        let kernelShape = kernel.shape
        return Tensor.recorded(result, operation, inputs: [self, kernel] + (bias.map { [$0] } ?? [])) { g in
            if !needs.input && geometry.patchSize <= Tensor.smallDepth && filters <= 64 {
                // A first layer: its kernel and bias gradients in one pass over the output gradient.
                let (dw, db) = Tensor.smallDepthPullback(g, output: result, patches: p, geometry: geometry, units: filters,
                                                         relu: activation == .relu, wantsBias: needs.bias)
                return [nil, needs.kernel ? dw.reshapedUnchecked(to: kernelShape) : nil] + (bias == nil ? [] : [db])
            }
            let (gz, db) = Kernels.affinePullback(g, output: result, rows: geometry.outputPositions, units: filters,
                                                  relu: activation == .relu, wantsBias: needs.bias)
            let (dx, dw) = Tensor.convolutionPullback(gz, patches: p, weights: w, geometry: geometry, wantsInput: needs.input,
                                                      wantsKernel: needs.kernel)
            return [dx, dw?.reshapedUnchecked(to: kernelShape)] + (bias == nil ? [] : [db])
        }
    }

    /// The 1-D convolution of this `[batch, steps, in]` batch with `kernel` `[k, in, out]`, plus
    /// `bias` `[out]`, then `activation`: `[batch, outSteps, out]`. The 2-D convolution over a
    /// height of 1, so it shares its kernels and gradients.
    ///
    /// - Throws: `TensorError` when the input is not rank 3 or the shapes do not fit (see
    ///   `convolved2D(with:bias:strides:padding:dilation:activation:)`).
    public func convolved1D(
        with kernel: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Padding = .valid, dilation: Int = 1,
        activation: AffineActivation = .identity
    ) throws -> Tensor {
        guard rank == 3, kernel.rank == 3 else {
            throw TensorError.invalidArgument(
                operation: "convolved1D(with:)", argument: rank == 3 ? "kernel" : "input",
                expected: rank == 3 ? "rank 3 [k, in, out]" : "a rank-3 batch [batch, steps, channels]",
                received: "shape \(rank == 3 ? kernel.shape : shape)")
        }
        let output = try reshapedRecording(to: [shape[0], 1, shape[1], shape[2]]).convolved2D(
            with: kernel.reshapedRecording(to: Shape([1] + kernel.shape.dimensions)), bias: bias, strides: Size2D(1, stride),
            padding: padding, dilation: Size2D(1, dilation), activation: activation)
        return output.reshapedRecording(to: [output.shape[0], output.shape[2], output.shape[3]])
    }

    /// Below this many taps per patch (a first layer on one or three channels), a
    /// convolution's products run in Synapse's own register-blocked kernels: BLAS's packing
    /// would cost more than the arithmetic.
    static let smallDepth = 16

    /// The patch matrix of `x` and `activation(patches · weights + bias)`, as
    /// `[outputPositions, patchSize]` and the output batch: each core gathers the patches of
    /// its own samples, multiplies them and applies the bias, so its rows never leave its cache.
    static func convolutionForward(
        _ x: Tensor, _ weights: Tensor, bias: Tensor?, geometry: WindowGeometry, activation: AffineActivation
    ) -> (patches: Tensor, output: Tensor) {
        let (depth, units) = (geometry.patchSize, weights.shape[1])
        let biasValues = bias?.contiguous()
        var output: Tensor?
        let patches = Tensor(shape: [geometry.outputPositions, depth]) { patchBuffer in
            output = Tensor(shape: geometry.outputShape(channels: units)) { outputBuffer in
                guard let out = outputBuffer.baseAddress, let patchMatrix = patchBuffer.baseAddress else { return }
                x.withUnsafeBufferPointer { input in
                    let pointers = UncheckedSendable((input.baseAddress!, patchMatrix, out, weights.storage.base + weights.offset,
                                                      biasValues.map { $0.storage.base + $0.offset }))
                    geometry.forEachSampleRange { _, samples in
                        let (input, patchMatrix, out, w, b) = pointers.value
                        // A few samples at a time, so that their patches are still in the core's cache
                        // when the product reads them.
                        for part in geometry.cacheSizedParts(of: samples) {
                            let rows = part.count * geometry.positionsPerSample, first = part.lowerBound * geometry.positionsPerSample
                            geometry.gatherPatches(samples: part, from: input, into: patchMatrix)
                            if depth <= smallDepth {
                                synapse_small_depth_affine(patchMatrix + first * depth, w, b, out + first * units, rows, depth, units,
                                                           activation == .relu ? 1 : 0)
                                continue
                            }
                            BLAS.sgemmOnCallingThread(transposeA: false, transposeB: false, m: rows, n: units, k: depth, alpha: 1,
                                       a: patchMatrix + first * depth, lda: depth, b: w, ldb: units, beta: 0, c: out + first * units, ldc: units)
                            if let b { addBiasAndActivate(out + first * units, rows: rows, units: units, bias: b, activation: activation) }
                            else if activation == .relu { rectify(out + first * units, count: rows * units) }
                        }
                    }
                }
            }
        }
        return (patches, output!)
    }

    /// The kernel (`[patchSize, units]`) and bias gradients of a small-depth convolution whose
    /// input needs none, from the output gradient `g` and the output: one fused pass per core
    /// over its own samples (ReLU mask, bias sums, outer products of the rows that have a
    /// gradient, eight at a time), the partial sums added in a fixed order.
    static func smallDepthPullback(
        _ g: Tensor, output: Tensor, patches: Tensor, geometry: WindowGeometry, units: Int, relu: Bool, wantsBias: Bool
    ) -> (weights: Tensor, bias: Tensor?) {
        let depth = geometry.patchSize, chunks = geometry.sampleRangeCount, stride = depth * units + units
        var partials = [Float](repeating: 0, count: chunks * stride)
        let gradient = g.contiguous()
        gradient.withUnsafeBufferPointer { g in
            output.withUnsafeBufferPointer { out in
                partials.withUnsafeMutableBufferPointer { partials in
                    let pointers = UncheckedSendable((g.baseAddress!, out.baseAddress!, patches.storage.base + patches.offset, partials.baseAddress!))
                    geometry.forEachSampleRange { chunk, samples in
                        let (g, out, p, partials) = pointers.value
                        let rows = samples.count * geometry.positionsPerSample, first = samples.lowerBound * geometry.positionsPerSample
                        let sums = partials + chunk * stride
                        synapse_small_depth_backward(p + first * depth, g + first * units, out + first * units, sums,
                                                     wantsBias ? sums + depth * units : nil, rows, depth, units, relu ? 1 : 0)
                    }
                }
            }
        }
        let weights = Kernels.summedPartials(partials, chunks: chunks, stride: stride, shape: [depth, units])
        return (weights, wantsBias ? Kernels.summedPartials(partials, chunks: chunks, stride: stride, offset: depth * units, shape: [units]) : nil)
    }

    /// The kernel and input gradients of a convolution from the gradient `gz` before its
    /// activation: `dWeights = Σ patchesᵀ · gz` (each core sums its samples, the partial sums
    /// are added in a fixed order) and `dInput = scatter(gz · weightsᵀ)`, each core scattering
    /// its own samples.
    static func convolutionPullback(
        _ gz: Tensor, patches: Tensor, weights: Tensor, geometry: WindowGeometry, wantsInput: Bool, wantsKernel: Bool
    ) -> (input: Tensor?, weights: Tensor?) {
        let (depth, units) = (geometry.patchSize, weights.shape[1])
        let gradient = gz.contiguous(), chunks = geometry.sampleRangeCount
        var partialWeights = wantsKernel ? [Float](repeating: 0, count: chunks * depth * units) : []
        var input: Tensor?
        let run = { (dx: UnsafeMutablePointer<Float>?) in
            gradient.withUnsafeBufferPointer { g in
                partialWeights.withUnsafeMutableBufferPointer { partials in
                    // An empty array's buffer may still have a base address: only a kernel gradient gets partial sums.
                    let pointers = UncheckedSendable((g.baseAddress!, patches.storage.base + patches.offset, weights.storage.base + weights.offset,
                                                      wantsKernel ? partials.baseAddress : nil, dx))
                    geometry.forEachSampleRange { chunk, samples in
                        let (g, p, w, partials, dx) = pointers.value
                        let rows = samples.count * geometry.positionsPerSample, first = samples.lowerBound * geometry.positionsPerSample
                        guard rows > 0 else { return }
                        if let partials, depth <= smallDepth {
                            let sums = partials + chunk * depth * units
                            sums.initialize(repeating: 0, count: depth * units)
                            synapse_small_depth_outer_sum(p + first * depth, g + first * units, sums, rows, depth, units)
                        } else if let partials {
                            BLAS.sgemmOnCallingThread(transposeA: true, transposeB: false, m: depth, n: units, k: rows, alpha: 1,
                                       a: p + first * depth, lda: depth, b: g + first * units, ldb: units, beta: 0,
                                       c: partials + chunk * depth * units, ldc: units)
                        }
                        if let dx {
                            // A few samples at a time, so that their patch gradients stay in the core's cache
                            // between the product that writes them and the scatter that reads them.
                            let capacity = Swift.min(geometry.samplesPerCachedPart, samples.count) * geometry.positionsPerSample * depth
                            let bytes = capacity * MemoryLayout<Float>.stride
                            let columns = BufferPool.shared.allocate(byteCount: bytes).bindMemory(to: Float.self, capacity: capacity)
                            defer { BufferPool.shared.release(UnsafeMutableRawPointer(columns), byteCount: bytes) }
                            for part in geometry.cacheSizedParts(of: samples) {
                                let partRows = part.count * geometry.positionsPerSample, partFirst = part.lowerBound * geometry.positionsPerSample
                                BLAS.sgemmOnCallingThread(transposeA: false, transposeB: true, m: partRows, n: depth, k: units, alpha: 1,
                                                          a: g + partFirst * units, lda: units, b: w, ldb: units, beta: 0, c: columns, ldc: depth)
                                geometry.scatterPatches(samples: part, columns - partFirst * depth, into: dx)
                            }
                        }
                    }
                }
            }
        }
        if wantsInput {
            input = Tensor(shape: geometry.inputShape) { buffer in if let dx = buffer.baseAddress { run(dx) } }
        } else if wantsKernel {
            run(nil)
        }
        guard wantsKernel else { return (input, nil) }
        return (input, Kernels.summedPartials(partialWeights, chunks: chunks, stride: depth * units, shape: [depth, units]))
    }
}
