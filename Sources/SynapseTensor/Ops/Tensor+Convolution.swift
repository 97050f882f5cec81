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
        let patches = geometry.patches(of: contiguous())
        let weights = kernel.contiguous().reshapedUnchecked(to: [geometry.patchSize, filters])
        let result = Tensor.affineMap(patches, weights, bias: bias, activation: activation)
            .reshapedUnchecked(to: geometry.outputShape(channels: filters))

        guard Tensor.isRecording(self, kernel) || (bias.map { Tensor.isRecording($0) } ?? false) else { return result }
        let (p, w) = (patches.detached(), weights.detached())
        let needs = (input: requiresGradient, kernel: kernel.requiresGradient, bias: bias?.requiresGradient ?? false)
        let kernelShape = kernel.shape
        return Tensor.recorded(result, operation, inputs: [self, kernel] + (bias.map { [$0] } ?? [])) { g in
            let (gz, db) = Kernels.affinePullback(g, output: result, rows: geometry.outputPositions, units: filters,
                                                  relu: activation == .relu, wantsBias: needs.bias)
            let g2 = gz.reshapedUnchecked(to: [geometry.outputPositions, filters])
            let dx = needs.input ? geometry.scattered(Kernels.matmul(g2, w.matrixTransposed(), batch: [])) : nil
            let dw = needs.kernel ? Kernels.matmul(p.matrixTransposed(), g2, batch: []).reshapedUnchecked(to: kernelShape) : nil
            return [dx, dw] + (bias == nil ? [] : [db])
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

    /// `activation(patches · weights + bias)` for a `[rows, k]` matrix and a `[k, n]` one, both
    /// contiguous, without recording: the shared forward of the convolutions.
    static func affineMap(_ patches: Tensor, _ weights: Tensor, bias: Tensor?, activation: AffineActivation) -> Tensor {
        let rows = patches.shape[0], depth = patches.shape[1], units = weights.shape[1]
        return Tensor(shape: [rows, units]) { output in
            guard let out = output.baseAddress else { return }
            guard depth > 0 else { return out.initialize(repeating: 0, count: rows * units) }
            BLAS.sgemm(transposeA: false, transposeB: false, m: rows, n: units, k: depth,
                       alpha: 1, a: patches.storage.base + patches.offset, lda: depth,
                       b: weights.storage.base + weights.offset, ldb: units, beta: 0, c: out, ldc: units)
            addBiasAndActivate(out, rows: rows, units: units, bias: bias, activation: activation)
        }
    }
}
