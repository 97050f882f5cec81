/// How an image is extended beyond its edges when a geometric transform samples outside it
/// (Keras's `fill_mode`), shown for one row `a b c d`:
///
/// | mode | extension |
/// |---|---|
/// | `.constant` | `k k k k ∣ a b c d ∣ k k k k`, with `k` the fill value |
/// | `.nearest` | `a a a a ∣ a b c d ∣ d d d d` |
/// | `.reflect` | `d c b a ∣ a b c d ∣ d c b a` (about the edge of the last pixel) |
/// | `.wrap` | `a b c d ∣ a b c d ∣ a b c d` |
///
/// The extension applies to whole pixels: bilinear interpolation between the pixels at −1 and
/// 0 blends the extended pixel −1 with pixel 0, as Keras's NumPy and JAX backends do (its
/// TensorFlow backend maps the point into the image first, which differs within a pixel of
/// the edges under `.wrap`).
public enum FillMode: String, CaseIterable, Codable, Hashable, Sendable {
    /// Pixels outside the image take the fill value.
    case constant
    /// Pixels outside the image repeat the nearest edge pixel.
    case nearest
    /// The image is mirrored about its edges, each edge pixel repeated once (Keras's default).
    case reflect
    /// The image repeats periodically.
    case wrap
}

extension FillMode {
    /// The pixel of an axis of `size` pixels (`size ≥ 1`) that stands at `index` in the
    /// extended axis, or `nil` where the fill value stands (`.constant` outside the axis).
    @inline(__always)
    func resolvedIndex(_ index: Int, size: Int) -> Int? {
        if index >= 0 && index < size { return index }
        switch self {
        case .constant:
            return nil
        case .nearest:
            return index < 0 ? 0 : size - 1
        case .wrap:
            let remainder = index % size
            return remainder < 0 ? remainder + size : remainder
        case .reflect:
            // Period 2·size: 0…size−1 read forwards, size…2·size−1 backwards.
            let period = 2 * size
            var phase = index % period
            if phase < 0 { phase += period }
            return phase < size ? phase : period - 1 - phase
        }
    }
}
