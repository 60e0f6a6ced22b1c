package io.cleave.env.tools.calc;

import java.math.BigInteger;

/**
 * Evaluates an arithmetic expression exactly, by recursive descent over this grammar (whitespace ignored):
 *
 * <pre>
 *   expression := sum END
 *   sum        := product (('+' | '-') product)*          left-associative
 *   product    := signed (('*' | '/') signed)*            left-associative
 *   signed     := ('-' | '+') signed | power              so -2^2 = -(2^2) = -4
 *   power      := primary ('^' signed)?                   right-associative: 2^3^2 = 2^9
 *   primary    := NUMBER | '(' sum ')'
 *   NUMBER     := digits ('.' digits)?                    2.5 = 5/2
 * </pre>
 *
 * Exponents must be integers with {@code |e| <= }{@link #MAX_EXPONENT}; parentheses, signs and exponents nest at
 * most {@link #MAX_DEPTH} deep; a number literal has at most {@link Rational#MAX_DIGITS} significant digits (checked
 * before it is converted, so work per call stays linear in the input). Errors are {@link CalcException}s whose
 * message gives the 1-based character position. Instances are single-use; call {@link #evaluate(String)}.
 */
public final class CalcParser {

    /** The largest allowed absolute exponent. */
    public static final int MAX_EXPONENT = 64;
    /** The deepest allowed nesting of parentheses, signs and exponents. */
    public static final int MAX_DEPTH = 100;

    private final String text;
    private int pos;
    private int depth;

    private CalcParser(String text) {
        this.text = text;
    }

    /**
     * The exact value of {@code expression}.
     *
     * @throws CalcException for malformed input (with its position), division by zero, a bad exponent or a result
     *     past {@link Rational#MAX_DIGITS} digits
     */
    public static Rational evaluate(String expression) throws CalcException {
        CalcParser parser = new CalcParser(expression);
        parser.skipSpaces();
        if (parser.atEnd()) {
            throw new CalcException("empty expression");
        }
        Rational value = parser.sum();
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw parser.unexpected();
        }
        return value;
    }

    private Rational sum() throws CalcException {
        Rational value = product();
        while (true) {
            skipSpaces();
            if (accept('+')) {
                value = value.add(product());
            } else if (accept('-')) {
                value = value.subtract(product());
            } else {
                return value;
            }
        }
    }

    private Rational product() throws CalcException {
        Rational value = signed();
        while (true) {
            skipSpaces();
            if (accept('*')) {
                value = value.multiply(signed());
            } else if (accept('/')) {
                value = value.divide(signed());
            } else {
                return value;
            }
        }
    }

    private Rational signed() throws CalcException {
        skipSpaces();
        if (accept('-')) {
            enter();
            Rational value = signed().negate();
            depth--;
            return value;
        }
        if (accept('+')) {
            enter();
            Rational value = signed();
            depth--;
            return value;
        }
        return power();
    }

    private Rational power() throws CalcException {
        Rational base = primary();
        skipSpaces();
        if (!accept('^')) {
            return base;
        }
        int exponentAt = pos + 1;
        enter();
        Rational exponent = signed();
        depth--;
        if (!exponent.isInteger()) {
            throw new CalcException("exponent must be an integer, got " + exponent + " at position " + exponentAt);
        }
        if (exponent.numerator().abs().compareTo(BigInteger.valueOf(MAX_EXPONENT)) > 0) {
            throw new CalcException("exponent " + exponent + " at position " + exponentAt + " is outside [-"
                    + MAX_EXPONENT + ", " + MAX_EXPONENT + "]");
        }
        return base.pow(exponent.numerator().intValueExact());
    }

    private Rational primary() throws CalcException {
        skipSpaces();
        if (atEnd()) {
            throw new CalcException("missing number at position " + (pos + 1) + " (end of input)");
        }
        if (accept('(')) {
            enter();
            Rational value = sum();
            skipSpaces();
            if (!accept(')')) {
                throw new CalcException("missing ')' at position " + (pos + 1)
                        + (atEnd() ? " (end of input)" : ", found '" + text.charAt(pos) + "'"));
            }
            depth--;
            return value;
        }
        if (isAsciiDigit(text.charAt(pos))) {
            return number();
        }
        throw unexpected();
    }

    private Rational number() throws CalcException {
        int start = pos;
        digits();
        int integerEnd = pos;
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            if (atEnd() || !isAsciiDigit(text.charAt(pos))) {
                throw new CalcException("missing digits after '.' at position " + (pos + 1));
            }
            digits();
        }
        int leadingZeros = 0;
        while (start + leadingZeros < integerEnd - 1 && text.charAt(start + leadingZeros) == '0') {
            leadingZeros++;
        }
        if (pos - start - leadingZeros > Rational.MAX_DIGITS + 1) {
            throw new CalcException("number at position " + (start + 1) + " has more than " + Rational.MAX_DIGITS
                    + " digits");
        }
        return Rational.ofDecimal(text.substring(start + leadingZeros, pos));
    }

    private void digits() {
        while (pos < text.length() && isAsciiDigit(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void enter() throws CalcException {
        if (++depth > MAX_DEPTH) {
            throw new CalcException("expression nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
    }

    private boolean accept(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private CalcException unexpected() {
        return new CalcException("unexpected '" + text.charAt(pos) + "' at position " + (pos + 1));
    }
}
