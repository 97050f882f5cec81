/// The JSON form shared by `ActivationFunction` and `Initializer`: a case without settings is
/// its name (`"relu"`), a case with settings an object with a `name` (`{"name": "leakyRelu",
/// "alpha": 0.1}`); settings left out take their defaults.
struct NamedCase {
    /// The case's name.
    let name: String
    /// The settings given (empty for the plain-string form).
    let settings: KeyedDecodingContainer<AnyKey>?

    /// Reads either form.
    init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let name = try? single.decode(String.self) {
            self.name = name
            settings = nil
            return
        }
        let container = try decoder.container(keyedBy: AnyKey.self)
        name = try container.decode(String.self, forKey: AnyKey(stringValue: "name"))
        settings = container
    }

    /// The setting `key` as a `Float`, or `fallback` when absent.
    func float(_ key: String, default fallback: Float) throws -> Float {
        try settings?.decodeIfPresent(Float.self, forKey: AnyKey(stringValue: key)) ?? fallback
    }

    /// The setting `key` as a `Bool`, or `fallback` when absent.
    func bool(_ key: String, default fallback: Bool) throws -> Bool {
        try settings?.decodeIfPresent(Bool.self, forKey: AnyKey(stringValue: key)) ?? fallback
    }

    /// Throws naming the first setting of the object that is not one of `allowed` (a typo such
    /// as `alhpa` would otherwise leave the default in place without a word).
    func rejectUnknownSettings(allowed: [String], kind: String, in decoder: any Decoder) throws {
        guard let settings else { return }
        if let unknown = settings.allKeys.map(\.stringValue).sorted().first(where: { $0 != "name" && !allowed.contains($0) }) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "unknown setting '\(unknown)' for the \(kind) '\(name)'; expected \(allowed.isEmpty ? "none" : "one of \(allowed)")"))
        }
    }

    /// An error for a name that is none of `accepted`.
    func unknown(_ kind: String, accepted: [String], in decoder: any Decoder) -> DecodingError {
        .dataCorrupted(.init(codingPath: decoder.codingPath,
                             debugDescription: "unknown \(kind) '\(name)'; expected one of \(accepted)"))
    }

    /// Writes `name` alone, or an object with `name` and `settings`.
    static func encode(_ name: String, settings: [String: Float] = [:], flags: [String: Bool] = [:], to encoder: any Encoder) throws {
        if settings.isEmpty && flags.isEmpty {
            var single = encoder.singleValueContainer()
            try single.encode(name)
            return
        }
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(name, forKey: AnyKey(stringValue: "name"))
        for (key, value) in settings.sorted(by: { $0.key < $1.key }) { try container.encode(value, forKey: AnyKey(stringValue: key)) }
        for (key, value) in flags.sorted(by: { $0.key < $1.key }) { try container.encode(value, forKey: AnyKey(stringValue: key)) }
    }
}

extension ActivationFunction: Codable {
    private static let names = ["linear", "sigmoid", "relu", "leakyRelu", "tanh", "elu", "selu", "swish", "gelu", "softplus", "softmax"]
    /// The settings each case with settings reads.
    private static let settingKeys = ["leakyRelu": ["alpha"], "elu": ["alpha"], "gelu": ["approximate"]]

    public init(from decoder: any Decoder) throws {
        let named = try NamedCase(from: decoder)
        try named.rejectUnknownSettings(allowed: ActivationFunction.settingKeys[named.name] ?? [], kind: "activation", in: decoder)
        switch named.name {
        case "linear": self = .linear
        case "sigmoid": self = .sigmoid
        case "relu": self = .relu
        case "leakyRelu": self = .leakyRelu(alpha: try named.float("alpha", default: 0.2))
        case "tanh": self = .tanh
        case "elu": self = .elu(alpha: try named.float("alpha", default: 1))
        case "selu": self = .selu
        case "swish", "silu": self = .swish
        case "gelu": self = .gelu(approximate: try named.bool("approximate", default: false))
        case "softplus": self = .softplus
        case "softmax": self = .softmax
        default: throw named.unknown("activation", accepted: ActivationFunction.names, in: decoder)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .linear: try NamedCase.encode("linear", to: encoder)
        case .sigmoid: try NamedCase.encode("sigmoid", to: encoder)
        case .relu: try NamedCase.encode("relu", to: encoder)
        case .leakyRelu(let alpha): try NamedCase.encode("leakyRelu", settings: ["alpha": alpha], to: encoder)
        case .tanh: try NamedCase.encode("tanh", to: encoder)
        case .elu(let alpha): try NamedCase.encode("elu", settings: ["alpha": alpha], to: encoder)
        case .selu: try NamedCase.encode("selu", to: encoder)
        case .swish: try NamedCase.encode("swish", to: encoder)
        case .gelu(let approximate): try NamedCase.encode("gelu", flags: approximate ? ["approximate": true] : [:], to: encoder)
        case .softplus: try NamedCase.encode("softplus", to: encoder)
        case .softmax: try NamedCase.encode("softmax", to: encoder)
        }
    }
}

extension Initializer: Codable {
    private static let names = ["zeros", "ones", "constant", "randomUniform", "randomNormal", "glorotUniform", "glorotNormal", "heUniform", "heNormal", "lecunNormal", "orthogonal"]
    /// The settings each case with settings reads.
    private static let settingKeys = [
        "constant": ["value"], "randomUniform": ["minimum", "maximum"], "randomNormal": ["mean", "standardDeviation"], "orthogonal": ["gain"],
    ]

    public init(from decoder: any Decoder) throws {
        let named = try NamedCase(from: decoder)
        try named.rejectUnknownSettings(allowed: Initializer.settingKeys[named.name] ?? [], kind: "initializer", in: decoder)
        switch named.name {
        case "zeros": self = .zeros
        case "ones": self = .ones
        case "constant": self = .constant(try named.float("value", default: 0))
        case "randomUniform": self = .randomUniform(minimum: try named.float("minimum", default: -0.05), maximum: try named.float("maximum", default: 0.05))
        case "randomNormal": self = .randomNormal(mean: try named.float("mean", default: 0), standardDeviation: try named.float("standardDeviation", default: 0.05))
        case "glorotUniform": self = .glorotUniform
        case "glorotNormal": self = .glorotNormal
        case "heUniform": self = .heUniform
        case "heNormal": self = .heNormal
        case "lecunNormal": self = .lecunNormal
        case "orthogonal": self = .orthogonal(gain: try named.float("gain", default: 1))
        default: throw named.unknown("initializer", accepted: Initializer.names, in: decoder)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .zeros: try NamedCase.encode("zeros", to: encoder)
        case .ones: try NamedCase.encode("ones", to: encoder)
        case .constant(let value): try NamedCase.encode("constant", settings: ["value": value], to: encoder)
        case let .randomUniform(minimum, maximum): try NamedCase.encode("randomUniform", settings: ["minimum": minimum, "maximum": maximum], to: encoder)
        case let .randomNormal(mean, standardDeviation):
            try NamedCase.encode("randomNormal", settings: ["mean": mean, "standardDeviation": standardDeviation], to: encoder)
        case .glorotUniform: try NamedCase.encode("glorotUniform", to: encoder)
        case .glorotNormal: try NamedCase.encode("glorotNormal", to: encoder)
        case .heUniform: try NamedCase.encode("heUniform", to: encoder)
        case .heNormal: try NamedCase.encode("heNormal", to: encoder)
        case .lecunNormal: try NamedCase.encode("lecunNormal", to: encoder)
        case .orthogonal(let gain): try NamedCase.encode("orthogonal", settings: ["gain": gain], to: encoder)
        }
    }
}
