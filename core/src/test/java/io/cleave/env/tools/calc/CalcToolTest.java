package io.cleave.env.tools.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleave.env.tools.Tool;
import io.cleave.env.tools.ToolException;
import io.cleave.env.tools.registry.ToolRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalcToolTest {

    @Test
    void registryCreatesCalcThatPrintsIntegersAndFractions() throws ToolException {
        Tool calc = ToolRegistry.create("calc", Map.of());
        assertEquals("calc", calc.name());
        assertEquals("5/6", calc.run("1/2+1/3"));
        assertEquals("84", calc.run("7*12"));
        ToolException e = assertThrows(ToolException.class, () -> calc.run("1/0"));
        assertEquals("division by zero", e.getMessage());
    }

    @Test
    void registryRejectsUnknownToolsAndOptions() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ToolRegistry.create("python", Map.of()));
        assertEquals("unknown tool 'python'; known tools: [calc, search]", unknown.getMessage());
        IllegalArgumentException option = assertThrows(IllegalArgumentException.class,
                () -> ToolRegistry.create("calc", Map.of("precision", "3")));
        assertTrue(option.getMessage().startsWith("unknown option 'precision' for tool calc"), option.getMessage());
    }
}
