package dev.trollwatch.model;

/**
 * Facts about a training run recorded in the model and metrics files.
 *
 * @param toolVersion trollwatch version
 * @param dataSha256  SHA-256 (hex) of the training input file
 * @param createdAt   ISO-8601 UTC time of training
 */
public record Provenance(String toolVersion, String dataSha256, String createdAt) {
}
