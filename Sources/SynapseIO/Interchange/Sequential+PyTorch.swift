import Foundation
import SynapseNN
import SynapseTensor

/// Exchanging a model's weights with PyTorch as the `state_dict` of the equivalent
/// `torch.nn.Sequential`, in a safetensors file.
///
/// The modules and the layouts are `PyTorchLayout`'s: `Dense` becomes `Linear` (its kernel
/// transposed to `[out, in]`), `Conv2D` becomes `Conv2d` (`[out, in, kh, kw]`), and so on; each
/// parameter is named `<index>.weight` / `<index>.bias` after its module's position. So
/// `Input(shape: [4]); Dense(6, activation: .relu); Dense(1, activation: .sigmoid)` is
/// `nn.Sequential(nn.Linear(4, 6), nn.ReLU(), nn.Linear(6, 1), nn.Sigmoid())`, with tensors
/// `0.weight`, `0.bias`, `2.weight`, `2.bias`.
///
/// The file's metadata holds `"format": "pt"` (as `safetensors.torch.save_file` writes) and
/// `"modules"`, the modules' constructor calls separated by `; `, so the reader can rebuild
/// the network:
///
/// ```python
/// from safetensors import safe_open
/// from safetensors.torch import load_file
/// with safe_open("cnn.safetensors", "pt") as f:
///     modules = f.metadata()["modules"].split("; ")
/// net = nn.Sequential(*[eval("nn." + m) for m in modules])
/// net.load_state_dict(load_file("cnn.safetensors"))
/// net(images.permute(0, 3, 1, 2))      # PyTorch's convolutions take channels first
/// ```
extension Sequential {
    /// The equivalent `torch.nn.Sequential`'s modules, in order, as the Python calls that
    /// construct them (PyTorch prints them the same way, but for `padding='same'`'s quotes),
    /// e.g. `["Linear(in_features=4, out_features=6, bias=True)", "ReLU()"]`.
    ///
    /// - Throws: `ModelError` for a model that is not built or has a layer the mapping does not
    ///   cover (see `PyTorchLayout`).
    public func pyTorchModules() throws -> [String] {
        try PyTorchLayout(of: self).modules
    }

    /// Writes the model's weights to the safetensors file `url` as a PyTorch `state_dict` of
    /// the equivalent `nn.Sequential` (kernels in PyTorch's layouts).
    ///
    /// - Throws: `ModelError` for a model that is not built or has a layer the mapping does not
    ///   cover; the writer's errors naming the file.
    public func exportPyTorchStateDict(to url: URL) throws {
        let layout = try PyTorchLayout(of: self)
        try writeWeights(try exportedWeights(layout.mappings), to: url, format: .safetensors,
                         metadata: ["format": "pt", "modules": layout.modules.joined(separator: "; ")])
    }

    /// Sets every parameter from the PyTorch `state_dict` in the safetensors file `url`, named
    /// and laid out as `exportPyTorchStateDict(to:)` writes it (PyTorch's layouts, changed back
    /// to Synapse's).
    ///
    /// - Throws: `ModelError` naming the tensor by its PyTorch name (with its Synapse name) when
    ///   it is unknown, missing or has another shape than PyTorch's layout; `ModelError` for a
    ///   layer the mapping does not cover; `SafeTensorsError` for a malformed file.
    public func importPyTorchStateDict(from url: URL) throws {
        let layout = try PyTorchLayout(of: self)
        let tensors = try SafeTensors.read(contentsOf: url).tensors
        try assignExternalWeights(tensors, mappings: layout.mappings, source: url.path)
    }
}
