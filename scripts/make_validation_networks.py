#!/usr/bin/python3
"""Writes the Caffe-prototxt network descriptions (structure only, no weights) that
data/validation/cases.csv uses for the Xilinx DPU (Vitis AI model zoo) rows:

  resnet50_caffe.prototxt     Kaiming He's Caffe ResNet-50 (cf_resnet50, 7.7 GOP)
  resnet_v1_50_tf.prototxt    TF-slim resnet_v1_50 (tf_resnetv1_50, 6.97 GOP)
  googlenet_caffe.prototxt    BVLC GoogLeNet / Inception-v1 deploy (cf_inceptionv1, 3.16 GOP)
  yolov3_voc_416.prototxt     Darknet yolov3-voc.cfg at 416x416 (dk_yolov3_voc, 65.42 GOP)
  inception_v3_tf.prototxt    TF-slim inception_v3 at 299x299 (tf_inceptionv3, 11.45 GOP)

Usage: python3 scripts/make_validation_networks.py [OUTPUT_DIR]
(default data/validation/networks next to this script's repository root). Standard library
only; the output is deterministic. Check a file with `dnnexplorer analyze FILE`.
"""

import os
import sys


class Net:
    """Accumulates prototxt layer lines, one Caffe layer per line (two for convolutions)."""

    def __init__(self, name, header, c, h, w):
        self.lines = ["# " + line if line else "#" for line in header]
        self.lines.append('name: "%s"' % name)
        self.lines.append('layer { name: "data" type: "Input" top: "data" '
                          'input_param { shape: { dim: 1 dim: %d dim: %d dim: %d } } }' % (c, h, w))

    def add(self, text):
        self.lines.append(text)

    def conv(self, name, bottom, nout, k, s=1, p=0, bias=True, group=1, top=None):
        """k and p are an int or a (h, w) pair; stride is the same on both axes."""
        top = top or name
        kh, kw = (k, k) if isinstance(k, int) else k
        ph, pw = (p, p) if isinstance(p, int) else p
        parts = ["num_output: %d" % nout]
        parts.append("kernel_size: %d" % kh if kh == kw else "kernel_h: %d kernel_w: %d" % (kh, kw))
        if s != 1:
            parts.append("stride: %d" % s)
        if ph == pw:
            if ph:
                parts.append("pad: %d" % ph)
        else:
            parts.append("pad_h: %d pad_w: %d" % (ph, pw))
        if group != 1:
            parts.append("group: %d" % group)
        if not bias:
            parts.append("bias_term: false")
        self.add('layer { name: "%s" type: "Convolution" bottom: "%s" top: "%s"\n'
                 '  convolution_param { %s } }' % (name, bottom, top, " ".join(parts)))
        return top

    def upsample(self, name, bottom, scale):
        """darknet2caffe's Upsample (nearest neighbour x scale), a Caffe fork's layer."""
        self.add('layer { name: "%s" type: "Upsample" bottom: "%s" top: "%s" '
                 'upsample_param { scale: %d } }' % (name, bottom, name, scale))
        return name

    def bn(self, blob, bn_name, scale_name):
        """Caffe inference BatchNorm + Scale, in place."""
        self.add('layer { name: "%s" type: "BatchNorm" bottom: "%s" top: "%s" '
                 'batch_norm_param { use_global_stats: true } }' % (bn_name, blob, blob))
        self.add('layer { name: "%s" type: "Scale" bottom: "%s" top: "%s" '
                 'scale_param { bias_term: true } }' % (scale_name, blob, blob))

    def relu(self, name, blob, slope=None):
        extra = " relu_param { negative_slope: %g }" % slope if slope is not None else ""
        self.add('layer { name: "%s" type: "ReLU" bottom: "%s" top: "%s"%s }'
                 % (name, blob, blob, extra))

    def pool(self, name, bottom, mode, k=None, s=1, p=0, global_pool=False, top=None):
        top = top or name
        if global_pool:
            param = "pool: %s global_pooling: true" % mode
        else:
            param = "pool: %s kernel_size: %d stride: %d" % (mode, k, s)
            if p:
                param += " pad: %d" % p
        self.add('layer { name: "%s" type: "Pooling" bottom: "%s" top: "%s" '
                 'pooling_param { %s } }' % (name, bottom, top, param))
        return top

    def concat(self, name, bottoms, top=None):
        top = top or name
        self.add('layer { name: "%s" type: "Concat" %s top: "%s" }'
                 % (name, " ".join('bottom: "%s"' % b for b in bottoms), top))
        return top

    def eltwise_sum(self, name, a, b, top=None):
        top = top or name
        self.add('layer { name: "%s" type: "Eltwise" bottom: "%s" bottom: "%s" top: "%s" '
                 'eltwise_param { operation: SUM } }' % (name, a, b, top))
        return top

    def lrn(self, name, bottom):
        self.add('layer { name: "%s" type: "LRN" bottom: "%s" top: "%s" '
                 'lrn_param { local_size: 5 alpha: 0.0001 beta: 0.75 } }' % (name, bottom, name))
        return name

    def dropout(self, name, blob, ratio):
        self.add('layer { name: "%s" type: "Dropout" bottom: "%s" top: "%s" '
                 'dropout_param { dropout_ratio: %g } }' % (name, blob, blob, ratio))

    def fc(self, name, bottom, nout):
        self.add('layer { name: "%s" type: "InnerProduct" bottom: "%s" top: "%s" '
                 'inner_product_param { num_output: %d } }' % (name, bottom, name, nout))
        return name

    def softmax(self, name, bottom):
        self.add('layer { name: "%s" type: "Softmax" bottom: "%s" top: "%s" }'
                 % (name, bottom, name))

    def text(self):
        return "\n".join(self.lines) + "\n"


# --------------------------------------------------------------------------------------------
def resnet50_caffe():
    net = Net("ResNet-50", [
        "ResNet-50, Kaiming He's original Caffe model (the Vitis AI zoo's cf_resnet50: 7.7 GOP,",
        "224x224). Structure from He et al. CVPR'16 Table 1 and KaimingHe/deep-residual-networks",
        "prototxt/ResNet-50-deploy.prototxt: conv1 7x7/2 pad 3 (with bias), pool1 3x3/2 max",
        "(Caffe rounds pooling up), bottleneck units whose stride 2 (res3a, res4a, res5a) is in",
        "the FIRST 1x1 conv (branch2a) and in the 1x1 projection (branch1); BatchNorm + Scale",
        "after every conv, no conv bias elsewhere; 7x7 average pool; fc1000.",
        "Generated by scripts/make_validation_networks.py; structure only, no weights.",
    ], 3, 224, 224)
    x = net.conv("conv1", "data", 64, 7, s=2, p=3)
    net.bn(x, "bn_conv1", "scale_conv1")
    net.relu("conv1_relu", x)
    x = net.pool("pool1", x, "MAX", 3, 2)
    stages = [(2, 64, 3, 1), (3, 128, 4, 2), (4, 256, 6, 2), (5, 512, 3, 2)]
    for stage, width, units, stride in stages:
        for u in range(units):
            letter = "abcdef"[u]
            unit = "%d%s" % (stage, letter)
            s = stride if u == 0 else 1
            if u == 0:
                shortcut = net.conv("res%s_branch1" % unit, x, 4 * width, 1, s=s, bias=False)
                net.bn(shortcut, "bn%s_branch1" % unit, "scale%s_branch1" % unit)
            else:
                shortcut = x
            y = x
            for part, (nout, k, st, p) in zip("abc", [(width, 1, s, 0), (width, 3, 1, 1),
                                                     (4 * width, 1, 1, 0)]):
                y = net.conv("res%s_branch2%s" % (unit, part), y, nout, k, s=st, p=p, bias=False)
                net.bn(y, "bn%s_branch2%s" % (unit, part), "scale%s_branch2%s" % (unit, part))
                if part != "c":
                    net.relu("res%s_branch2%s_relu" % (unit, part), y)
            x = net.eltwise_sum("res%s" % unit, shortcut, y)
            net.relu("res%s_relu" % unit, x)
    x = net.pool("pool5", x, "AVE", 7, 1)
    x = net.fc("fc1000", x, 1000)
    net.softmax("prob", x)
    return net


# --------------------------------------------------------------------------------------------
def resnet_v1_50_tf():
    net = Net("resnet_v1_50", [
        "ResNet-50 v1 as defined by TF-slim (the Vitis AI zoo's tf_resnetv1_50: 6.97 GOP, 224x224).",
        "Structure from tensorflow/models research/slim/nets/resnet_v1.py (resnet_v1_50,",
        "resnet_v1_block, bottleneck) and resnet_utils.py (conv2d_same, subsample); He et al.",
        "CVPR'16 Table 1 for the widths. Slim differs from the Caffe model in where it",
        "downsamples: resnet_v1_block puts the block's stride in its LAST unit (blocks 1-3,",
        "stride 2; block4 stride 1), in that unit's 3x3 conv (conv2d_same, explicit symmetric",
        "pad 1), and subsamples the unit's identity shortcut (resnet_utils.subsample =",
        "max_pool2d kernel 1 stride 2, written here as a Pooling layer kernel 1 stride 2).",
        "Projection shortcuts (first unit of each block) are 1x1 stride 1. conv1 is conv2d_same",
        "7x7/2 (explicit pad 3), pool1 max 3x3/2 'SAME' (112 -> 56: Caffe's rounded-up 3x3/2",
        "pool without padding gives the same 56x56 and the same work). BatchNorm after every",
        "conv (no conv bias); global average pool (reduce_mean); logits = 1x1 conv with bias,",
        "1000 classes (the slim resnet_v1 checkpoints have 1000).",
        "Generated by scripts/make_validation_networks.py; structure only, no weights.",
    ], 3, 224, 224)
    root = "resnet_v1_50"
    x = net.conv(root + "/conv1", "data", 64, 7, s=2, p=3, bias=False)
    net.bn(x, root + "/conv1/BatchNorm", root + "/conv1/BatchNorm_scale")
    net.relu(root + "/conv1/Relu", x)
    x = net.pool(root + "/pool1", x, "MAX", 3, 2)
    blocks = [(1, 64, 3, 2), (2, 128, 4, 2), (3, 256, 6, 2), (4, 512, 3, 1)]
    depth_in = 64
    for b, base, units, stride in blocks:
        for u in range(units):
            scope = "%s/block%d/unit_%d/bottleneck_v1" % (root, b, u + 1)
            s = stride if u == units - 1 else 1
            depth = 4 * base
            if depth == depth_in:
                if s == 1:
                    shortcut = x
                else:
                    shortcut = net.pool(scope + "/shortcut", x, "MAX", 1, s)
            else:
                shortcut = net.conv(scope + "/shortcut", x, depth, 1, s=s, bias=False)
                net.bn(shortcut, scope + "/shortcut/BatchNorm",
                       scope + "/shortcut/BatchNorm_scale")
            y = x
            for part, (nout, k, st, p) in (("conv1", (base, 1, 1, 0)),
                                            ("conv2", (base, 3, s, 1)),
                                            ("conv3", (depth, 1, 1, 0))):
                y = net.conv(scope + "/" + part, y, nout, k, s=st, p=p, bias=False)
                net.bn(y, scope + "/" + part + "/BatchNorm",
                       scope + "/" + part + "/BatchNorm_scale")
                if part != "conv3":
                    net.relu(scope + "/" + part + "/Relu", y)
            x = net.eltwise_sum(scope + "/add", shortcut, y)
            net.relu(scope + "/Relu", x)
            depth_in = depth
    x = net.pool(root + "/pool5", x, "AVE", global_pool=True)
    x = net.conv(root + "/logits", x, 1000, 1)
    net.softmax(root + "/predictions", x)
    return net


# --------------------------------------------------------------------------------------------
def googlenet_caffe():
    net = Net("GoogleNet", [
        "GoogLeNet / Inception-v1, BVLC Caffe model (the Vitis AI zoo's cf_inceptionv1: 3.16 GOP,",
        "224x224). Structure from Szegedy et al. CVPR'15 Table 1 and BVLC/caffe",
        "models/bvlc_googlenet/deploy.prototxt: deploy form, without the two auxiliary",
        "classifiers; convs with bias and ReLU, LRN after pool1 and conv2, Caffe pooling rounds",
        "up (3x3/2 max pools 112 -> 56 -> 28 -> 14 -> 7), inception pool branch 3x3/1 pad 1 max,",
        "7x7 average pool, dropout, fc1000.",
        "Generated by scripts/make_validation_networks.py; structure only, no weights.",
    ], 3, 224, 224)
    x = net.conv("conv1/7x7_s2", "data", 64, 7, s=2, p=3)
    net.relu("conv1/relu_7x7", x)
    x = net.pool("pool1/3x3_s2", x, "MAX", 3, 2)
    x = net.lrn("pool1/norm1", x)
    x = net.conv("conv2/3x3_reduce", x, 64, 1)
    net.relu("conv2/relu_3x3_reduce", x)
    x = net.conv("conv2/3x3", x, 192, 3, p=1)
    net.relu("conv2/relu_3x3", x)
    x = net.lrn("conv2/norm2", x)
    x = net.pool("pool2/3x3_s2", x, "MAX", 3, 2)

    def inception(name, x, n1, n3r, n3, n5r, n5, npool):
        outs = []
        b = net.conv(name + "/1x1", x, n1, 1)
        net.relu(name + "/relu_1x1", b)
        outs.append(b)
        b = net.conv(name + "/3x3_reduce", x, n3r, 1)
        net.relu(name + "/relu_3x3_reduce", b)
        b = net.conv(name + "/3x3", b, n3, 3, p=1)
        net.relu(name + "/relu_3x3", b)
        outs.append(b)
        b = net.conv(name + "/5x5_reduce", x, n5r, 1)
        net.relu(name + "/relu_5x5_reduce", b)
        b = net.conv(name + "/5x5", b, n5, 5, p=2)
        net.relu(name + "/relu_5x5", b)
        outs.append(b)
        b = net.pool(name + "/pool", x, "MAX", 3, 1, p=1)
        b = net.conv(name + "/pool_proj", b, npool, 1)
        net.relu(name + "/relu_pool_proj", b)
        outs.append(b)
        return net.concat(name + "/output", outs)

    x = inception("inception_3a", x, 64, 96, 128, 16, 32, 32)
    x = inception("inception_3b", x, 128, 128, 192, 32, 96, 64)
    x = net.pool("pool3/3x3_s2", x, "MAX", 3, 2)
    x = inception("inception_4a", x, 192, 96, 208, 16, 48, 64)
    x = inception("inception_4b", x, 160, 112, 224, 24, 64, 64)
    x = inception("inception_4c", x, 128, 128, 256, 24, 64, 64)
    x = inception("inception_4d", x, 112, 144, 288, 32, 64, 64)
    x = inception("inception_4e", x, 256, 160, 320, 32, 128, 128)
    x = net.pool("pool4/3x3_s2", x, "MAX", 3, 2)
    x = inception("inception_5a", x, 256, 160, 320, 32, 128, 128)
    x = inception("inception_5b", x, 384, 192, 384, 48, 128, 128)
    x = net.pool("pool5/7x7_s1", x, "AVE", 7, 1)
    net.dropout("pool5/drop_7x7_s1", x, 0.4)
    x = net.fc("loss3/classifier", x, 1000)
    net.softmax("prob", x)
    return net


# --------------------------------------------------------------------------------------------
# yolov3-voc.cfg, section by section: ("conv", filters, size, stride) with batch_normalize=1 and
# leaky activation unless noted, ("shortcut", from), ("route", [layers]), ("upsample",),
# ("head", filters) = the linear 1x1 conv with bias before a [yolo] section, ("yolo",).
def yolov3_voc_sections():
    secs = [("conv", 32, 3, 1)]
    for filters, repeats in ((64, 1), (128, 2), (256, 8), (512, 8), (1024, 4)):
        secs.append(("conv", filters, 3, 2))  # "# Downsample"
        for _ in range(repeats):
            secs += [("conv", filters // 2, 1, 1), ("conv", filters, 3, 1), ("shortcut", -3)]
    for width, skip in ((512, None), (256, 61), (128, 36)):
        if skip is not None:
            secs += [("route", [-4]), ("conv", width, 1, 1), ("upsample",), ("route", [-1, skip])]
        for _ in range(3):
            secs += [("conv", width, 1, 1), ("conv", 2 * width, 3, 1)]
        secs += [("head", 75), ("yolo",)]
    return secs


def yolov3_voc_416():
    net = Net("yolov3_voc_416", [
        "YOLOv3 on PASCAL VOC at 416x416 (the Vitis AI zoo's dk_yolov3_voc: 65.42 GOP).",
        "Structure from pjreddie/darknet cfg/yolov3-voc.cfg (Redmon & Farhadi, 'YOLOv3: An",
        "Incremental Improvement', 2018, Table 1 for the Darknet-53 backbone): 75 sections,",
        "conv = conv (no bias) + BatchNorm + Scale + leaky ReLU 0.1, Darknet 'pad=1' = size/2",
        "(stride-2 3x3 convs: 416 -> 208 -> ... -> 13); [shortcut] = Eltwise SUM; [route] =",
        "Concat (one-input routes just rename the blob); each head ends in a linear 1x1 conv",
        "with bias, 3 x (20 + 5) = 75 channels, at 13x13, 26x26 and 52x52; the [yolo] decode",
        "and NMS run on the CPU and are not layers here.",
        "[upsample] stride 2 (nearest neighbour) is darknet2caffe's Upsample layer with",
        "upsample_param { scale: 2 } (a Caffe fork's layer; the importer reads it).",
        "Generated by scripts/make_validation_networks.py; structure only, no weights.",
    ], 3, 416, 416)
    blobs = []       # output blob of each cfg section, indexed as Darknet counts them
    channels = []
    x, c = "data", 3
    for i, sec in enumerate(yolov3_voc_sections()):
        kind = sec[0]
        if kind in ("conv", "head"):
            name = "layer%d-conv" % i
            if kind == "conv":
                _, filters, size, stride = sec
                x = net.conv(name, x, filters, size, s=stride, p=size // 2, bias=False)
                net.bn(x, "layer%d-bn" % i, "layer%d-scale" % i)
                net.relu("layer%d-act" % i, x, slope=0.1)
            else:
                filters = sec[1]
                x = net.conv(name, x, filters, 1)
            c = filters
        elif kind == "shortcut":
            x = net.eltwise_sum("layer%d-shortcut" % i, blobs[i + sec[1]], x)
        elif kind == "route":
            srcs = [i + r if r < 0 else r for r in sec[1]]
            if len(srcs) == 1:
                x, c = blobs[srcs[0]], channels[srcs[0]]
            else:
                x = net.concat("layer%d-route" % i, [blobs[s] for s in srcs])
                c = sum(channels[s] for s in srcs)
        elif kind == "upsample":
            x = net.upsample("layer%d-upsample" % i, x, 2)
        elif kind == "yolo":
            pass  # decoding on the CPU; the section keeps its input blob for route indexing
        blobs.append(x)
        channels.append(c)
    assert len(blobs) == 107, len(blobs)
    return net


# --------------------------------------------------------------------------------------------
def inception_v3_tf():
    net = Net("InceptionV3", [
        "Inception-v3 as defined by TF-slim at 299x299 (the Vitis AI zoo's tf_inceptionv3:",
        "11.45 GOP). Structure from tensorflow/models research/slim/nets/inception_v3.py",
        "(inception_v3_base + the Logits scope; Szegedy et al. CVPR'16 'Rethinking the",
        "Inception Architecture', Table 1): without the auxiliary logits (AuxLogits, training",
        "only). Every conv is conv (no bias) + BatchNorm + ReLU; the stem is 'VALID' except",
        "Conv2d_2b_3x3 ('SAME', pad 1); inside the Mixed blocks 'SAME' (symmetric pads for the",
        "odd kernels: 1x7 -> pad_w 3, 7x1 -> pad_h 3, 5x5 -> pad 2), the 3x3/1 average-pool",
        "branches pad 1, the stride-2 reductions (Mixed_6a, Mixed_7a) 'VALID'. Every 'VALID'",
        "3x3/2 max pool divides exactly (147 -> 73, 71 -> 35, 35 -> 17, 17 -> 8), so Caffe's",
        "rounding up gives the same sizes. Final 8x8 average pool, dropout, logits = 1x1 conv",
        "with bias to 1001 classes (slim ImageNet checkpoints: class 0 is background).",
        "Generated by scripts/make_validation_networks.py; structure only, no weights.",
    ], 3, 299, 299)
    root = "InceptionV3"

    def cbr(name, x, nout, k, s=1, p=0):
        y = net.conv(name, x, nout, k, s=s, p=p, bias=False)
        net.bn(y, name + "/BatchNorm", name + "/BatchNorm_scale")
        net.relu(name + "/Relu", y)
        return y

    x = cbr(root + "/Conv2d_1a_3x3", "data", 32, 3, s=2)
    x = cbr(root + "/Conv2d_2a_3x3", x, 32, 3)
    x = cbr(root + "/Conv2d_2b_3x3", x, 64, 3, p=1)
    x = net.pool(root + "/MaxPool_3a_3x3", x, "MAX", 3, 2)
    x = cbr(root + "/Conv2d_3b_1x1", x, 80, 1)
    x = cbr(root + "/Conv2d_4a_3x3", x, 192, 3)
    x = net.pool(root + "/MaxPool_5a_3x3", x, "MAX", 3, 2)

    def k17(n):  # kernel and 'SAME' pad of the 1xn and nx1 convs, as (h, w) pairs
        return {"1x7": {"k": (1, 7), "p": (0, 3)}, "7x1": {"k": (7, 1), "p": (3, 0)},
                "1x3": {"k": (1, 3), "p": (0, 1)}, "3x1": {"k": (3, 1), "p": (1, 0)}}[n]

    def mixed_5(name, x, pool_proj):
        s = root + "/" + name
        b0 = cbr(s + "/Branch_0/Conv2d_0a_1x1", x, 64, 1)
        b1 = cbr(s + "/Branch_1/Conv2d_0a_1x1", x, 48, 1)
        b1 = cbr(s + "/Branch_1/Conv2d_0b_5x5", b1, 64, 5, p=2)
        b2 = cbr(s + "/Branch_2/Conv2d_0a_1x1", x, 64, 1)
        b2 = cbr(s + "/Branch_2/Conv2d_0b_3x3", b2, 96, 3, p=1)
        b2 = cbr(s + "/Branch_2/Conv2d_0c_3x3", b2, 96, 3, p=1)
        b3 = net.pool(s + "/Branch_3/AvgPool_0a_3x3", x, "AVE", 3, 1, p=1)
        b3 = cbr(s + "/Branch_3/Conv2d_0b_1x1", b3, pool_proj, 1)
        return net.concat(s + "/concat", [b0, b1, b2, b3])

    x = mixed_5("Mixed_5b", x, 32)
    x = mixed_5("Mixed_5c", x, 64)
    x = mixed_5("Mixed_5d", x, 64)

    s = root + "/Mixed_6a"
    b0 = cbr(s + "/Branch_0/Conv2d_1a_1x1", x, 384, 3, s=2)
    b1 = cbr(s + "/Branch_1/Conv2d_0a_1x1", x, 64, 1)
    b1 = cbr(s + "/Branch_1/Conv2d_0b_3x3", b1, 96, 3, p=1)
    b1 = cbr(s + "/Branch_1/Conv2d_1a_1x1", b1, 96, 3, s=2)
    b2 = net.pool(s + "/Branch_2/MaxPool_1a_3x3", x, "MAX", 3, 2)
    x = net.concat(s + "/concat", [b0, b1, b2])

    def mixed_6(name, x, m):
        s = root + "/" + name
        b0 = cbr(s + "/Branch_0/Conv2d_0a_1x1", x, 192, 1)
        b1 = cbr(s + "/Branch_1/Conv2d_0a_1x1", x, m, 1)
        b1 = cbr(s + "/Branch_1/Conv2d_0b_1x7", b1, m, **k17("1x7"))
        b1 = cbr(s + "/Branch_1/Conv2d_0c_7x1", b1, 192, **k17("7x1"))
        b2 = cbr(s + "/Branch_2/Conv2d_0a_1x1", x, m, 1)
        b2 = cbr(s + "/Branch_2/Conv2d_0b_7x1", b2, m, **k17("7x1"))
        b2 = cbr(s + "/Branch_2/Conv2d_0c_1x7", b2, m, **k17("1x7"))
        b2 = cbr(s + "/Branch_2/Conv2d_0d_7x1", b2, m, **k17("7x1"))
        b2 = cbr(s + "/Branch_2/Conv2d_0e_1x7", b2, 192, **k17("1x7"))
        b3 = net.pool(s + "/Branch_3/AvgPool_0a_3x3", x, "AVE", 3, 1, p=1)
        b3 = cbr(s + "/Branch_3/Conv2d_0b_1x1", b3, 192, 1)
        return net.concat(s + "/concat", [b0, b1, b2, b3])

    x = mixed_6("Mixed_6b", x, 128)
    x = mixed_6("Mixed_6c", x, 160)
    x = mixed_6("Mixed_6d", x, 160)
    x = mixed_6("Mixed_6e", x, 192)

    s = root + "/Mixed_7a"
    b0 = cbr(s + "/Branch_0/Conv2d_0a_1x1", x, 192, 1)
    b0 = cbr(s + "/Branch_0/Conv2d_1a_3x3", b0, 320, 3, s=2)
    b1 = cbr(s + "/Branch_1/Conv2d_0a_1x1", x, 192, 1)
    b1 = cbr(s + "/Branch_1/Conv2d_0b_1x7", b1, 192, **k17("1x7"))
    b1 = cbr(s + "/Branch_1/Conv2d_0c_7x1", b1, 192, **k17("7x1"))
    b1 = cbr(s + "/Branch_1/Conv2d_1a_3x3", b1, 192, 3, s=2)
    b2 = net.pool(s + "/Branch_2/MaxPool_1a_3x3", x, "MAX", 3, 2)
    x = net.concat(s + "/concat", [b0, b1, b2])

    def mixed_7(name, x):
        s = root + "/" + name
        b0 = cbr(s + "/Branch_0/Conv2d_0a_1x1", x, 320, 1)
        b1 = cbr(s + "/Branch_1/Conv2d_0a_1x1", x, 384, 1)
        b1a = cbr(s + "/Branch_1/Conv2d_0b_1x3", b1, 384, **k17("1x3"))
        b1b = cbr(s + "/Branch_1/Conv2d_0c_3x1", b1, 384, **k17("3x1"))
        b1 = net.concat(s + "/Branch_1/concat", [b1a, b1b])
        b2 = cbr(s + "/Branch_2/Conv2d_0a_1x1", x, 448, 1)
        b2 = cbr(s + "/Branch_2/Conv2d_0b_3x3", b2, 384, 3, p=1)
        b2a = cbr(s + "/Branch_2/Conv2d_0c_1x3", b2, 384, **k17("1x3"))
        b2b = cbr(s + "/Branch_2/Conv2d_0d_3x1", b2, 384, **k17("3x1"))
        b2 = net.concat(s + "/Branch_2/concat", [b2a, b2b])
        b3 = net.pool(s + "/Branch_3/AvgPool_0a_3x3", x, "AVE", 3, 1, p=1)
        b3 = cbr(s + "/Branch_3/Conv2d_0b_1x1", b3, 192, 1)
        return net.concat(s + "/concat", [b0, b1, b2, b3])

    x = mixed_7("Mixed_7b", x)
    x = mixed_7("Mixed_7c", x)
    x = net.pool(root + "/Logits/AvgPool_1a_8x8", x, "AVE", 8, 1)
    net.dropout(root + "/Logits/Dropout_1b", x, 0.2)
    x = net.conv(root + "/Logits/Conv2d_1c_1x1", x, 1001, 1)
    net.softmax(root + "/Predictions", x)
    return net


NETWORKS = [
    ("resnet50_caffe.prototxt", resnet50_caffe),
    ("resnet_v1_50_tf.prototxt", resnet_v1_50_tf),
    ("googlenet_caffe.prototxt", googlenet_caffe),
    ("yolov3_voc_416.prototxt", yolov3_voc_416),
    ("inception_v3_tf.prototxt", inception_v3_tf),
]


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_dir = argv[1] if len(argv) > 1 else os.path.join(root, "data", "validation", "networks")
    os.makedirs(out_dir, exist_ok=True)
    for filename, build in NETWORKS:
        path = os.path.join(out_dir, filename)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(build().text())
        print("wrote", path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
