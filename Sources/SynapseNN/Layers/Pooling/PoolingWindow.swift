import SynapseTensor

/// What the max and average pooling layers share: their window, its checks, and the pooling
/// itself. A 1-D layer is the 2-D case with a height of 1.
struct PoolingWindow: Hashable {

    /// The layer's kind and name for messages: `MaxPooling2D 'max_pooling2d'`.
    let owner: String
    /// The layer's name, for input errors.
    let layer: String
    /// The window's height and width.
    let poolSize: Size2D
    /// The steps between windows.
    let strides: Size2D
    /// The border treatment.
    let padding: Padding
    /// Whether inputs are sequences `[steps, channels]` rather than images.
    let isSequence: Bool

    /// The per-sample output shape for per-sample inputs of shape `inputShape`.
    ///
    /// - Throws: `ModelError` naming the layer for a window or stride below 1, an input of
    ///   the wrong rank, or a `.valid` window larger than the input.
    func outputShape(forInputShape inputShape: Shape) throws -> Shape {
        for (argument, size) in [("poolSize", poolSize), ("strides", strides)] where size.height < 1 || size.width < 1 {
            throw ModelError.invalidArgument(owner: owner, argument: argument, expected: "at least 1", received: isSequence ? "\(size.width)" : "\(size)")
        }
        let layout = isSequence ? "[steps, channels]" : "[height, width, channels]"
        guard inputShape.rank == (isSequence ? 2 : 3), inputShape.dimensions.allSatisfy({ $0 >= 1 }) else {
            throw ModelError.invalidInput(layer: layer, expected: "samples of shape \(layout) (channels last)", received: "samples of shape \(inputShape)")
        }
        let (height, width) = isSequence ? (1, inputShape[0]) : (inputShape[0], inputShape[1])
        do {
            let rows = try WindowAxis(inputSize: height, windowSize: poolSize.height, stride: strides.height, padding: padding, operation: owner)
            let columns = try WindowAxis(inputSize: width, windowSize: poolSize.width, stride: strides.width, padding: padding, operation: owner)
            return isSequence ? [columns.outputSize, inputShape[1]] : [rows.outputSize, columns.outputSize, inputShape[2]]
        } catch let error as TensorError {
            throw ModelError.invalidInput(layer: layer, expected: "an input at least as large as the pool with padding .\(padding.rawValue)",
                                          received: "samples of shape \(inputShape) (\(error))")
        }
    }

    /// `input` pooled to `statistic`.
    func pool(_ input: Tensor, to statistic: PoolingStatistic) throws -> Tensor {
        switch (statistic, isSequence) {
        case (.maximum, false): return try input.maxPooled2D(window: poolSize, strides: strides, padding: padding)
        case (.average, false): return try input.averagePooled2D(window: poolSize, strides: strides, padding: padding)
        case (.maximum, true): return try input.maxPooled1D(window: poolSize.width, stride: strides.width, padding: padding)
        case (.average, true): return try input.averagePooled1D(window: poolSize.width, stride: strides.width, padding: padding)
        }
    }
}
