package dev.trollwatch.modelio;

/**
 * Field numbers of the ONNX messages trollwatch writes and reads (from {@code onnx/onnx.proto3},
 * ONNX IR version 8) and the enum values it uses.
 */
final class OnnxFields {
    private OnnxFields() {
    }

    static final int IR_VERSION = 8;
    static final String ML_DOMAIN = "ai.onnx.ml";
    static final int ML_OPSET = 3;
    static final int DEFAULT_OPSET = 13;

    // ModelProto
    static final int MODEL_IR_VERSION = 1;
    static final int MODEL_PRODUCER_NAME = 2;
    static final int MODEL_PRODUCER_VERSION = 3;
    static final int MODEL_DOMAIN = 4;
    static final int MODEL_MODEL_VERSION = 5;
    static final int MODEL_DOC_STRING = 6;
    static final int MODEL_GRAPH = 7;
    static final int MODEL_OPSET_IMPORT = 8;
    static final int MODEL_METADATA_PROPS = 14;

    // OperatorSetIdProto
    static final int OPSET_DOMAIN = 1;
    static final int OPSET_VERSION = 2;

    // StringStringEntryProto
    static final int ENTRY_KEY = 1;
    static final int ENTRY_VALUE = 2;

    // GraphProto
    static final int GRAPH_NODE = 1;
    static final int GRAPH_NAME = 2;
    static final int GRAPH_DOC_STRING = 10;
    static final int GRAPH_INPUT = 11;
    static final int GRAPH_OUTPUT = 12;

    // NodeProto
    static final int NODE_INPUT = 1;
    static final int NODE_OUTPUT = 2;
    static final int NODE_NAME = 3;
    static final int NODE_OP_TYPE = 4;
    static final int NODE_ATTRIBUTE = 5;
    static final int NODE_DOMAIN = 7;

    // AttributeProto and AttributeProto.AttributeType
    static final int ATTR_NAME = 1;
    static final int ATTR_F = 2;
    static final int ATTR_I = 3;
    static final int ATTR_S = 4;
    static final int ATTR_FLOATS = 7;
    static final int ATTR_INTS = 8;
    static final int ATTR_STRINGS = 9;
    static final int ATTR_TYPE = 20;
    static final int TYPE_STRING = 3;
    static final int TYPE_FLOATS = 6;
    static final int TYPE_INTS = 7;
    static final int TYPE_STRINGS = 8;

    // ValueInfoProto, TypeProto, TypeProto.Tensor, TensorShapeProto(.Dimension)
    static final int VALUE_NAME = 1;
    static final int VALUE_TYPE = 2;
    static final int TYPE_TENSOR = 1;
    static final int TENSOR_ELEM_TYPE = 1;
    static final int TENSOR_SHAPE = 2;
    static final int SHAPE_DIM = 1;
    static final int DIM_VALUE = 1;
    static final int DIM_PARAM = 2;

    // TensorProto.DataType
    static final int FLOAT = 1;
    static final int STRING = 8;
}
