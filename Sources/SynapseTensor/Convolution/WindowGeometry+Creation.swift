extension WindowGeometry {
    /// The geometry of a window of `window` taps over `input` (`[batch, height, width, channels]`).
    ///
    /// - Throws: `TensorError.invalidArgument` naming `operation` when the input is not rank 4,
    ///   or a size, stride or dilation is below 1, or a `.valid` window does not fit.
    init(input: Shape, window: Size2D, strides: Size2D, dilation: Size2D, padding: Padding, operation: String) throws {
        guard input.rank == 4 else {
            throw TensorError.invalidArgument(
                operation: operation, argument: "input", expected: "a rank-4 batch [batch, height, width, channels]",
                received: "shape \(input)")
        }
        guard input[3] >= 1 else {
            throw TensorError.invalidArgument(operation: operation, argument: "input channels", expected: "at least 1", received: "\(input[3])")
        }
        self.init(
            batch: input[0], channels: input[3],
            height: try WindowAxis(inputSize: input[1], windowSize: window.height, stride: strides.height,
                                   dilation: dilation.height, padding: padding, operation: "\(operation) (height)"),
            width: try WindowAxis(inputSize: input[2], windowSize: window.width, stride: strides.width,
                                  dilation: dilation.width, padding: padding, operation: "\(operation) (width)"))
    }

    /// Whether the patch matrix is the input itself: a 1×1 window, stride 1, no padding.
    var patchesAreInput: Bool {
        height.windowSize == 1 && width.windowSize == 1 && height.stride == 1 && width.stride == 1
            && height.paddingBefore == 0 && width.paddingBefore == 0
            && height.outputSize == height.inputSize && width.outputSize == width.inputSize
    }

    /// The `[outputPositions, patchSize]` patch matrix of `input` (a contiguous tensor of `inputShape`).
    func patches(of input: Tensor) -> Tensor {
        if patchesAreInput { return input.reshapedUnchecked(to: [outputPositions, patchSize]) }
        return Tensor(shape: [outputPositions, patchSize]) { buffer in
            guard let output = buffer.baseAddress else { return }
            input.withUnsafeBufferPointer { source in
                let pointers = UncheckedSendable((source.baseAddress!, output))
                forEachSampleRange { _, samples in gatherPatches(samples: samples, from: pointers.value.0, into: pointers.value.1) }
            }
        }
    }

    /// The tensor of `inputShape` that sums the rows of `patches` (`[outputPositions, patchSize]`)
    /// back onto the positions they came from.
    func scattered(_ patches: Tensor) -> Tensor {
        if patchesAreInput { return patches.reshapedUnchecked(to: inputShape) }
        return Tensor(shape: inputShape) { buffer in
            guard let output = buffer.baseAddress else { return }
            patches.withUnsafeBufferPointer { source in
                let pointers = UncheckedSendable((source.baseAddress!, output))
                forEachSampleRange { _, samples in scatterPatches(samples: samples, pointers.value.0, into: pointers.value.1) }
            }
        }
    }
}
