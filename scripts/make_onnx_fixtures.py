#!/usr/bin/python3
"""Regenerates the ONNX fixtures under tests/fixtures/onnx/ and their expected MAC counts.

Run with Debian's Python (torch 1.13, torchvision 0.14, onnx 1.12):

    /usr/bin/python3 scripts/make_onnx_fixtures.py [--out DIR] [--only NAME ...]

Each model is built with random weights (no download), put in eval mode and exported with
torch.onnx.export. The weights are then stripped so the committed files stay small: every
larger initializer keeps its dims but its data is marked external, pointing at a file that
does not exist (DNNExplorer needs only shapes). Small initializers (Reshape targets, Slice
bounds, Resize scales) stay inline because shape inference reads them.

The expected counts come from PyTorch itself, by forward hooks on one frame:
  - nn.Conv2d:          out elements * (in_channels / groups) * kh * kw
  - nn.ConvTranspose2d: in elements * (out_channels / groups) * kh * kw
  - nn.Linear:          out elements * in_features
  - nn.MultiheadAttention (whose projections are F.linear calls, invisible to Linear hooks):
        in_proj L*E*3E + Q.K^T L*L*E + A.V L*L*E + out_proj L*E*E per frame
Conv MACs go to "conv_macs", every dense product to "fc_macs" (docs/spec/CLI.md).

As a cross-check, the same forward pass is also counted at the ATen level (every
aten.convolution, mm, addmm, bmm and baddbmm call, whatever module or functional call made
it) into "aten_conv_macs" and "aten_fc_macs"; this also sees products that no module hook
does, such as Swin's F.linear projections and q @ k^T.
"""
import argparse
import json
import os
import sys

import onnx
import torch
import torch.nn as nn
import torchvision.models as tvm
from torch.utils._python_dispatch import TorchDispatchMode

ABSENT_WEIGHTS = "weights_not_shipped.bin"


class TinyEncoder(nn.Module):
    """A small sequence model: token projection, two nn.TransformerEncoder layers, a head."""

    def __init__(self, tokens=16, features=32, width=64, heads=4):
        super().__init__()
        self.embed = nn.Linear(features, width)
        layer = nn.TransformerEncoderLayer(width, heads, dim_feedforward=4 * width,
                                           dropout=0.1, batch_first=True,
                                           activation="gelu")
        self.encoder = nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False)
        self.head = nn.Linear(width, 10)
        self.input_shape = (1, tokens, features)

    def forward(self, x):
        return self.head(self.encoder(self.embed(x)).mean(dim=1))


# name -> (constructor, input shape, opset, dynamic batch?, what it covers)
FIXTURES = {
    "resnet18": (lambda: tvm.resnet18(), (1, 3, 224, 224), 11, False,
                 "residual adds, strided convs, MaxPool, GlobalAveragePool, Gemm"),
    "resnet18_dynbatch": (lambda: tvm.resnet18(), (1, 3, 64, 64), 13, True,
                          "symbolic batch dimension (dynamic_axes)"),
    "squeezenet1_1": (lambda: tvm.squeezenet1_1(), (1, 3, 224, 224), 9, False,
                      "concat-heavy fire modules, ceil_mode MaxPool, low opset"),
    "googlenet": (lambda: tvm.googlenet(aux_logits=False, init_weights=True),
                  (1, 3, 224, 224), 11, False, "inception concats, ceil_mode pools"),
    "mobilenet_v3_small": (lambda: tvm.mobilenet_v3_small(), (1, 3, 224, 224), 17, False,
                           "depthwise convs, squeeze-excite Mul, HardSwish/HardSigmoid"),
    "efficientnet_b0": (lambda: tvm.efficientnet_b0(), (1, 3, 224, 224), 13, False,
                        "depthwise convs, SiLU as Sigmoid*Mul, squeeze-excite"),
    "densenet121": (lambda: tvm.densenet121(), (1, 3, 224, 224), 13, False,
                    "dense blocks: a Concat per layer, BatchNorm before conv, AveragePool"),
    "regnet_y_400mf": (lambda: tvm.regnet_y_400mf(), (1, 3, 224, 224), 13, False,
                       "grouped convs (group width 8), squeeze-excite"),
    "vit_b_16": (lambda: tvm.vit_b_16(), (1, 3, 224, 224), 17, False,
                 "transformer: patch conv, class token concat, MultiheadAttention, LayerNorm"),
    "swin_t": (lambda: tvm.swin_t(), (1, 3, 224, 224), 17, False,
               "shifted windows: computed Pad, roll as Slice+Concat, F.linear projections and "
               "q @ k^T that module hooks miss (see aten_fc_macs)"),
    "tiny_encoder": (lambda: TinyEncoder(), None, 14, False,
                     "nn.TransformerEncoder, decomposed LayerNorm, Gelu as Erf, rank-3 MatMul"),
}


def count_macs(model, example):
    """Conv and dense MACs of one forward pass, from module hooks."""
    counts = {"conv_macs": 0, "fc_macs": 0}
    batch = example.shape[0]

    def conv_hook(module, inputs, output):
        k = module.kernel_size[0] * module.kernel_size[1]
        if isinstance(module, nn.ConvTranspose2d):
            macs = inputs[0].numel() * (module.out_channels // module.groups) * k
        else:
            macs = output.numel() * (module.in_channels // module.groups) * k
        counts["conv_macs"] += macs // batch

    def linear_hook(module, inputs, output):
        counts["fc_macs"] += output.numel() * module.in_features // batch

    def attention_hook(module, inputs, output):
        # The query is often passed by keyword (invisible to hooks); the attention output
        # has the query's shape.
        attended = output[0]
        length = attended.shape[1] if module.batch_first else attended.shape[0]
        e = module.embed_dim
        counts["fc_macs"] += length * e * 3 * e + 2 * length * length * e + length * e * e

    handles = []
    for module in model.modules():
        if isinstance(module, (nn.Conv2d, nn.ConvTranspose2d)):
            handles.append(module.register_forward_hook(conv_hook))
        elif isinstance(module, nn.Linear) and not isinstance(
                module, nn.modules.linear.NonDynamicallyQuantizableLinear):
            handles.append(module.register_forward_hook(linear_hook))
        elif isinstance(module, nn.MultiheadAttention):
            handles.append(module.register_forward_hook(attention_hook))
    # Autograd stays on: under no_grad, nn.TransformerEncoderLayer and nn.MultiheadAttention
    # take fused fast paths that bypass their submodules (and so the hooks).
    model(example)
    for h in handles:
        h.remove()
    return counts


class AtenCounter(TorchDispatchMode):
    """Conv and dense MACs of every ATen convolution and matrix product."""

    def __init__(self):
        super().__init__()
        self.conv_macs = 0
        self.fc_macs = 0

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        aten = torch.ops.aten
        if func in (aten.mm.default, aten.bmm.default):
            self.fc_macs += out.numel() * args[0].shape[-1]
        elif func in (aten.addmm.default, aten.baddbmm.default):
            self.fc_macs += out.numel() * args[1].shape[-1]
        elif func == aten.convolution.default:
            weight, transposed, groups = args[1], args[6], args[8]
            k = weight.shape[2] * weight.shape[3]
            if transposed:  # weight [C, M/g, kh, kw]: each input pixel scatters M/g * k
                self.conv_macs += args[0].numel() * weight.shape[1] * k
            else:
                self.conv_macs += out.numel() * weight.shape[1] * k
        return out


def count_aten_macs(model, example):
    counter = AtenCounter()
    with counter:  # autograd on, as in count_macs: no fused fast paths
        model(example)
    batch = example.shape[0]
    return {"aten_conv_macs": counter.conv_macs // batch, "aten_fc_macs": counter.fc_macs // batch}


def strip_weights(model_proto):
    """Keeps every initializer's dims; float data becomes external data in an absent file."""
    offset = 0
    for init in model_proto.graph.initializer:
        elements = 1
        for d in init.dims:
            elements *= d
        integer = init.data_type in (onnx.TensorProto.INT64, onnx.TensorProto.INT32)
        if elements <= (4096 if integer else 64):  # shape arguments, Resize scales
            continue
        length = len(init.raw_data) or 4 * (len(init.float_data) + len(init.int64_data))
        init.ClearField("raw_data")
        init.ClearField("float_data")
        init.ClearField("int64_data")
        init.ClearField("int32_data")
        init.ClearField("double_data")
        init.data_location = onnx.TensorProto.EXTERNAL
        del init.external_data[:]
        for key, value in (("location", ABSENT_WEIGHTS), ("offset", str(offset)),
                           ("length", str(length))):
            entry = init.external_data.add()
            entry.key, entry.value = key, value
        offset += length


def export(name, out_dir, tmp_dir):
    make, shape, opset, dynamic, covers = FIXTURES[name]
    torch.manual_seed(0)
    model = make().eval()
    example = torch.randn(*(shape or model.input_shape))
    counts = count_macs(model, example)
    counts.update(count_aten_macs(model, example))
    raw_path = os.path.join(tmp_dir, name + ".full.onnx")
    dynamic_axes = {"input": {0: "batch"}, "output": {0: "batch"}} if dynamic else None
    # Exported with autograd on: under no_grad nn.MultiheadAttention takes its fused fast
    # path (aten::_native_multi_head_attention), which torch 1.13 cannot export.
    torch.onnx.export(model, example, raw_path, opset_version=opset,
                      input_names=["input"], output_names=["output"],
                      dynamic_axes=dynamic_axes, do_constant_folding=True)
    model_proto = onnx.load(raw_path)
    os.remove(raw_path)
    strip_weights(model_proto)
    onnx.save(model_proto, os.path.join(out_dir, name + ".onnx"))
    counts["hooks_see_every_product"] = counts["fc_macs"] == counts["aten_fc_macs"]
    return {"input": list(example.shape), "opset": opset, "dynamic_batch": dynamic,
            "covers": covers, **counts}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(here, "..", "tests", "fixtures", "onnx"))
    parser.add_argument("--only", nargs="*", choices=sorted(FIXTURES))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    expected_path = os.path.join(args.out, "expected_counts.json")
    expected = {}
    if args.only and os.path.exists(expected_path):
        with open(expected_path) as f:
            expected = json.load(f)["models"]
    for name in args.only or FIXTURES:
        print("exporting", name, file=sys.stderr)
        expected[name] = export(name, args.out, args.out)
    document = {
        "generated_by": "scripts/make_onnx_fixtures.py",
        "torch": torch.__version__,
        "onnx": onnx.__version__,
        "how_counted": {
            "conv_macs": "forward hooks on nn.Conv2d: out elements * in_channels/groups * kh*kw "
                         "(nn.ConvTranspose2d: in elements * out_channels/groups * kh*kw)",
            "fc_macs": "forward hooks on nn.Linear: out elements * in_features; "
                       "nn.MultiheadAttention from shapes: L*E*3E (in_proj) + 2*L*L*E "
                       "(Q.K^T and A.V) + L*E*E (out_proj)",
            "aten_conv_macs, aten_fc_macs": "cross-check: every aten.convolution, mm, addmm, "
                                            "bmm, baddbmm call of the same forward pass",
            "per": "one frame (batch 1)",
        },
        "models": dict(sorted(expected.items())),
    }
    with open(expected_path, "w") as f:
        json.dump(document, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
