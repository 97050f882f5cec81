"""Recomputes a Synapse MLP's forward pass with NumPy from each exported weights file.

usage: python check_interchange.py DIR

DIR holds what InterchangeTests/writesFilesForTheInterchangeCheck writes: synapse.safetensors
(`layer/parameter`, kernels [in, out]), pytorch.safetensors (`<index>.weight` [out, in],
`<index>.bias`, modules in the metadata), weights.npz (`layer/parameter`), keras.npz
(`arr_0, arr_1, ...`), inputs.npy and outputs.npy (Synapse's predictions); mlp.onnx and
activations.onnx (a model with every activation), cnn.onnx (every image layer), cnn1d.onnx
(the 1-D convolution layers), rnn.onnx (embedding, every recurrent layer, both directions) and
graph.onnx (a Functional graph with every merge layer), each with <name>-inputs.npy and <name>-outputs.npy, run by ONNX Runtime. Exits non-zero unless every weights file
reproduces the outputs within 1e-5 and every ONNX model within 1e-4.
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
    print(f"onnxruntime {onnxruntime.__version__}")
    print(f"modules: {modules}")
    print(f"inputs {x.shape}, Synapse outputs {expected.shape}")
    failed = False
    for name, output in outputs.items():
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
