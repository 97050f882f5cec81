/// Any string key, to list the keys an object actually has.
struct AnyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// Throws a decoding error naming the first key of this object that is not in `known`
    /// (and listing `known`), so that a typo in a file, such as `"sede"` for `"seed"`, is an
    /// error instead of a setting silently left at its default.
    func rejectUnknownKeys(_ known: [String], in object: String) throws {
        let container = try self.container(keyedBy: AnyKey.self)
        if let unknown = container.allKeys.map(\.stringValue).sorted().first(where: { !known.contains($0) }) {
            throw DecodingError.dataCorruptedError(
                forKey: AnyKey(stringValue: unknown), in: container,
                debugDescription: "unknown key '\(unknown)' in \(object); expected one of \(known.sorted())")
        }
    }
}
