import CSynapseKernels

/// Max and average pooling over channels-last batches.
///
/// Both walk the windows of a `WindowGeometry` with channels innermost. Max pooling keeps, for
/// every output element, the input element it came from (the argmax), so its pullback routes
/// each gradient to exactly that element; average pooling spreads the gradient evenly over the
/// taps it averaged. Taps in `.same` padding are ignored (not counted as zeros), as in Keras.
extension Tensor {
    /// The largest element of every `window` of this `[batch, height, width, channels]` batch,
    /// per channel: `[batch, outHeight, outWidth, channels]`. `strides` defaults to `window`.
    ///
    /// - Throws: `TensorError` when the input is not rank 4 or the window does not fit.
    public func maxPooled2D(window: Size2D, strides: Size2D? = nil, padding: Padding = .valid) throws -> Tensor {
        let geometry = try WindowGeometry(input: shape, window: window, strides: strides ?? window, dilation: 1,
                                          padding: padding, operation: "maxPooled2D(window:)")
        let input = contiguous()
        guard geometry.inputShape.elementCount < Int(Int32.max) else {
            throw TensorError.invalidArgument(operation: "maxPooled2D(window:)", argument: "input", expected: "fewer than 2³¹ elements",
                                              received: "\(geometry.inputShape.elementCount)")
        }
        // Every window writes its maximum and its argmax, so neither buffer needs zeros first.
        let count = geometry.outputPositions * geometry.channels
        var sources: [Int32] = []
        let result = Tensor(shape: geometry.outputShape(channels: geometry.channels)) { output in
            sources = [Int32](unsafeUninitializedCapacity: count) { indices, initialized in
                if let out = output.baseAddress, let indices = indices.baseAddress {
                    input.withUnsafeBufferPointer { geometry.poolMaxima(source: $0.baseAddress!, output: out, indices: indices) }
                }
                initialized = count
            }
        }
        guard Tensor.isRecording(self) else { return result }
        let inputShape = shape
        return Tensor.recorded(result, "maxPooled2D(window:)", inputs: [self]) { [sources] g in
            let gradient = g.contiguous()
            return [Tensor(shape: inputShape) { buffer in
                guard let dx = buffer.baseAddress else { return }
                gradient.withUnsafeBufferPointer { g in
                    sources.withUnsafeBufferPointer { geometry.spreadMaxima(g.baseAddress!, through: $0.baseAddress!, into: dx) }
                }
            }]
        }
    }

    /// The mean of every `window` of this `[batch, height, width, channels]` batch, per channel,
    /// over the taps inside the input: `[batch, outHeight, outWidth, channels]`. `strides`
    /// defaults to `window`.
    ///
    /// - Throws: `TensorError` when the input is not rank 4 or the window does not fit.
    public func averagePooled2D(window: Size2D, strides: Size2D? = nil, padding: Padding = .valid) throws -> Tensor {
        let geometry = try WindowGeometry(input: shape, window: window, strides: strides ?? window, dilation: 1,
                                          padding: padding, operation: "averagePooled2D(window:)")
        let input = contiguous()
        let result = Tensor(shape: geometry.outputShape(channels: geometry.channels)) { output in
            guard let out = output.baseAddress else { return }
            input.withUnsafeBufferPointer { geometry.poolAverages(source: $0.baseAddress!, output: out) }
        }
        guard Tensor.isRecording(self) else { return result }
        return Tensor.recorded(result, "averagePooled2D(window:)", inputs: [self]) { g in
            let gradient = g.contiguous()
            return [Tensor(shape: geometry.inputShape) { buffer in
                guard let dx = buffer.baseAddress else { return }
                gradient.withUnsafeBufferPointer { geometry.spreadAverages($0.baseAddress!, into: dx) }
            }]
        }
    }

    /// `maxPooled2D` along the steps of a `[batch, steps, channels]` batch.
    ///
    /// - Throws: `TensorError` when the input is not rank 3 or the window does not fit.
    public func maxPooled1D(window: Int, stride: Int? = nil, padding: Padding = .valid) throws -> Tensor {
        try pooled1D("maxPooled1D(window:)") { try $0.maxPooled2D(window: Size2D(1, window), strides: Size2D(1, stride ?? window), padding: padding) }
    }

    /// `averagePooled2D` along the steps of a `[batch, steps, channels]` batch.
    ///
    /// - Throws: `TensorError` when the input is not rank 3 or the window does not fit.
    public func averagePooled1D(window: Int, stride: Int? = nil, padding: Padding = .valid) throws -> Tensor {
        try pooled1D("averagePooled1D(window:)") { try $0.averagePooled2D(window: Size2D(1, window), strides: Size2D(1, stride ?? window), padding: padding) }
    }

    /// A 2-D pooling applied to this rank-3 batch seen with a height of 1.
    private func pooled1D(_ operation: String, _ pool2D: (Tensor) throws -> Tensor) throws -> Tensor {
        guard rank == 3 else {
            throw TensorError.invalidArgument(operation: operation, argument: "input", expected: "a rank-3 batch [batch, steps, channels]",
                                              received: "shape \(shape)")
        }
        let output = try pool2D(reshapedRecording(to: [shape[0], 1, shape[1], shape[2]]))
        return output.reshapedRecording(to: [output.shape[0], output.shape[2], output.shape[3]])
    }
}

extension WindowGeometry {
    /// Writes into `output` the maximum of every window of `source`, per channel, and into
    /// `indices` the input offset of each maximum.
    func poolMaxima(source: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, indices: UnsafeMutablePointer<Int32>) {
        let pointers = UncheckedSendable((source, output, indices))
        Parallel.forEachChunk(count: batch, minimumChunk: samplesPerPoolingChunk) { samples in
            let (source, output, indices) = pointers.value
            for sample in samples {
                forEachWindowRun(ofSample: sample) { position, first, windows, rows, columns in
                    synapse_max_pool_windows(source, first, windows, width.stride * channels, rows, columns, width.inputSize * channels,
                                             channels, output + position * channels, indices + position * channels)
                }
            }
        }
    }

    /// Writes into `input` (of `inputShape`) max pooling's gradient: each output gradient in
    /// `gradient` routed to the input element its window's maximum came from (`indices`, as
    /// `poolMaxima` wrote them), zero elsewhere. Windows that do not overlap write their inputs
    /// in one pass; overlapping ones add into zeros.
    func spreadMaxima(_ gradient: UnsafePointer<Float>, through indices: UnsafePointer<Int32>, into input: UnsafeMutablePointer<Float>) {
        let pointers = UncheckedSendable((gradient, indices, input))
        let outputsPerSample = positionsPerSample * channels
        forEachSampleRange { _, samples in
            let (gradient, indices, input) = pointers.value
            if !windowsTileInput {
                (input + samples.lowerBound * inputSampleSize).initialize(repeating: 0, count: samples.count * inputSampleSize)
            }
            guard windowsAreDisjoint else {
                for k in (samples.lowerBound * outputsPerSample)..<(samples.upperBound * outputsPerSample) { input[Int(indices[k])] += gradient[k] }
                return
            }
            for sample in samples {
                forEachWindowRun(ofSample: sample) { position, first, windows, rows, columns in
                    synapse_max_pool_windows_gradient(gradient + position * channels, indices + position * channels, first, windows,
                                                      width.stride * channels, rows, columns, width.inputSize * channels, channels, input)
                }
            }
        }
    }

    /// The fewest samples a core pools at a time: below about 16k input elements, a second core
    /// costs more to start than it saves.
    private var samplesPerPoolingChunk: Int { Swift.max(1, (1 << 14) / Swift.max(1, inputSampleSize)) }

    /// Whether no input element lies in two windows.
    private var windowsAreDisjoint: Bool {
        height.stride >= height.span && width.stride >= width.span
    }

    /// Whether every input element lies in exactly one window.
    private var windowsTileInput: Bool {
        [height, width].allSatisfy { $0.stride == $0.span && $0.paddingBefore == 0 && $0.outputSize * $0.stride == $0.inputSize }
    }

    /// Calls `body(position, first, windows, rows, columns)` for each run of neighbouring windows
    /// along the output rows of sample `sample` whose taps inside the input have the same
    /// shape: `windows` windows from output position `position` on, `rows` × `columns` taps each,
    /// the first window's first tap inside at input offset `first`, each next window
    /// `width.stride · channels` elements further. Windows wholly in the padding are skipped.
    /// Undilated windows only, as pooling's are.
    private func forEachWindowRun(ofSample sample: Int, _ body: (_ position: Int, _ first: Int, _ windows: Int, _ rows: Int, _ columns: Int) -> Void) {
        for outY in 0..<height.outputSize {
            let rows = height.tapsInside(output: outY)
            guard !rows.isEmpty else { continue }
            let y = height.inputPosition(output: outY, tap: rows.lowerBound)
            var outX = 0
            while outX < width.outputSize {
                let columns = width.tapsInside(output: outX)
                var end = outX + 1
                if columns.count == width.windowSize {
                    while end < width.outputSize && width.tapsInside(output: end).count == width.windowSize { end += 1 }
                }
                if !columns.isEmpty {
                    let x = width.inputPosition(output: outX, tap: columns.lowerBound)
                    body((sample * height.outputSize + outY) * width.outputSize + outX, ((sample * height.inputSize + y) * width.inputSize + x) * channels,
                         end - outX, rows.count, columns.count)
                }
                outX = end
            }
        }
    }

    /// Writes into `output` the mean of every window of `source`, per channel, over the window's
    /// taps inside the input.
    func poolAverages(source: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>) {
        let pointers = UncheckedSendable((source, output))
        Parallel.forEachChunk(count: batch, minimumChunk: samplesPerPoolingChunk) { samples in
            let (source, output) = pointers.value
            for sample in samples {
                for outY in 0..<height.outputSize {
                    for outX in 0..<width.outputSize {
                        let position = (sample * height.outputSize + outY) * width.outputSize + outX
                        let out = output + position * channels
                        let rows = height.tapsInside(output: outY), columns = width.tapsInside(output: outX)
                        out.initialize(repeating: 0, count: channels)
                        for tapY in rows {
                            let y = height.inputPosition(output: outY, tap: tapY)
                            for tapX in columns {
                                let x = width.inputPosition(output: outX, tap: tapX)
                                let line = source + ((sample * height.inputSize + y) * width.inputSize + x) * channels
                                for c in 0..<channels { out[c] += line[c] }
                            }
                        }
                        let scale = 1 / Float(Swift.max(rows.count * columns.count, 1))
                        for c in 0..<channels { out[c] *= scale }
                    }
                }
            }
        }
    }

    /// Writes into `input` (of `inputShape`) the average pooling's gradient: each output
    /// gradient in `gradient` shared evenly by the taps its window averaged.
    func spreadAverages(_ gradient: UnsafePointer<Float>, into input: UnsafeMutablePointer<Float>) {
        let pointers = UncheckedSendable((gradient, input))
        Parallel.forEachChunk(count: batch, minimumChunk: samplesPerPoolingChunk) { samples in
            let (gradient, input) = pointers.value
            (input + samples.lowerBound * inputSampleSize).update(repeating: 0, count: samples.count * inputSampleSize)
            for sample in samples {
                for outY in 0..<height.outputSize {
                    for outX in 0..<width.outputSize {
                        let rows = height.tapsInside(output: outY), columns = width.tapsInside(output: outX)
                        let share = 1 / Float(Swift.max(rows.count * columns.count, 1))
                        let g = gradient + ((sample * height.outputSize + outY) * width.outputSize + outX) * channels
                        for tapY in rows {
                            let y = height.inputPosition(output: outY, tap: tapY)
                            for tapX in columns {
                                let x = width.inputPosition(output: outX, tap: tapX)
                                let line = input + ((sample * height.inputSize + y) * width.inputSize + x) * channels
                                for c in 0..<channels { line[c] += g[c] * share }
                            }
                        }
                    }
                }
            }
        }
    }
}
