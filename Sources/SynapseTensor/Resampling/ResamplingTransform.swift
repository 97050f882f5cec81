import Foundation

/// An affine map from an output pixel `(x, y)` (column, row) to the input point it samples:
///
///     sourceX = a0·x + a1·y + a2
///     sourceY = b0·x + b1·y + b2
///
/// This is Keras's image `transform` `[a0, a1, a2, b0, b1, b2, 0, 0]`: the inverse of the
/// motion the image undergoes. Pixel centres sit at integer coordinates, `(0, 0)` the top-left
/// pixel, rows counted downwards. See `Tensor.resampled(by:interpolation:fillMode:fillValue:)`.
///
/// ```swift
/// let quarterTurn = ResamplingTransform.rotation(byRadians: .pi / 2, height: 4, width: 4)
/// let rotated = try images.resampled(by: [quarterTurn])   // counter-clockwise, as numpy.rot90
/// ```
public struct ResamplingTransform: Hashable, Sendable {
    /// The coefficient of the output column in the source column.
    public var a0: Float
    /// The coefficient of the output row in the source column.
    public var a1: Float
    /// The constant term of the source column.
    public var a2: Float
    /// The coefficient of the output column in the source row.
    public var b0: Float
    /// The coefficient of the output row in the source row.
    public var b1: Float
    /// The constant term of the source row.
    public var b2: Float

    /// The map `(x, y) ↦ (a0·x + a1·y + a2, b0·x + b1·y + b2)`.
    public init(a0: Float, a1: Float, a2: Float, b0: Float, b1: Float, b2: Float) {
        (self.a0, self.a1, self.a2, self.b0, self.b1, self.b2) = (a0, a1, a2, b0, b1, b2)
    }

    /// The map that leaves every pixel in place.
    public static let identity = ResamplingTransform(a0: 1, a1: 0, a2: 0, b0: 0, b1: 1, b2: 0)

    /// Whether every coefficient is finite.
    var isFinite: Bool { [a0, a1, a2, b0, b1, b2].allSatisfy(\.isFinite) }
}

extension ResamplingTransform {
    /// The image moved `rows` pixels down and `columns` pixels right (negative: up, left):
    /// output `(x, y)` samples `(x − columns, y − rows)`.
    public static func translation(down rows: Float, right columns: Float) -> ResamplingTransform {
        ResamplingTransform(a0: 1, a1: 0, a2: -columns, b0: 0, b1: 1, b2: -rows)
    }

    /// The image of `height × width` pixels turned by `angle` radians about its centre
    /// `((width − 1)/2, (height − 1)/2)`, counter-clockwise as seen on screen for a positive
    /// angle (Keras's `RandomRotation`): output `p` samples `R(angle)·(p − centre) + centre`.
    ///
    /// A quarter turn (`.pi / 2`) of a square image is `numpy.rot90`: output `[i][j]` is
    /// input `[j][width − 1 − i]`. The coefficients are computed in `Double`.
    public static func rotation(byRadians angle: Double, height: Int, width: Int) -> ResamplingTransform {
        let (cosine, sine) = (Foundation.cos(angle), Foundation.sin(angle))
        let (w, h) = (Double(width - 1), Double(height - 1))
        let xOffset = (w - (cosine * w - sine * h)) / 2
        let yOffset = (h - (sine * w + cosine * h)) / 2
        return ResamplingTransform(
            a0: Float(cosine), a1: Float(-sine), a2: Float(xOffset),
            b0: Float(sine), b1: Float(cosine), b2: Float(yOffset))
    }

    /// The image of `height × width` pixels scaled about its centre so that output pixel `p`
    /// samples `zoom·(p − centre) + centre`, per axis (Keras's `RandomZoom` with zoom
    /// `1 + factor`): a zoom above 1 shows more of the image, smaller (zooming out); below 1
    /// less of it, larger (zooming in); 1 leaves the axis unchanged.
    public static func zoom(vertical: Float, horizontal: Float, height: Int, width: Int) -> ResamplingTransform {
        let xOffset = Float(width - 1) / 2 * (1 - horizontal)
        let yOffset = Float(height - 1) / 2 * (1 - vertical)
        return ResamplingTransform(a0: horizontal, a1: 0, a2: xOffset, b0: 0, b1: vertical, b2: yOffset)
    }

    /// The image of `height × width` pixels mirrored left–right (`horizontally`) and/or
    /// top–bottom (`vertically`): output column `x` samples column `width − 1 − x`, and
    /// likewise for rows. Every sample falls on a pixel centre, so any interpolation copies
    /// pixels exactly.
    public static func flip(horizontally: Bool, vertically: Bool, height: Int, width: Int) -> ResamplingTransform {
        ResamplingTransform(
            a0: horizontally ? -1 : 1, a1: 0, a2: horizontally ? Float(width - 1) : 0,
            b0: 0, b1: vertically ? -1 : 1, b2: vertically ? Float(height - 1) : 0)
    }
}
