package io.cleave.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SafetensorsReaderTest {

    @Test
    void halfPrecisionDecodesNormalsSubnormalsAndSpecials() {
        assertEquals(1.0f, SafetensorsReader.halfToFloat((short) 0x3C00));
        assertEquals(-2.0f, SafetensorsReader.halfToFloat((short) 0xC000));
        assertEquals(65504f, SafetensorsReader.halfToFloat((short) 0x7BFF));
        assertEquals(0x1p-24f, SafetensorsReader.halfToFloat((short) 0x0001));
        assertEquals(Float.NEGATIVE_INFINITY, SafetensorsReader.halfToFloat((short) 0xFC00));
        assertEquals(0.333251953125f, SafetensorsReader.halfToFloat((short) 0x3555));
    }
}
