/// How a geometric transform reads an image at a point between pixel centres (Keras's
/// `interpolation`). Pixel centres sit at integer coordinates.
public enum Interpolation: String, CaseIterable, Codable, Hashable, Sendable {
    /// The four surrounding pixels weighted by proximity: at `(x, y)` with `x₀ = ⌊x⌋`,
    /// `y₀ = ⌊y⌋`, `u = x − x₀` and `v = y − y₀`, the value is
    /// `(1−u)(1−v)·p[y₀][x₀] + u(1−v)·p[y₀][x₀+1] + (1−u)v·p[y₀+1][x₀] + uv·p[y₀+1][x₀+1]`
    /// (Keras's default).
    case bilinear
    /// The pixel whose centre is nearest, ties rounded to even as NumPy's `round`.
    case nearest
}
