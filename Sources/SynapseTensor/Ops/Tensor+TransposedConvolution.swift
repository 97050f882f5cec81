/// The transposed convolution ("deconvolution") over channels-last batches: the gradient of a
/// convolution with respect to its input, used as a layer that upsamples (Keras's
/// `Conv2DTranspose`).
///
/// It reuses the convolution's two data movements the other way round: the forward pass is
/// `scatter(x · kernelᵀ)` (col2im), and the pullback gathers patches of the output gradient
/// (im2col): `dInput = patches · kernel`, `dKernel = (patchesᵀ · x)`, `dBias = Σ dY`.
extension Tensor {
    /// The transposed 2-D convolution of this `[batch, height, width, in]` batch with `kernel`
    /// `[kh, kw, out, in]` (Keras's layout), plus `bias` `[out]`, then `activation`.
    ///
    /// The output has `height · stride + max(span − stride, 0)` rows with `.valid` padding and
    /// `height · stride` with `.same` (Keras's `deconv_output_length` without output padding),
    /// likewise for columns, where `span = (kh − 1) · dilation + 1`.
    ///
    /// - Throws: `TensorError` when the input is not rank 4, the kernel is not
    ///   `[kh, kw, out, in]` with `in` the input's channels, the bias is not `[out]`, or a size,
    ///   stride or dilation is below 1.
    public func transposeConvolved2D(
        with kernel: Tensor, bias: Tensor? = nil, strides: Size2D = 1, padding: Padding = .valid, dilation: Size2D = 1,
        activation: AffineActivation = .identity
    ) throws -> Tensor {
        let operation = "transposeConvolved2D(with:)"
        guard rank == 4, kernel.rank == 4 else {
            throw TensorError.invalidArgument(
                operation: operation, argument: rank == 4 ? "kernel" : "input",
                expected: rank == 4 ? "rank 4 [kh, kw, out, in]" : "a rank-4 batch [batch, height, width, channels]",
                received: "shape \(rank == 4 ? kernel.shape : shape)")
        }
        guard kernel.shape[3] == shape[3] else {
            throw TensorError.incompatibleShapes(operation: operation, lhs: shape, rhs: kernel.shape,
                                                 rule: "the kernel's last dimension must equal the input's channels")
        }
        let filters = kernel.shape[2], channels = shape[3]
        if let bias, bias.shape != [filters] {
            throw TensorError.incompatibleShapes(operation: operation, lhs: kernel.shape, rhs: bias.shape,
                                                 rule: "the bias must be a vector [\(filters)] matching the kernel's third dimension")
        }
        let window = Size2D(kernel.shape[0], kernel.shape[1])
        let outputSize = Size2D(
            WindowAxis.transposedOutputSize(inputSize: shape[1], windowSize: window.height, stride: strides.height, dilation: dilation.height, padding: padding),
            WindowAxis.transposedOutputSize(inputSize: shape[2], windowSize: window.width, stride: strides.width, dilation: dilation.width, padding: padding))
        // The convolution whose input gradient this is: from the output back to this input.
        let geometry = try WindowGeometry(input: [shape[0], outputSize.height, outputSize.width, filters], window: window,
                                          strides: strides, dilation: dilation, padding: padding, operation: operation)
        let x = contiguous().reshapedUnchecked(to: [geometry.outputPositions, channels])
        let weights = kernel.contiguous().reshapedUnchecked(to: [geometry.patchSize, channels])
        let columns = Kernels.matmul(x, weights.matrixTransposed(), batch: [])
        let rows = geometry.inputShape.elementCount / filters
        let result = geometry.scattered(columns).updating { output in
            guard let out = output.baseAddress else { return }
            Tensor.addBiasAndActivate(out, rows: rows, units: filters, bias: bias, activation: activation)
        }

        guard Tensor.isRecording(self, kernel) || (bias.map { Tensor.isRecording($0) } ?? false) else { return result }
        let (xd, w) = (x.detached(), weights.detached())
        let needs = (input: requiresGradient, kernel: kernel.requiresGradient, bias: bias?.requiresGradient ?? false)
        let (inputShape, kernelShape) = (shape, kernel.shape)
        return Tensor.recorded(result, operation, inputs: [self, kernel] + (bias.map { [$0] } ?? [])) { g in
            let (gz, db) = Kernels.affinePullback(g, output: result, rows: rows, units: filters,
                                                  relu: activation == .relu, wantsBias: needs.bias)
            let patches = geometry.patches(of: gz.contiguous())
            let dx = needs.input ? Kernels.matmul(patches, w, batch: []).reshapedUnchecked(to: inputShape) : nil
            let dw = needs.kernel ? Kernels.matmul(patches.matrixTransposed(), xd, batch: []).reshapedUnchecked(to: kernelShape) : nil
            return [dx, dw] + (bias == nil ? [] : [db])
        }
    }
}
