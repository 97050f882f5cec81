extension Tensor {
    /// Each image of a channels-last batch `[n, height, width, channels]` resampled through an
    /// affine map: output pixel `(x, y)` of image `i` is the input image read at
    /// `transforms[i](x, y)` with `interpolation`, the image extended beyond its edges by
    /// `fillMode` (and `fillValue` for `.constant`). The shape is unchanged. This is Keras's
    /// `ops.image.affine_transform`, shared by the translation, rotation, zoom and flip layers.
    ///
    /// One transform applies to every image; otherwise there is one per image. The output is
    /// linear in the input (plus the fill value's share under `.constant`), so the pullback
    /// scatters the gradient back to the pixels read, with the weights they were read with;
    /// no gradient flows to the transforms or the fill value.
    ///
    /// ```swift
    /// let shifted = try images.resampled(by: [.translation(down: 1, right: 0)], fillMode: .constant)
    /// ```
    /// - Throws: `TensorError.invalidArgument` when the tensor is not of rank 4, the number of
    ///   transforms is neither 1 nor the batch size, a transform has a non-finite coefficient,
    ///   or the fill value is not finite.
    public func resampled(
        by transforms: [ResamplingTransform], interpolation: Interpolation = .bilinear,
        fillMode: FillMode = .reflect, fillValue: Float = 0
    ) throws -> Tensor {
        let operation = "resampled(by:)"
        guard rank == 4 else {
            throw TensorError.invalidArgument(
                operation: operation, argument: "images", expected: "a batch of shape [n, height, width, channels]",
                received: "shape \(shape)")
        }
        guard transforms.count == 1 || transforms.count == shape[0] else {
            throw TensorError.invalidArgument(
                operation: operation, argument: "transforms", expected: "1 or one per image (\(shape[0]))",
                received: "\(transforms.count)")
        }
        if let bad = transforms.firstIndex(where: { !$0.isFinite }) {
            throw TensorError.invalidArgument(
                operation: operation, argument: "transforms[\(bad)]", expected: "finite coefficients", received: "\(transforms[bad])")
        }
        guard fillValue.isFinite else {
            throw TensorError.invalidArgument(operation: operation, argument: "fillValue", expected: "finite", received: "\(fillValue)")
        }
        let sampler = AffineSampler(
            count: shape[0], height: shape[1], width: shape[2], channels: shape[3],
            transforms: transforms, interpolation: interpolation, fillMode: fillMode)
        let input = contiguous()
        let result = Tensor(shape: shape) { output in
            input.withUnsafeBufferPointer { source in
                sampler.gather(from: source.baseAddress!, into: output.baseAddress!, fillValue: fillValue)
            }
        }
        guard Tensor.isRecording(self) else { return result }
        let inputShape = shape
        return Tensor.recorded(result, operation, inputs: [self]) { g in
            // d input[p] = Σ over output pixels q that read p: weight(q, p) · g[q].
            let dx = Tensor(shape: inputShape) { gradient in
                gradient.initialize(repeating: 0)
                g.withUnsafeBufferPointer { upstream in
                    sampler.scatter(from: upstream.baseAddress!, into: gradient.baseAddress!)
                }
            }
            return [dx]
        }
    }
}

/// Which input pixels each output pixel of an affine resampling reads, and with which
/// weights: the forward pass gathers through it and the pullback scatters through it, so both
/// use the same weights.
///
/// Output pixels are visited row by row with the affine coefficients of their image, channels
/// innermost; images are split across cores. Nothing is allocated per pixel: an output pixel's
/// taps live in registers.
private struct AffineSampler: Sendable {
    let count: Int, height: Int, width: Int, channels: Int
    let transforms: [ResamplingTransform]
    let interpolation: Interpolation
    let fillMode: FillMode

    /// The number of elements in one image.
    var imageSize: Int { height * width * channels }

    /// output[q] = fillWeight(q) · fillValue + Σₖ weightₖ(q) · input[offsetₖ(q)], per channel.
    func gather(from source: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, fillValue: Float) {
        let pointers = UncheckedSendable((source, output))
        forEachImageChunk { images in
            let (source, output) = pointers.value
            for image in images {
                let input = source + image * imageSize, transform = transform(of: image)
                var out = output + image * imageSize
                for y in 0..<height {
                    for x in 0..<width {
                        let taps = locate(x: x, y: y, under: transform)
                        let fill = taps.fillWeight * fillValue, (w0, w1, w2, w3) = taps.weights
                        let (r0, r1, r2, r3) = (input + taps.offsets.0, input + taps.offsets.1,
                                                input + taps.offsets.2, input + taps.offsets.3)
                        switch interpolation {
                        case .nearest: for c in 0..<channels { out[c] = fill + w0 * r0[c] }
                        case .bilinear: for c in 0..<channels { out[c] = fill + w0 * r0[c] + w1 * r1[c] + w2 * r2[c] + w3 * r3[c] }
                        }
                        out += channels
                    }
                }
            }
        }
    }

    /// gradient[offsetₖ(q)] += weightₖ(q) · upstream[q], per channel; `gradient` starts at zero.
    func scatter(from upstream: UnsafePointer<Float>, into gradient: UnsafeMutablePointer<Float>) {
        let pointers = UncheckedSendable((upstream, gradient))
        forEachImageChunk { images in
            let (upstream, gradient) = pointers.value
            for image in images {
                let input = gradient + image * imageSize, transform = transform(of: image)
                var g = upstream + image * imageSize
                for y in 0..<height {
                    for x in 0..<width {
                        let taps = locate(x: x, y: y, under: transform), (w0, w1, w2, w3) = taps.weights
                        let (r0, r1, r2, r3) = (input + taps.offsets.0, input + taps.offsets.1,
                                                input + taps.offsets.2, input + taps.offsets.3)
                        // Taps may coincide (an edge under .nearest or .reflect): each adds in turn.
                        switch interpolation {
                        case .nearest:
                            for c in 0..<channels { r0[c] += w0 * g[c] }
                        case .bilinear:
                            for c in 0..<channels {
                                let gc = g[c]
                                r0[c] += w0 * gc; r1[c] += w1 * gc; r2[c] += w2 * gc; r3[c] += w3 * gc
                            }
                        }
                        g += channels
                    }
                }
            }
        }
    }

    /// The pixels one output pixel reads: element offsets within its image with their weights
    /// (one for `.nearest`, four for `.bilinear`, the rest weight 0 at offset 0), and the
    /// weight of the fill value.
    struct Taps {
        var offsets: (Int, Int, Int, Int) = (0, 0, 0, 0)
        var weights: (Float, Float, Float, Float) = (0, 0, 0, 0)
        var fillWeight: Float = 0
    }

    /// The transform of image `image` (the single one, if only one was given).
    private func transform(of image: Int) -> ResamplingTransform {
        transforms[transforms.count == 1 ? 0 : image]
    }

    /// Calls `body` on contiguous ranges of images split across cores; each call touches only
    /// its own images' elements.
    private func forEachImageChunk(_ body: (Range<Int>) -> Void) {
        guard height > 0, width > 0 else { return }
        let minimumChunk = Swift.max(1, (1 << 15) / Swift.max(imageSize, 1))
        Parallel.forEachChunk(count: count, minimumChunk: minimumChunk, body)
    }

    /// The taps of output pixel `(x, y)` under `transform`: the pixels around the point it
    /// maps to (weights multiplied across the axes for `.bilinear`), each resolved by the fill
    /// mode; a pixel outside the image under `.constant` gives its weight to the fill value.
    @inline(__always)
    private func locate(x: Int, y: Int, under transform: ResamplingTransform) -> Taps {
        let (column, row) = (Float(x), Float(y))
        let pointX = Self.bounded(transform.a0 * column + transform.a1 * row + transform.a2)
        let pointY = Self.bounded(transform.b0 * column + transform.b1 * row + transform.b2)
        var taps = Taps()
        switch interpolation {
        case .nearest:
            let x = fillMode.resolvedIndex(Int(pointX.rounded(.toNearestOrEven)), size: width)
            let y = fillMode.resolvedIndex(Int(pointY.rounded(.toNearestOrEven)), size: height)
            if let x, let y { (taps.offsets.0, taps.weights.0) = ((y * width + x) * channels, 1) } else { taps.fillWeight = 1 }
        case .bilinear:
            let (left, top) = (pointX.rounded(.down), pointY.rounded(.down))
            let (u, v) = (pointX - left, pointY - top)
            let (x0, y0) = (Int(left), Int(top))
            let (column0, column1) = (fillMode.resolvedIndex(x0, size: width), fillMode.resolvedIndex(x0 + 1, size: width))
            let (row0, row1) = (fillMode.resolvedIndex(y0, size: height), fillMode.resolvedIndex(y0 + 1, size: height))
            (taps.offsets.0, taps.weights.0) = tap(row: row0, column: column0, weight: (1 - u) * (1 - v), fill: &taps.fillWeight)
            (taps.offsets.1, taps.weights.1) = tap(row: row0, column: column1, weight: u * (1 - v), fill: &taps.fillWeight)
            (taps.offsets.2, taps.weights.2) = tap(row: row1, column: column0, weight: (1 - u) * v, fill: &taps.fillWeight)
            (taps.offsets.3, taps.weights.3) = tap(row: row1, column: column1, weight: u * v, fill: &taps.fillWeight)
        }
        return taps
    }

    /// The element offset and weight of the pixel at `row`, `column`; when either is `nil`
    /// (outside, under `.constant`), offset 0 and weight 0, the weight going to `fill`.
    @inline(__always)
    private func tap(row: Int?, column: Int?, weight: Float, fill: inout Float) -> (Int, Float) {
        guard let row, let column else {
            fill += weight
            return (0, 0)
        }
        return ((row * width + column) * channels, weight)
    }

    /// `coordinate` bounded to ±10⁹ so that its conversion to `Int` cannot trap; such points
    /// (and NaN, from coefficients so large that the map overflows) are far outside the image.
    @inline(__always)
    private static func bounded(_ coordinate: Float) -> Float {
        coordinate.isNaN ? -1e9 : Swift.min(Swift.max(coordinate, -1e9), 1e9)
    }
}
