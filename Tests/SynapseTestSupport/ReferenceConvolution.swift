import Synapse

/// Straightforward loop implementations of convolution and pooling, written from Keras's
/// definitions without any of Synapse's kernels, to check the fast ones against.
public enum ReferenceConvolution {
    /// Keras's output length and padding before the input along one axis.
    public static func axis(input: Int, window: Int, stride: Int, dilation: Int, padding: Padding) -> (output: Int, before: Int) {
        let span = (window - 1) * dilation + 1
        switch padding {
        case .valid: return ((input - span) / stride + 1, 0)
        case .same:
            let output = (input + stride - 1) / stride
            return (output, max((output - 1) * stride + span - input, 0) / 2)
        }
    }

    /// The 2-D cross-correlation of `x` `[n, h, w, c]` with `kernel` `[kh, kw, c, f]` plus `bias`.
    public static func convolution2D(
        _ x: Tensor, _ kernel: Tensor, bias: Tensor?, strides: Size2D, padding: Padding, dilation: Size2D
    ) -> Tensor {
        let (n, h, w, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (kh, kw, f) = (kernel.shape[0], kernel.shape[1], kernel.shape[3])
        let rows = axis(input: h, window: kh, stride: strides.height, dilation: dilation.height, padding: padding)
        let columns = axis(input: w, window: kw, stride: strides.width, dilation: dilation.width, padding: padding)
        let input = x.scalars, weights = kernel.scalars, offsets = bias?.scalars ?? Array(repeating: 0, count: f)
        var output = [Float](repeating: 0, count: n * rows.output * columns.output * f)
        for sample in 0..<n {
            for oy in 0..<rows.output {
                for ox in 0..<columns.output {
                    for filter in 0..<f {
                        var sum = Double(offsets[filter])
                        for i in 0..<kh {
                            for j in 0..<kw {
                                let y = oy * strides.height - rows.before + i * dilation.height
                                let xx = ox * strides.width - columns.before + j * dilation.width
                                guard y >= 0, y < h, xx >= 0, xx < w else { continue }
                                for channel in 0..<c {
                                    sum += Double(input[((sample * h + y) * w + xx) * c + channel])
                                        * Double(weights[((i * kw + j) * c + channel) * f + filter])
                                }
                            }
                        }
                        output[((sample * rows.output + oy) * columns.output + ox) * f + filter] = Float(sum)
                    }
                }
            }
        }
        return try! Tensor(shape: [n, rows.output, columns.output, f], scalars: output)
    }

    /// Max or average pooling of `x` `[n, h, w, c]`, averaging only the taps inside the input.
    public static func pooling2D(_ x: Tensor, window: Size2D, strides: Size2D, padding: Padding, maximum: Bool) -> Tensor {
        let (n, h, w, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let rows = axis(input: h, window: window.height, stride: strides.height, dilation: 1, padding: padding)
        let columns = axis(input: w, window: window.width, stride: strides.width, dilation: 1, padding: padding)
        let input = x.scalars
        var output: [Float] = []
        for sample in 0..<n {
            for oy in 0..<rows.output {
                for ox in 0..<columns.output {
                    for channel in 0..<c {
                        var values: [Float] = []
                        for i in 0..<window.height {
                            for j in 0..<window.width {
                                let y = oy * strides.height - rows.before + i, xx = ox * strides.width - columns.before + j
                                if y >= 0, y < h, xx >= 0, xx < w { values.append(input[((sample * h + y) * w + xx) * c + channel]) }
                            }
                        }
                        output.append(maximum ? values.max()! : values.reduce(0, +) / Float(values.count))
                    }
                }
            }
        }
        return try! Tensor(shape: [n, rows.output, columns.output, c], scalars: output)
    }

    /// The transposed convolution of `x` `[n, h, w, c]` with `kernel` `[kh, kw, f, c]` plus
    /// `bias`: every input element spreads `x · kernel` over the output positions its window
    /// covers (output sizes by Keras's `deconv_output_length`).
    public static func transposedConvolution2D(
        _ x: Tensor, _ kernel: Tensor, bias: Tensor?, strides: Size2D, padding: Padding, dilation: Size2D
    ) -> Tensor {
        let (n, h, w, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (kh, kw, f) = (kernel.shape[0], kernel.shape[1], kernel.shape[2])
        func length(_ input: Int, _ window: Int, _ stride: Int, _ dilation: Int) -> Int {
            let span = (window - 1) * dilation + 1
            return padding == .valid ? input * stride + max(span - stride, 0) : input * stride
        }
        let (oh, ow) = (length(h, kh, strides.height, dilation.height), length(w, kw, strides.width, dilation.width))
        let rows = axis(input: oh, window: kh, stride: strides.height, dilation: dilation.height, padding: padding)
        let columns = axis(input: ow, window: kw, stride: strides.width, dilation: dilation.width, padding: padding)
        let input = x.scalars, weights = kernel.scalars, offsets = bias?.scalars ?? Array(repeating: 0, count: f)
        var output = [Double](repeating: 0, count: n * oh * ow * f)
        for sample in 0..<n {
            for y in 0..<h {
                for xx in 0..<w {
                    for i in 0..<kh {
                        for j in 0..<kw {
                            let oy = y * strides.height - rows.before + i * dilation.height
                            let ox = xx * strides.width - columns.before + j * dilation.width
                            guard oy >= 0, oy < oh, ox >= 0, ox < ow else { continue }
                            for filter in 0..<f {
                                for channel in 0..<c {
                                    output[((sample * oh + oy) * ow + ox) * f + filter] += Double(input[((sample * h + y) * w + xx) * c + channel])
                                        * Double(weights[((i * kw + j) * f + filter) * c + channel])
                                }
                            }
                        }
                    }
                }
            }
        }
        let withBias = output.enumerated().map { Float($0.element) + offsets[$0.offset % f] }
        return try! Tensor(shape: [n, oh, ow, f], scalars: withBias)
    }
}
