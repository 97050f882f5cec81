/// A fixed mapping between tokens (characters, words) and the integer ids a model reads, like
/// Keras's `StringLookup`: id 0 is the padding token when there is one, then the unknown
/// token (out-of-vocabulary tokens map to it), then the vocabulary's own tokens.
///
/// ```swift
/// let characters = Vocabulary.characters(of: "hello world")        // sorted, no padding, no unknown
/// let ids = try characters.encode("hello")                         // [3, 2, 4, 4, 5]
/// let words = Vocabulary(fitting: words(in: corpus), maximumSize: 10_000)   // "" = 0, "[UNK]" = 1, then by frequency
/// ```
public struct Vocabulary: Hashable, Sendable {
    /// Every token, at its id.
    public let tokens: [String]
    /// The token at id 0 that marks padding, if any.
    public let paddingToken: String?
    /// The token unknown tokens map to, if any; without one they are an error.
    public let unknownToken: String?
    /// Each token's id.
    private let ids: [String: Int]

    /// A vocabulary of exactly `tokens`, after `paddingToken` and `unknownToken` when given.
    ///
    /// - Throws: `DataError.invalidArgument` for a token listed twice.
    public init(tokens: [String], paddingToken: String? = nil, unknownToken: String? = nil) throws {
        let all = [paddingToken, unknownToken].compactMap { $0 } + tokens
        var seen = Set<String>()
        if let repeated = all.first(where: { !seen.insert($0).inserted }) {
            throw DataError.invalidArgument(operation: "Vocabulary(tokens:)", argument: "tokens", expected: "distinct tokens",
                                            received: "'\(repeated)' twice")
        }
        self.init(distinct: tokens, paddingToken: paddingToken, unknownToken: unknownToken)
    }

    /// A vocabulary of `tokens`, which with the padding and unknown tokens are all distinct.
    private init(distinct tokens: [String], paddingToken: String?, unknownToken: String?) {
        self.tokens = [paddingToken, unknownToken].compactMap { $0 } + tokens
        self.paddingToken = paddingToken
        self.unknownToken = unknownToken
        self.ids = Dictionary(uniqueKeysWithValues: self.tokens.enumerated().map { ($1, $0) })
    }

    /// The vocabulary of a corpus: its tokens seen at least `minimumCount` times, most frequent
    /// first (ties in order of first appearance), at most `maximumSize` ids in all (padding and
    /// unknown included), as Keras's `StringLookup.adapt`.
    public init(fitting corpus: some Sequence<String>, maximumSize: Int? = nil, minimumCount: Int = 1,
                paddingToken: String? = "", unknownToken: String? = "[UNK]") {
        var counts: [String: Int] = [:], order: [String] = []
        for token in corpus {
            if counts[token] == nil { order.append(token) }
            counts[token, default: 0] += 1
        }
        let reserved = Set([paddingToken, unknownToken].compactMap { $0 })
        let firstSeen = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        var kept = order.filter { counts[$0]! >= minimumCount && !reserved.contains($0) }
        kept.sort { counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : firstSeen[$0]! < firstSeen[$1]! }
        if let maximumSize { kept = Array(kept.prefix(Swift.max(maximumSize - reserved.count, 0))) }
        self.init(distinct: kept, paddingToken: paddingToken == unknownToken ? nil : paddingToken, unknownToken: unknownToken)
    }

    /// The distinct characters of `text`, sorted (as char-rnn does): no padding, no unknown.
    public static func characters(of text: String) -> Vocabulary {
        Vocabulary(distinct: Set(text).sorted().map(String.init), paddingToken: nil, unknownToken: nil)
    }

    /// The number of ids.
    public var count: Int { tokens.count }

    /// The id of `token`: its own, else the unknown token's.
    ///
    /// - Throws: `DataError.invalidArgument` naming the token when it is not in the vocabulary
    ///   and there is no unknown token.
    public func id(of token: String) throws -> Int {
        if let id = ids[token] { return id }
        if let unknownToken, let id = ids[unknownToken] { return id }
        throw DataError.invalidArgument(operation: "Vocabulary.id(of:)", argument: "token", expected: "one of the \(count) tokens of the vocabulary",
                                        received: "'\(token)'")
    }

    /// The ids of `tokens`, in order.
    public func ids(of tokens: some Sequence<String>) throws -> [Int] { try tokens.map { try id(of: $0) } }

    /// The token with id `id`.
    ///
    /// - Throws: `DataError.invalidArgument` for an id outside `0..<count`.
    public func token(at id: Int) throws -> String {
        guard tokens.indices.contains(id) else {
            throw DataError.invalidArgument(operation: "Vocabulary.token(at:)", argument: "id", expected: "in 0..<\(count)", received: "\(id)")
        }
        return tokens[id]
    }

    /// The ids of the characters of `text`.
    public func encode(_ text: String) throws -> [Int] { try text.map { try id(of: String($0)) } }

    /// The text whose characters (or tokens) have `ids`, joined with `separator`; padding is left out.
    public func decode(_ ids: some Sequence<Int>, separator: String = "") throws -> String {
        try ids.compactMap { id -> String? in
            let token = try token(at: id)
            return paddingToken != nil && id == 0 ? nil : token
        }.joined(separator: separator)
    }
}

extension Vocabulary: Codable {
    private enum CodingKeys: String, CodingKey { case tokens, paddingToken, unknownToken }

    /// Reads the tokens as `tokens` lists them (padding and unknown included, at their ids).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var tokens = try container.decode([String].self, forKey: .tokens)
        let padding = try container.decodeIfPresent(String.self, forKey: .paddingToken)
        let unknown = try container.decodeIfPresent(String.self, forKey: .unknownToken)
        let reserved = [padding, unknown].compactMap { $0 }
        guard tokens.starts(with: reserved) else {
            throw DecodingError.dataCorruptedError(forKey: .tokens, in: container,
                                                   debugDescription: "the tokens must start with the padding and unknown tokens \(reserved)")
        }
        tokens.removeFirst(reserved.count)
        do { self = try Vocabulary(tokens: tokens, paddingToken: padding, unknownToken: unknown) } catch {
            throw DecodingError.dataCorruptedError(forKey: .tokens, in: container, debugDescription: "\(error)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tokens, forKey: .tokens)
        try container.encodeIfPresent(paddingToken, forKey: .paddingToken)
        try container.encodeIfPresent(unknownToken, forKey: .unknownToken)
    }
}

/// The words of `text`, as Keras's `TextVectorization` standardises and splits them by
/// default: lowercased (when asked), punctuation dropped, split on whitespace.
///
/// ```swift
/// words(in: "To be, or not to be!")   // ["to", "be", "or", "not", "to", "be"]
/// ```
public func words(in text: String, lowercased: Bool = true) -> [String] {
    let standardized = lowercased ? text.lowercased() : text
    return standardized.split(whereSeparator: { $0.isWhitespace }).compactMap { piece in
        let kept = piece.filter { !$0.isPunctuation && !$0.isSymbol }
        return kept.isEmpty ? nil : String(kept)
    }
}
