#!/usr/bin/python3
"""Independent MAC counts for the zoo networks, from PyTorch forward hooks.

Run with Debian's system python3 (python3-torch, python3-torchvision):
    /usr/bin/python3 scripts/zoo_reference_counts.py > tests/fixtures/zoo_reference_counts.json

torchvision's own model definitions are used where torchvision has the network; MobileNet v1,
ZFNet and YOLOv2-tiny are written out below from their papers / Darknet cfg. Hooks count, per
module, Conv2d MACs = output elements * (in_channels / groups) * kh * kw and Linear MACs =
output elements * in_features. As in our zoo, the first FC of VGG/AlexNet/ZFNet reads the
flattened feature map (the adaptive pool is removed, the Linear resized), so counts are valid
at any input size. The C++ tests pin these numbers (tests/zoo/zoo_counts_test.cpp).
"""
import json
import sys

import torch
import torch.nn as nn
import torchvision.models as tvm


def count(model, shape):
    totals = {"conv_macs": 0, "fc_macs": 0}

    def hook(module, inputs, output):
        if isinstance(module, nn.Conv2d):
            k = module.kernel_size[0] * module.kernel_size[1]
            totals["conv_macs"] += output.numel() * (module.in_channels // module.groups) * k
        elif isinstance(module, nn.Linear):
            totals["fc_macs"] += output.numel() * module.in_features

    for m in model.modules():
        m.register_forward_hook(hook)
    model.eval()
    with torch.no_grad():
        model(torch.zeros(1, *shape))
    return totals


def flatten_classifier(features, classifier_in_channels, shape, fcs):
    """features -> flatten -> FCs whose first input is the flattened map."""
    with torch.no_grad():
        c, h, w = features(torch.zeros(1, *shape)).shape[1:]
    layers = [nn.Flatten()]
    prev = c * h * w
    for i, out in enumerate(fcs):
        layers.append(nn.Linear(prev, out))
        if i + 1 < len(fcs):
            layers.append(nn.ReLU())
        prev = out
    return nn.Sequential(features, *layers)


def vgg(factory, shape):
    m = factory()
    return flatten_classifier(m.features, 512, shape, [4096, 4096, 1000])


def alexnet(shape):
    return flatten_classifier(tvm.alexnet().features, 256, shape, [4096, 4096, 1000])


def zfnet(shape):
    # Zeiler & Fergus 2014, Fig. 3; conv1 padding 1 and round-up pooling give its 110/55/26/13/6.
    f = nn.Sequential(
        nn.Conv2d(3, 96, 7, 2, 1), nn.ReLU(), nn.MaxPool2d(3, 2, ceil_mode=True),
        nn.Conv2d(96, 256, 5, 2), nn.ReLU(), nn.MaxPool2d(3, 2, ceil_mode=True),
        nn.Conv2d(256, 384, 3, 1, 1), nn.ReLU(), nn.Conv2d(384, 384, 3, 1, 1), nn.ReLU(),
        nn.Conv2d(384, 256, 3, 1, 1), nn.ReLU(), nn.MaxPool2d(3, 2, ceil_mode=True))
    return flatten_classifier(f, 256, shape, [4096, 4096, 1000])


def mobilenet_v1(shape):
    # Howard et al. 2017, Table 1.
    def dw_pw(cin, cout, stride):
        return [nn.Conv2d(cin, cin, 3, stride, 1, groups=cin), nn.ReLU(),
                nn.Conv2d(cin, cout, 1), nn.ReLU()]
    cfg = [(32, 64, 1), (64, 128, 2), (128, 128, 1), (128, 256, 2), (256, 256, 1),
           (256, 512, 2)] + [(512, 512, 1)] * 5 + [(512, 1024, 2), (1024, 1024, 1)]
    layers = [nn.Conv2d(3, 32, 3, 2, 1), nn.ReLU()]
    for cin, cout, s in cfg:
        layers += dw_pw(cin, cout, s)
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(1024, 1000)]
    return nn.Sequential(*layers)


def yolov2_tiny(shape):
    # Darknet cfg/yolov2-tiny.cfg: the sixth max-pool is 2x2 stride 1 padded to keep 13x13.
    layers, cin = [], 3
    for i, cout in enumerate([16, 32, 64, 128, 256, 512]):
        layers += [nn.Conv2d(cin, cout, 3, 1, 1), nn.LeakyReLU(0.1)]
        layers += [nn.MaxPool2d(2, 2)] if i < 5 else [nn.ZeroPad2d((0, 1, 0, 1)), nn.MaxPool2d(2, 1)]
        cin = cout
    layers += [nn.Conv2d(512, 1024, 3, 1, 1), nn.LeakyReLU(0.1),
               nn.Conv2d(1024, 512, 3, 1, 1), nn.LeakyReLU(0.1), nn.Conv2d(512, 425, 1)]
    return nn.Sequential(*layers)


NETWORKS = {
    "alexnet": alexnet,
    "zfnet": zfnet,
    "vgg16": lambda s: vgg(tvm.vgg16, s),
    "vgg19": lambda s: vgg(tvm.vgg19, s),
    "resnet18": lambda s: tvm.resnet18(),
    "resnet34": lambda s: tvm.resnet34(),
    "resnet50": lambda s: tvm.resnet50(),
    "mobilenet_v1": mobilenet_v1,
    "mobilenet_v2": lambda s: tvm.mobilenet_v2(),
    "squeezenet1_1": lambda s: tvm.squeezenet1_1(),
    "yolov2_tiny": yolov2_tiny,
}
SHAPES = {"yolov2_tiny": [(3, 416, 416), (3, 320, 320)]}
DEFAULT_SHAPES = [(3, 224, 224), (3, 320, 256)]

results = []
for name, factory in NETWORKS.items():
    for shape in SHAPES.get(name, DEFAULT_SHAPES):
        torch.manual_seed(0)
        counts = count(factory(shape), shape)
        results.append({"model": name, "input": list(shape), **counts})
        print(name, shape, counts, file=sys.stderr)
json.dump({"source": "scripts/zoo_reference_counts.py (PyTorch forward hooks)",
           "torch": torch.__version__, "counts": results}, sys.stdout, indent=1)
print()
