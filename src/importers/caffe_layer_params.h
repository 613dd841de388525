// Caffe's convolution and pooling parameter blocks into our attributes, with Caffe's
// defaults and rules (caffe.proto's comments; BaseConvolutionLayer::LayerSetUp and
// PoolingLayer::LayerSetUp in BVLC Caffe).
#pragma once

#include <string>

#include "caffe_proto/caffe.pb.h"
#include "graph/layer.h"

namespace dnne {

// Convolution and Deconvolution: kernel_size / kernel_h+kernel_w, stride, pad / pad_h+pad_w,
// dilation (each 1 or 2 values for 2-D), group, bias_term. Throws InputError "layer X: ...".
ConvAttrs caffe_conv_attrs(const std::string& layer, const caffe::ConvolutionParameter& p,
                           bool deconvolution);

// Pooling: MAX / AVE (STOCHASTIC, a random pick at training and a weighted average at test,
// costs as AVE), kernel, stride, pad, global_pooling. Caffe rounds the output size up.
PoolAttrs caffe_pool_attrs(const std::string& layer, const caffe::PoolingParameter& p);

}  // namespace dnne
