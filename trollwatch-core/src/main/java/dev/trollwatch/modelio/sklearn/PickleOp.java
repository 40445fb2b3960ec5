package dev.trollwatch.modelio.sklearn;

/**
 * One decoded pickle instruction.
 *
 * @param offset   byte offset of the opcode in the file (for error messages)
 * @param code     the opcode byte
 * @param argument its inline argument: a Long, Double, String, byte[], {@link PickleGlobal}, or null
 */
record PickleOp(int offset, int code, Object argument) {
}
