/// A 2-D sliding window over a channels-last batch `[batch, height, width, channels]`, and the
/// two data movements that turn convolutions into matrix products:
///
/// - `gatherPatches` (im2col) copies, for every output position, the window's taps into one
///   row of a `[outputPositions, patchSize]` matrix, taps ordered `(row, column, channel)` as
///   a Keras kernel `[kh, kw, in, out]` is, so that `patches · kernel` is the convolution;
/// - `scatterPatches` (col2im) adds such rows back onto the input positions they came from:
///   the gradient with respect to the input, and the forward pass of a transposed convolution.
///
/// One-dimensional windows are the case `height.windowSize == 1` over a height of 1.
/// Both movements split the batch across cores; each sample is handled by one thread.
struct WindowGeometry: Hashable, Sendable {
    /// Samples in the batch.
    let batch: Int
    /// Channels per input position.
    let channels: Int
    /// The window along the height axis.
    let height: WindowAxis
    /// The window along the width axis.
    let width: WindowAxis

    /// The input's shape `[batch, height, width, channels]`.
    var inputShape: Shape { [batch, height.inputSize, width.inputSize, channels] }
    /// The shape of an output with `channels` channels: `[batch, outHeight, outWidth, channels]`.
    func outputShape(channels: Int) -> Shape { [batch, height.outputSize, width.outputSize, channels] }
    /// Output positions per sample.
    var positionsPerSample: Int { height.outputSize * width.outputSize }
    /// Output positions in the batch: the rows of the patch matrix.
    var outputPositions: Int { batch * positionsPerSample }
    /// Taps per window times channels: the columns of the patch matrix.
    var patchSize: Int { height.windowSize * width.windowSize * channels }
    /// Input elements per sample.
    var inputSampleSize: Int { height.inputSize * width.inputSize * channels }

    /// Writes the `[outputPositions, patchSize]` patch matrix of `input` (zeros for taps in the
    /// padding).
    func gatherPatches(from input: UnsafePointer<Float>, into patches: UnsafeMutablePointer<Float>) {
        let pointers = UncheckedSendable((input, patches))
        Parallel.forEachChunk(count: batch, minimumChunk: minimumSamplesPerThread) { samples in
            let (input, patches) = pointers.value
            for sample in samples {
                forEachRun(ofSample: sample, patches: patches) { row, source, count in
                    if source >= 0 { row.update(from: input + source, count: count) } else { row.update(repeating: 0, count: count) }
                }
            }
        }
    }

    /// Writes into `output` (of `inputShape`) the sum, at every input position, of the rows of
    /// the `[outputPositions, patchSize]` matrix `patches` whose taps came from it; taps in the
    /// padding are dropped.
    func scatterPatches(_ patches: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>) {
        let pointers = UncheckedSendable((UnsafeMutablePointer(mutating: patches), output))
        Parallel.forEachChunk(count: batch, minimumChunk: minimumSamplesPerThread) { samples in
            let (patches, output) = pointers.value
            (output + samples.lowerBound * inputSampleSize).update(repeating: 0, count: samples.count * inputSampleSize)
            for sample in samples {
                forEachRun(ofSample: sample, patches: patches) { row, target, count in
                    guard target >= 0 else { return }
                    let destination = output + target
                    for k in 0..<count { destination[k] += row[k] }
                }
            }
        }
    }

    /// Fewer samples than this per thread are not worth waking a second core.
    private var minimumSamplesPerThread: Int {
        Swift.max(1, (1 << 14) / Swift.max(1, positionsPerSample * patchSize))
    }

    /// Calls `body(row, inputOffset, count)` for each run of `count` consecutive elements of
    /// sample `sample`'s patch rows that come from `count` consecutive input elements starting
    /// at `inputOffset`, or from the padding (`inputOffset` −1). Undilated windows give one
    /// run per kernel row (`windowSize · channels` elements, NHWC keeps them adjacent);
    /// others one run per tap.
    @inline(__always)
    private func forEachRun(
        ofSample sample: Int, patches: UnsafeMutablePointer<Float>, _ body: (UnsafeMutablePointer<Float>, Int, Int) -> Void
    ) {
        let rowWidth = width.inputSize * channels, tapsPerRow = width.windowSize * channels
        var row = patches + sample * positionsPerSample * patchSize
        let sampleBase = sample * inputSampleSize
        for outY in 0..<height.outputSize {
            for outX in 0..<width.outputSize {
                let firstX = width.inputPosition(output: outX, tap: 0)
                let rowInside = firstX >= 0 && firstX + width.span <= width.inputSize
                for tapY in 0..<height.windowSize {
                    let y = height.inputPosition(output: outY, tap: tapY)
                    guard y >= 0 && y < height.inputSize else {
                        body(row, -1, tapsPerRow)
                        row += tapsPerRow
                        continue
                    }
                    let lineBase = sampleBase + y * rowWidth
                    if rowInside && width.dilation == 1 {
                        body(row, lineBase + firstX * channels, tapsPerRow)
                        row += tapsPerRow
                        continue
                    }
                    for tapX in 0..<width.windowSize {
                        let x = firstX + tapX * width.dilation
                        body(row, x >= 0 && x < width.inputSize ? lineBase + x * channels : -1, channels)
                        row += channels
                    }
                }
            }
        }
    }
}
