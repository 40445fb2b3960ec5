package dev.trollwatch.spark;

import dev.trollwatch.spark.job.TableFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code parquet} or {@code csv}. */
final class TableFormatConverter implements ITypeConverter<TableFormat> {
    @Override
    public TableFormat convert(String value) {
        try {
            return TableFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("expected parquet or csv, got '" + value + "'");
        }
    }
}
