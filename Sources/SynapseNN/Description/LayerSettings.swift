/// Reads a layer's settings from its JSON object in a model description: each setting by
/// key, with the layer's default where the key is absent. Keys never read are the object's
/// unknown keys, which `LayerConfiguration` reports, so a typo never passes silently.
public struct LayerSettingsReader {
    /// The object being read.
    private let container: KeyedDecodingContainer<AnyKey>
    /// The keys read so far (with `type`, which the configuration reads).
    private(set) var readKeys: Set<String> = ["type"]

    init(_ container: KeyedDecodingContainer<AnyKey>) { self.container = container }

    /// The setting `key`, or `fallback` when the object does not have it.
    ///
    /// - Throws: `DecodingError` (with the key's path) when the value has the wrong type.
    public mutating func value<Value: Decodable>(_ key: String, default fallback: Value) throws -> Value {
        readKeys.insert(key)
        return try container.decodeIfPresent(Value.self, forKey: AnyKey(stringValue: key)) ?? fallback
    }

    /// The setting `key`, which the object must have.
    ///
    /// - Throws: `DecodingError` when the key is missing ("missing required key") or its value
    ///   has the wrong type.
    public mutating func required<Value: Decodable>(_ key: String) throws -> Value {
        readKeys.insert(key)
        let codingKey = AnyKey(stringValue: key)
        guard container.contains(codingKey) else {
            throw DecodingError.keyNotFound(codingKey, DecodingError.Context(
                codingPath: container.codingPath, debugDescription: "missing required key '\(key)'"))
        }
        return try container.decode(Value.self, forKey: codingKey)
    }

    /// The setting `key`, a graph of `layerCount` layers, checked as a description's graph is.
    ///
    /// - Throws: `DecodingError` (at the key) when it is missing or its calls, inputs or
    ///   outputs name layers or calls that are not there.
    public mutating func graph(_ key: String, layerCount: Int) throws -> GraphDescription {
        let graph: GraphDescription = try required(key)
        try graph.validate(layerCount: layerCount, in: container, key: AnyKey(stringValue: key))
        return graph
    }

    /// Throws naming the first key of the object that was never read, and the keys the layer
    /// of `type` accepts.
    func rejectUnreadKeys(type: String) throws {
        try container.rejectKeys(notIn: readKeys, "for a '\(type)' layer")
    }
}

/// Collects a layer's settings for its JSON object in a model description.
public struct LayerSettingsWriter {
    /// The settings written so far.
    private(set) var settings: [String: JSONValue] = [:]

    init() {}

    /// Writes `value` (in its `Encodable` form) under `key`.
    ///
    /// - Throws: `EncodingError` when the value cannot be encoded (a non-finite number).
    public mutating func set(_ key: String, _ value: some Encodable) throws {
        settings[key] = try JSONValue(encoding: value)
    }

    /// Writes the regularizers that are set, under `kernelRegularizer`, `biasRegularizer` and
    /// `activityRegularizer` (absent ones are left out, as their default is none).
    public mutating func setRegularizers(kernel: Regularizer?, bias: Regularizer?, activity: Regularizer?) throws {
        for (key, regularizer) in [("kernelRegularizer", kernel), ("biasRegularizer", bias), ("activityRegularizer", activity)] {
            if let regularizer { try set(key, regularizer) }
        }
    }
}

/// A layer that can describe itself, so that a model holding it can be saved and rebuilt
/// (Keras's `get_config`/`from_config`).
///
/// A conformer names its `type` in model descriptions, writes its settings, and is created
/// back from them; it is listed in `LayerConfiguration.knownTypes`.
public protocol ConfigurableLayer: Layer {
    /// The layer's `type` in model descriptions, e.g. `"dense"` or `"conv2D"`.
    static var typeName: String { get }
    /// Writes every setting needed to create the layer again (its name included).
    ///
    /// - Throws: `EncodingError` when a setting cannot be encoded.
    func writeSettings(to writer: inout LayerSettingsWriter) throws
    /// A new, unbuilt layer from the settings `writeSettings` writes (absent ones take the
    /// layer's defaults).
    ///
    /// - Throws: `DecodingError` for a missing required setting or a value of the wrong type.
    init(settings: inout LayerSettingsReader) throws
    /// Checks the settings as `init(settings:)` reads them, without creating anything that
    /// allocates weights: decoding a description checks every layer this way. The default makes
    /// the layer (unbuilt layers hold no weights); models, which build as they are made,
    /// check their nested descriptions instead.
    ///
    /// - Throws: as `init(settings:)`.
    static func checkSettings(_ settings: inout LayerSettingsReader) throws
}

extension ConfigurableLayer {
    public static func checkSettings(_ settings: inout LayerSettingsReader) throws {
        _ = try Self(settings: &settings)
    }
}

extension ConfigurableLayer {
    /// The layer's kind and settings, without its weights; `"trainable": false` for a frozen
    /// layer.
    ///
    /// - Throws: `EncodingError` when a setting cannot be encoded.
    public func configuration() throws -> LayerConfiguration {
        var writer = LayerSettingsWriter()
        try writeSettings(to: &writer)
        if !isTrainable { try writer.set("trainable", false) }
        return LayerConfiguration(type: Self.typeName, settings: writer.settings)
    }
}
