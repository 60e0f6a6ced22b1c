package io.cleave.env.tools.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RationalTest {

    @Test
    void normalisesSignAndCommonFactors() throws CalcException {
        Rational r = Rational.of(BigInteger.valueOf(6), BigInteger.valueOf(-4));
        assertEquals(BigInteger.valueOf(-3), r.numerator());
        assertEquals(BigInteger.valueOf(2), r.denominator());
        assertEquals("-3/2", r.toString());
        assertEquals(Rational.of(BigInteger.valueOf(-9), BigInteger.valueOf(6)), r);
        assertEquals(r.hashCode(), Rational.of(BigInteger.valueOf(-9), BigInteger.valueOf(6)).hashCode());
        assertTrue(Rational.of(BigInteger.valueOf(8), BigInteger.valueOf(4)).isInteger());
        assertEquals("0", Rational.of(BigInteger.ZERO, BigInteger.valueOf(-5)).toString());
    }

    @Test
    void zeroDenominatorIsDivisionByZero() {
        CalcException e = assertThrows(CalcException.class, () -> Rational.of(BigInteger.ONE, BigInteger.ZERO));
        assertEquals("division by zero", e.getMessage());
    }

    @Test
    void arithmeticMatchesHandComputation() throws CalcException {
        Rational half = Rational.of(BigInteger.ONE, BigInteger.TWO);
        Rational third = Rational.of(BigInteger.ONE, BigInteger.valueOf(3));
        assertEquals("5/6", half.add(third).toString());
        assertEquals("1/6", half.subtract(third).toString());
        assertEquals("1/6", half.multiply(third).toString());
        assertEquals("3/2", half.divide(third).toString());
        assertEquals("1/8", half.pow(3).toString());
        assertEquals("8", half.pow(-3).toString());
        assertEquals("-1/2", half.negate().toString());
    }

    @Test
    void parsesLiteralsButNotExpressions() {
        assertEquals(Optional.of(Rational.of(42)), Rational.parseLiteral(" 42 "));
        assertEquals("-3", Rational.parseLiteral("-3").orElseThrow().toString());
        assertEquals("5/2", Rational.parseLiteral("2.50").orElseThrow().toString());
        assertEquals("7/2", Rational.parseLiteral("7/2").orElseThrow().toString());
        assertEquals("3", Rational.parseLiteral("+3").orElseThrow().toString());
        assertFalse(Rational.parseLiteral("3+4").isPresent());
        assertFalse(Rational.parseLiteral("1/0").isPresent());
        assertFalse(Rational.parseLiteral("Vel").isPresent());
        assertFalse(Rational.parseLiteral("").isPresent());
    }
}
