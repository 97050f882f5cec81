import Foundation

/// A layer's kind and settings, without its weights: what a model file stores for each layer,
/// and what `synapse train` reads (Keras's `get_config`/`from_config`).
///
/// In JSON each layer is one object with a `type` and its settings; settings left out take the
/// layer's defaults, so a hand-written description stays short:
///
/// ```json
/// {"type": "input", "shape": [28, 28, 1]}
/// {"type": "conv2D", "filters": 32, "kernelSize": 3, "activation": "relu"}
/// {"type": "maxPooling2D", "poolSize": 2}
/// {"type": "flatten"}
/// {"type": "dense", "units": 10, "activation": {"name": "leakyRelu", "alpha": 0.1}, "name": "logits"}
/// ```
///
/// Unknown types and unknown keys are errors that name the type or key and list what is
/// accepted. A configuration exists only for settings that make a layer: decoding checks them
/// as the layer reads them (`ConfigurableLayer.checkSettings`).
public struct LayerConfiguration: Hashable, Sendable {
    /// The layer's `type`, e.g. `"dense"` (see `knownTypes`).
    public let type: String
    /// The layer's settings as written in JSON (its name included).
    public let settings: [String: JSONValue]

    /// The layer types model descriptions know, by their `typeName`. A constant table of
    /// metatypes, safe to read from any thread.
    nonisolated(unsafe) public static let knownTypes: [String: any ConfigurableLayer.Type] = {
        let types: [any ConfigurableLayer.Type] = [
            Input.self, Dense.self, Activation.self,
            Conv1D.self, Conv2D.self, Conv2DTranspose.self,
            MaxPooling1D.self, MaxPooling2D.self, AveragePooling1D.self, AveragePooling2D.self,
            GlobalMaxPooling1D.self, GlobalMaxPooling2D.self, GlobalAveragePooling1D.self, GlobalAveragePooling2D.self,
            Flatten.self, Reshape.self, ZeroPadding2D.self, Cropping2D.self, UpSampling2D.self,
            RandomFlip.self, RandomRotation.self, RandomTranslation.self, RandomZoom.self, GaussianNoise.self,
            Dropout.self, SpatialDropout1D.self, SpatialDropout2D.self, GaussianDropout.self, BatchNormalization.self,
            LayerNormalization.self, SpectralNormalization.self, Add.self, Subtract.self, Multiply.self, Average.self, Maximum.self, Concatenate.self,
            Embedding.self, Masking.self, SimpleRNN.self, LSTM.self, GRU.self, Bidirectional.self, TimeDistributed.self,
            Sequential.self, Functional.self,
        ]
        return Dictionary(uniqueKeysWithValues: types.map { ($0.typeName, $0) })
    }()

    init(type: String, settings: [String: JSONValue]) {
        self.type = type
        self.settings = settings
    }

    /// The layer's name.
    public var name: String {
        if case .string(let name)? = settings["name"] { return name }
        return type
    }

    /// A new, unbuilt layer with these settings.
    ///
    /// - Throws: `ModelError.invalidArgument` if the settings no longer make a layer (they
    ///   were checked when decoded, so this means they were edited since).
    public func makeLayer() throws -> any Layer {
        do {
            return try JSONDecoder().decode(DecodedLayer.self, from: JSONEncoder().encode(self)).layer
        } catch {
            throw ModelError.invalidArgument(owner: "layer configuration '\(name)'", argument: "settings",
                                             expected: "settings a '\(type)' layer accepts", received: "\(error)")
        }
    }

    /// The layer that the JSON object `decoder` describes, after checking that it names a known
    /// type and has no unknown keys.
    static func decodeLayer(from decoder: any Decoder) throws -> any ConfigurableLayer {
        try readSettings(from: decoder) { layerType, reader in
            let layer = try layerType.init(settings: &reader)
            // Any layer may be frozen (a pretrained base): `"trainable": false`, as Keras writes it.
            layer.isTrainable = try reader.value("trainable", default: true)
            return layer
        }
    }

    /// Checks the JSON object `decoder` as `decodeLayer` reads it, without building anything
    /// (a nested model's weights are allocated only when the model it belongs to is built).
    static func checkLayer(from decoder: any Decoder) throws {
        try readSettings(from: decoder) { layerType, reader in
            try layerType.checkSettings(&reader)
            _ = try reader.value("trainable", default: true)
        }
    }

    /// `body`'s result for the layer type the object names and a reader of its settings, after
    /// which any key left unread is an error.
    private static func readSettings<Result>(
        from decoder: any Decoder, _ body: (any ConfigurableLayer.Type, inout LayerSettingsReader) throws -> Result
    ) throws -> Result {
        let container = try decoder.container(keyedBy: AnyKey.self)
        let type = try container.decode(String.self, forKey: AnyKey(stringValue: "type"))
        guard let layerType = knownTypes[type] else {
            throw DecodingError.dataCorruptedError(
                forKey: AnyKey(stringValue: "type"), in: container,
                debugDescription: "unknown layer type '\(type)'; expected one of \(knownTypes.keys.sorted())")
        }
        var reader = LayerSettingsReader(container)
        let result = try body(layerType, &reader)
        try reader.rejectUnreadKeys(type: type)
        return result
    }
}

extension LayerConfiguration: Codable {
    /// Reads `{"type": …, settings…}`, checking the settings as the layer reads them.
    public init(from decoder: any Decoder) throws {
        try LayerConfiguration.checkLayer(from: decoder)
        var object = try [String: JSONValue](from: decoder)
        guard case .string(let type)? = object.removeValue(forKey: "type") else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected a string 'type'"))
        }
        self.init(type: type, settings: object)
    }

    /// Writes `{"type": …, settings…}`.
    public func encode(to encoder: any Encoder) throws {
        var object = settings
        object["type"] = .string(type)
        try object.encode(to: encoder)
    }
}

/// A layer decoded from its configuration's JSON (see `LayerConfiguration.makeLayer()`).
private struct DecodedLayer: Decodable {
    let layer: any Layer
    init(from decoder: any Decoder) throws { layer = try LayerConfiguration.decodeLayer(from: decoder) }
}
