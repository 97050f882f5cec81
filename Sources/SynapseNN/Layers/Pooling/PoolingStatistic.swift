/// What a pooling layer reduces each window to.
public enum PoolingStatistic: String, Hashable, Sendable, Codable, CaseIterable {
    /// The largest element (max pooling).
    case maximum
    /// The mean of the elements inside the input (average pooling).
    case average
}
