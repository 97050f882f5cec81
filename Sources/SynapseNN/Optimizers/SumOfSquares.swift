extension UnsafeBufferPointer where Element == Float {
    /// `Σ xᵢ²`: eight lanes of `Float` partial sums over blocks of at most 1024 elements, each
    /// block's total added in `Double` (vectorised, within about 1e-5 relative, and
    /// deterministic: the order of additions depends only on the count).
    var sumOfSquares: Double {
        guard let base = baseAddress else { return 0 }
        let count = self.count, vectorEnd = count - count % 8
        var total: Double = 0
        var index = 0
        while index < vectorEnd {
            let blockEnd = Swift.min(index + 1024, vectorEnd)
            var lanes = SIMD8<Float>()
            while index < blockEnd {
                let x = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD8<Float>.self)
                lanes += x * x
                index += 8
            }
            total += Double(lanes.sum())
        }
        for value in UnsafeBufferPointer(rebasing: self[vectorEnd...]) { total += Double(value) * Double(value) }
        return total
    }
}
