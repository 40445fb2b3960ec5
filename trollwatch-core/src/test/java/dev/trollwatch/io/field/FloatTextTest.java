package dev.trollwatch.io.field;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloatTextTest {
    @ParameterizedTest(name = "repr({0}) = {1}")
    @CsvSource({
        "917, 917.0",
        "1545170506, 1545170506.0",
        "0.1, 0.1",
        "0.3, 0.3",
        "100.5, 100.5",
        "1e7, 10000000.0",
        "0.0001, 0.0001",
        "1e-5, 1e-05",
        "1.5e-7, 1.5e-07",
        "1e15, 1000000000000000.0",
        "1e16, 1e+16",
        "1e22, 1e+22",
        "1e23, 1e+23",
        "123456789012345678, 1.2345678901234568e+17",
        "1234567890123456.7, 1234567890123456.8",
        "0.3333333333333333, 0.3333333333333333",
        "4.9e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "-2.5, -2.5",
        "-0.0, -0.0",
        "0, 0.0",
        "-445850, -445850.0"
    })
    void printsFloatsLikePythonRepr(double value, String python) {
        StringBuilder sb = new StringBuilder();
        FloatText.appendPython(sb, value);
        assertEquals(python, sb.toString());
    }

    @ParameterizedTest(name = "float8 {0} prints {1}")
    @CsvSource({
        "917, 917",
        "1545170506, 1545170506",
        "0.1, 0.1",
        "-2.5, -2.5",
        "0, 0",
        "1e7, 10000000",
        "123456789012345, 123456789012345",
        "1e15, 1e+15",
        "1e-5, 1e-05",
        "0.0001, 0.0001",
        "123456789012345678, 1.2345678901234568e+17"
    })
    void printsFloatsLikePostgresFloat8(double value, String postgres) {
        StringBuilder sb = new StringBuilder();
        FloatText.appendPostgres(sb, value);
        assertEquals(postgres, sb.toString());
    }
}
