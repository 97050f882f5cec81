"""Recomputes a Synapse MLP's forward pass with NumPy from each exported weights file.

usage: python check_interchange.py DIR

DIR holds what InterchangeTests/writesFilesForTheInterchangeCheck writes: synapse.safetensors
(`layer/parameter`, kernels [in, out]), pytorch.safetensors (`<index>.weight` [out, in],
`<index>.bias`, modules in the metadata), weights.npz (`layer/parameter`), keras.npz
(`arr_0, arr_1, ...`), inputs.npy and outputs.npy (Synapse's predictions); mlp.onnx and
activations.onnx (a model with every activation), cnn.onnx (every image layer), cnn1d.onnx
(the 1-D convolution layers), rnn.onnx (embedding, every recurrent layer, both directions) and
graph.onnx (a Functional graph with every merge layer), each with <name>-inputs.npy and <name>-outputs.npy, run by ONNX Runtime;
torch-cnn.safetensors and torch-cnn1d.safetensors (PyTorch state dicts of convolutional
networks, the modules' constructor calls in the metadata), with channels-last inputs and
Synapse's outputs. Exits non-zero unless every weights file reproduces the outputs within 1e-5
and every ONNX model within 1e-4.

The PyTorch state dicts are run by NumPy twins of PyTorch's modules (same constructor
signatures, channels-first tensors), and by PyTorch itself when it is installed.
"""
import re
import sys

import numpy as np
from safetensors import safe_open
from safetensors.numpy import load_file

TOLERANCE = 1e-5
ONNX_TOLERANCE = 1e-4

ACTIVATIONS = {
    "ReLU": lambda x: np.maximum(x, 0),
    "Sigmoid": lambda x: 1 / (1 + np.exp(-x)),
    "Tanh": np.tanh,
    "Identity": lambda x: x,
    "SiLU": lambda x: x / (1 + np.exp(-x)),
    "Softplus": lambda x: np.log1p(np.exp(x)),
    "Softmax": lambda x: np.exp(x - x.max(-1, keepdims=True)) / np.exp(x - x.max(-1, keepdims=True)).sum(-1, keepdims=True),
}


def forward_torch(x, tensors, modules):
    """nn.Sequential's forward: Linear is x @ weight.T + bias."""
    for index, module in enumerate(modules):
        kind = module.split("(")[0]
        if kind == "Linear":
            x = x @ tensors[f"{index}.weight"].T
            if f"{index}.bias" in tensors:
                x = x + tensors[f"{index}.bias"]
        elif kind in ACTIVATIONS:
            x = ACTIVATIONS[kind](x)
        else:
            sys.exit(f"unsupported module {module}")
    return x


class Module:
    """A NumPy twin of a torch.nn module: built from the same constructor call, run in eval mode
    on channels-first arrays, its parameters taken from the state dict under its index."""

    def forward(self, x, tensors, index):
        raise NotImplementedError


class Linear(Module):
    def __init__(self, in_features, out_features, bias=True):
        pass

    def forward(self, x, tensors, index):
        x = x @ tensors[f"{index}.weight"].T
        return x + tensors[f"{index}.bias"] if f"{index}.bias" in tensors else x


class ConvNd(Module):
    """Cross-correlation over the trailing `rank` axes of [n, c, ...], as torch's Conv1d/Conv2d."""
    rank = 0

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, bias=True):
        def tuple_of(value):
            return tuple(value) if isinstance(value, tuple) else (value,) * self.rank
        self.kernel, self.stride, self.dilation = tuple_of(kernel_size), tuple_of(stride), tuple_of(dilation)
        self.padding = padding

    def forward(self, x, tensors, index):
        weight = tensors[f"{index}.weight"]
        if self.padding == "same":
            # torch's 'same': total padding d·(k − 1) per axis, the odd one after.
            pads = [(d * (k - 1) // 2, d * (k - 1) - d * (k - 1) // 2) for k, d in zip(self.kernel, self.dilation)]
            x = np.pad(x, [(0, 0), (0, 0)] + pads)
        spatial = x.shape[2:]
        out = [(size - d * (k - 1) - 1) // s + 1 for size, k, s, d in zip(spatial, self.kernel, self.stride, self.dilation)]
        result = np.zeros((x.shape[0], weight.shape[0], *out), dtype=np.float64)
        for offsets in np.ndindex(*self.kernel):
            window = tuple(slice(o * d, o * d + (n - 1) * s + 1, s) for o, d, n, s in zip(offsets, self.dilation, out, self.stride))
            patch = x[(slice(None), slice(None)) + window]                         # [n, c, *out]
            result += np.einsum("nc...,oc->no...", patch, weight[(slice(None), slice(None)) + offsets])
        if f"{index}.bias" in tensors:
            result += tensors[f"{index}.bias"].reshape((1, -1) + (1,) * self.rank)
        return result


class Conv1d(ConvNd):
    rank = 1


class Conv2d(ConvNd):
    rank = 2


class PoolNd(Module):
    rank, reduce = 0, None

    def __init__(self, kernel_size, stride=None):
        def tuple_of(value):
            return tuple(value) if isinstance(value, tuple) else (value,) * self.rank
        self.kernel = tuple_of(kernel_size)
        self.stride = tuple_of(stride if stride is not None else kernel_size)

    def forward(self, x, tensors, index):
        out = [(size - k) // s + 1 for size, k, s in zip(x.shape[2:], self.kernel, self.stride)]
        windows = [x[(slice(None), slice(None)) + tuple(slice(o, o + (n - 1) * s + 1, s) for o, n, s in zip(offsets, out, self.stride))]
                   for offsets in np.ndindex(*self.kernel)]
        return self.reduce(np.stack(windows), axis=0)


class MaxPool1d(PoolNd):
    rank, reduce = 1, staticmethod(np.max)


class MaxPool2d(PoolNd):
    rank, reduce = 2, staticmethod(np.max)


class AvgPool1d(PoolNd):
    rank, reduce = 1, staticmethod(np.mean)


class AvgPool2d(PoolNd):
    rank, reduce = 2, staticmethod(np.mean)


class AdaptivePool(Module):
    reduce = None

    def __init__(self, output_size):
        assert output_size == 1

    def forward(self, x, tensors, index):
        return self.reduce(x, axis=tuple(range(2, x.ndim)), keepdims=True)


class AdaptiveAvgPool1d(AdaptivePool):
    reduce = staticmethod(np.mean)


class AdaptiveAvgPool2d(AdaptivePool):
    reduce = staticmethod(np.mean)


class AdaptiveMaxPool1d(AdaptivePool):
    reduce = staticmethod(np.max)


class AdaptiveMaxPool2d(AdaptivePool):
    reduce = staticmethod(np.max)


class Flatten(Module):
    def __init__(self, start_dim=1, end_dim=-1):
        pass

    def forward(self, x, tensors, index):
        return x.reshape(x.shape[0], -1)


class Elementwise(Module):
    def __init__(self, function):
        self.function = function

    def forward(self, x, tensors, index):
        return self.function(x)


NUMPY_MODULES = {cls.__name__: cls for cls in (Linear, Conv1d, Conv2d, MaxPool1d, MaxPool2d, AvgPool1d, AvgPool2d, AdaptiveAvgPool1d,
                                               AdaptiveAvgPool2d, AdaptiveMaxPool1d, AdaptiveMaxPool2d, Flatten)}
NUMPY_MODULES.update({name: (lambda f: lambda *a, **k: Elementwise(f))(f) for name, f in ACTIVATIONS.items()})
NUMPY_MODULES["Dropout"] = lambda p=0.5, inplace=False: Elementwise(lambda x: x)
NUMPY_MODULES["ELU"] = lambda alpha=1.0, inplace=False: Elementwise(lambda x: np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0))))


def channels_first(x):
    """Synapse's channels-last batch [n, ..., c] as torch's [n, c, ...]."""
    return np.moveaxis(x, -1, 1)


def forward_torch_modules_numpy(x, tensors, modules):
    """The state dict's network, run by the NumPy twins in float64."""
    x = channels_first(x.astype(np.float64))
    for index, module in enumerate(modules):
        x = eval(module, {}, NUMPY_MODULES).forward(x, {k: v.astype(np.float64) for k, v in tensors.items()}, index)
    return x


def forward_torch_modules_pytorch(x, path, modules):
    """The state dict's network, rebuilt and run by PyTorch; None when it is not installed."""
    try:
        import torch
        from safetensors.torch import load_file as load_torch
    except ImportError:
        return None
    net = torch.nn.Sequential(*[eval(module, {}, vars(torch.nn)) for module in modules]).eval()
    net.load_state_dict(load_torch(path), strict=True)
    with torch.no_grad():
        return net(torch.from_numpy(channels_first(x)).contiguous()).numpy()


def forward_keras(x, kernels_and_biases, activations):
    """Keras's Dense: x @ kernel + bias, then the activation."""
    for (kernel, bias), activation in zip(kernels_and_biases, activations):
        x = ACTIVATIONS[activation](x @ kernel + bias)
    return x


def dense_activations(modules):
    """The activation after each Linear module (Identity when none follows)."""
    result = []
    for index, module in enumerate(modules):
        if module.startswith("Linear"):
            following = modules[index + 1].split("(")[0] if index + 1 < len(modules) else "Linear"
            result.append("Identity" if following == "Linear" else following)
    return result


def by_layer(named):
    """`layer/parameter` arrays grouped as (kernel, bias) in layer order (dense, dense_1, ...)."""
    layers = sorted({name.split("/")[0] for name in named}, key=lambda n: int(re.sub(r"\D", "", n) or 0))
    return [(named[f"{layer}/kernel"], named[f"{layer}/bias"]) for layer in layers]


def main(directory):
    x = np.load(f"{directory}/inputs.npy")
    expected = np.load(f"{directory}/outputs.npy")
    with safe_open(f"{directory}/pytorch.safetensors", framework="np") as f:
        modules = f.metadata()["modules"].split("; ")
    activations = dense_activations(modules)
    npz = np.load(f"{directory}/weights.npz")
    keras = np.load(f"{directory}/keras.npz")
    outputs = {
        "pytorch.safetensors (x @ weight.T + bias)": forward_torch(x, load_file(f"{directory}/pytorch.safetensors"), modules),
        "synapse.safetensors (x @ kernel + bias)": forward_keras(x, by_layer(load_file(f"{directory}/synapse.safetensors")), activations),
        "weights.npz (layer/parameter)": forward_keras(x, by_layer({k: npz[k] for k in npz.files}), activations),
        "keras.npz (arr_i)": forward_keras(
            x, [(keras[f"arr_{2 * i}"], keras[f"arr_{2 * i + 1}"]) for i in range(len(keras.files) // 2)], activations),
    }
    import onnxruntime
    onnx_runs = {
        "mlp.onnx (ONNX Runtime)": ("mlp.onnx", x, expected),
        "activations.onnx (ONNX Runtime)": (
            "activations.onnx", np.load(f"{directory}/activations-inputs.npy"), np.load(f"{directory}/activations-outputs.npy")),
        **{f"{name}.onnx (ONNX Runtime)": (f"{name}.onnx", np.load(f"{directory}/{name}-inputs.npy"), np.load(f"{directory}/{name}-outputs.npy"))
           for name in ("cnn", "cnn1d", "rnn", "graph")},
    }
    expected_by_name = {None: expected}
    print(f"onnxruntime {onnxruntime.__version__}")
    print(f"modules: {modules}")
    print(f"inputs {x.shape}, Synapse outputs {expected.shape}")
    for file in ("torch-cnn", "torch-cnn1d"):
        path = f"{directory}/{file}.safetensors"
        with safe_open(path, framework="np") as f:
            torch_modules = f.metadata()["modules"].split("; ")
        inputs, wanted = np.load(f"{directory}/{file}-inputs.npy"), np.load(f"{directory}/{file}-outputs.npy")
        print(f"{file} modules: {torch_modules}")
        expected_by_name[f"{file}.safetensors (NumPy twins of torch.nn, channels first)"] = wanted
        outputs[f"{file}.safetensors (NumPy twins of torch.nn, channels first)"] = forward_torch_modules_numpy(inputs, load_file(path), torch_modules)
        pytorch = forward_torch_modules_pytorch(inputs, path, torch_modules)
        if pytorch is None:
            print(f"skip {file}.safetensors in PyTorch itself: torch is not installed")
        else:
            expected_by_name[f"{file}.safetensors (PyTorch's nn.Sequential, load_state_dict strict)"] = wanted
            outputs[f"{file}.safetensors (PyTorch's nn.Sequential, load_state_dict strict)"] = pytorch
    failed = False
    for name, output in outputs.items():
        expected = expected_by_name.get(name, expected_by_name[None])
        delta = float(np.abs(output - expected).max())
        ok = output.shape == expected.shape and delta < TOLERANCE
        failed |= not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name}: max |delta| = {delta:.3g}")
    for name, (file, inputs, wanted) in onnx_runs.items():
        session = onnxruntime.InferenceSession(f"{directory}/{file}", providers=["CPUExecutionProvider"])
        output = session.run(None, {"input": inputs})[0]
        delta = float(np.abs(output - wanted).max())
        ok = output.shape == wanted.shape and delta < ONNX_TOLERANCE
        failed |= not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name}: max |delta| = {delta:.3g}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main(sys.argv[1])
