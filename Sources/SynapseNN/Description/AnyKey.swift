/// Any string key, to list the keys an object actually has.
struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where K == AnyKey {
    /// Throws a decoding error naming the first key of this object (in sorted order) that is
    /// not in `known`, and listing `known`, so that a typo in a file, such as `"sede"` for
    /// `"seed"`, is an error instead of a setting silently left at its default.
    ///
    /// - Parameter object: what the object is, completing "unknown key 'x' …", e.g.
    ///   "in a model description" or "for a 'dense' layer".
    func rejectKeys(notIn known: Set<String>, _ object: String) throws {
        if let unknown = allKeys.map(\.stringValue).sorted().first(where: { !known.contains($0) }) {
            throw DecodingError.dataCorruptedError(
                forKey: AnyKey(stringValue: unknown), in: self,
                debugDescription: "unknown key '\(unknown)' \(object); expected one of \(known.sorted())")
        }
    }
}

extension Decoder {
    /// Throws naming the first key of this object that is not in `known` (see
    /// `KeyedDecodingContainer.rejectKeys(notIn:_:)`); `object` is what the object is, e.g.
    /// "a model description".
    func rejectUnknownKeys(_ known: [String], in object: String) throws {
        try container(keyedBy: AnyKey.self).rejectKeys(notIn: Set(known), "in \(object)")
    }
}
