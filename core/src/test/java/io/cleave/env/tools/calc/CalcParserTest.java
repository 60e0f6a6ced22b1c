package io.cleave.env.tools.calc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalcParserTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "1+2*3 | 7",
        "(1+2)*3 | 9",
        "2*3+4*5 | 26",
        "10-4-3 | 3",
        "100/10/5 | 2",
        "8/4*2 | 4",
        "2^3^2 | 512",
        "(2^3)^2 | 64",
        "-2^2 | -4",
        "(-2)^2 | 4",
        "(-2)^3 | -8",
        "2^-2 | 1/4",
        "2*3^2 | 18",
        "-3+5 | 2",
        "2*-3 | -6",
        "--3 | 3",
        "+4 | 4",
        "5--2 | 7",
        "1/3+1/6 | 1/2",
        "6/4 | 3/2",
        "-7/2 | -7/2",
        "7/-2 | -7/2",
        "2.5*2 | 5",
        "0.1+0.2 | 3/10",
        "1.25 | 5/4",
        "(2/3)^2 | 4/9",
        "(1/2)^-3 | 8",
        "0^0 | 1",
        "2^64 | 18446744073709551616",
        "\" 12 *  ( 3 + 4 ) \" | 84",
        "0-0 | 0",
    })
    void evaluatesExactly(String expression, String expected) throws CalcException {
        assertEquals(expected, CalcParser.evaluate(expression).toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\" | empty expression",
        "\"   \" | empty expression",
        "1/0 | division by zero",
        "1/(2-2) | division by zero",
        "0^-1 | division by zero",
        "1+ | missing number at position 3 (end of input)",
        "(1+2 | missing ')' at position 5 (end of input)",
        "(1 2) | missing ')' at position 4, found '2'",
        "1+2) | unexpected ')' at position 4",
        "2x | unexpected 'x' at position 2",
        "2(3) | unexpected '(' at position 2",
        "*3 | unexpected '*' at position 1",
        "1. | missing digits after '.' at position 3",
        "1.2.3 | unexpected '.' at position 4",
        "2^65 | exponent 65 at position 3 is outside [-64, 64]",
        "2^-65 | exponent -65 at position 3 is outside [-64, 64]",
        "2^(1/2) | exponent must be an integer, got 1/2 at position 3",
        "(10^50)^4 | result too large (more than 200 digits)",
        "1/(10^50)^4 | result too large (more than 200 digits)",
        "(10^50)^2*(10^50)^2 | result too large (more than 200 digits)",
    })
    void reportsErrors(String expression, String message) {
        CalcException e = assertThrows(CalcException.class, () -> CalcParser.evaluate(expression));
        assertEquals(message, e.getMessage());
    }

    @Test
    void largestAllowedResultHasTwoHundredDigits() throws CalcException {
        assertEquals("9".repeat(200), CalcParser.evaluate("9*(10^40)^4*10^39+((10^40)^4*10^39-1)").toString());
        assertEquals("9".repeat(200), CalcParser.evaluate("9".repeat(200)).toString());
        CalcException literal = assertThrows(CalcException.class, () -> CalcParser.evaluate("9".repeat(201)));
        assertEquals("result too large (more than 200 digits)", literal.getMessage());
    }

    @Test
    void rejectsDeepNesting() {
        String deep = "(".repeat(CalcParser.MAX_DEPTH + 1) + "1" + ")".repeat(CalcParser.MAX_DEPTH + 1);
        CalcException e = assertThrows(CalcException.class, () -> CalcParser.evaluate(deep));
        assertEquals("expression nested too deeply (more than 100 levels)", e.getMessage());
        String fine = "(".repeat(CalcParser.MAX_DEPTH) + "1" + ")".repeat(CalcParser.MAX_DEPTH);
        assertEquals(Rational.ONE, assertDoesNotThrow(() -> CalcParser.evaluate(fine)));
    }

    @Test
    void exponentTowersCountAsNestingAndHugeLiteralsFailBeforeConversion() throws CalcException {
        CalcException tower = assertThrows(CalcException.class,
                () -> CalcParser.evaluate("1" + "^1".repeat(100_000)));
        assertEquals("expression nested too deeply (more than 100 levels)", tower.getMessage());
        assertEquals(Rational.ONE, CalcParser.evaluate("1" + "^1".repeat(CalcParser.MAX_DEPTH)));
        CalcException huge = assertThrows(CalcException.class, () -> CalcParser.evaluate("2+" + "9".repeat(1_000_000)));
        assertEquals("number at position 3 has more than 200 digits", huge.getMessage());
        assertEquals(Rational.of(3), CalcParser.evaluate("0".repeat(1_000) + "3"));
        assertEquals("1/2", CalcParser.evaluate("000.5").toString());
    }
}
