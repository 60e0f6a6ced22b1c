package io.cleave.env.tools.calc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exact rational number {@code numerator / denominator}, always normalised: the denominator is positive and
 * shares no factor with the numerator (so equal values have equal representations). Every operation checks that
 * neither part reaches {@link #MAX_DIGITS} + 1 decimal digits.
 *
 * <p>Printed as an integer when whole ({@code 42}, {@code -3}), else as a reduced fraction ({@code 7/2},
 * {@code -1/3}); no decimal form is printed, so each value has exactly one spelling.
 */
public final class Rational {

    /** The largest number of decimal digits a numerator or denominator may have. */
    public static final int MAX_DIGITS = 200;
    /** Zero. */
    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    /** One. */
    public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

    private static final BigInteger LIMIT = BigInteger.TEN.pow(MAX_DIGITS);
    private static final Pattern LITERAL = Pattern.compile("([+-]?)(\\d+)(?:\\.(\\d+)|/(\\d+))?");

    private final BigInteger numerator;
    private final BigInteger denominator;

    private Rational(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /**
     * The normalised value of {@code numerator / denominator}.
     *
     * @throws CalcException on a zero denominator or a part with more than {@link #MAX_DIGITS} digits
     */
    public static Rational of(BigInteger numerator, BigInteger denominator) throws CalcException {
        if (denominator.signum() == 0) {
            throw new CalcException("division by zero");
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (denominator.signum() < 0) {
            gcd = gcd.negate();
        }
        BigInteger n = numerator.divide(gcd);
        BigInteger d = denominator.divide(gcd);
        if (n.abs().compareTo(LIMIT) >= 0 || d.compareTo(LIMIT) >= 0) {
            throw new CalcException("result too large (more than " + MAX_DIGITS + " digits)");
        }
        return new Rational(n, d);
    }

    /** The integer {@code value}. */
    public static Rational of(long value) {
        return new Rational(BigInteger.valueOf(value), BigInteger.ONE);
    }

    /**
     * The exact value of a decimal literal such as {@code 2.5} ({@code = 5/2}).
     *
     * @throws CalcException when it has more than {@link #MAX_DIGITS} digits
     */
    public static Rational ofDecimal(String digits) throws CalcException {
        BigDecimal value = new BigDecimal(digits);
        BigInteger scaled = value.unscaledValue();
        if (value.scale() <= 0) {
            return of(scaled.multiply(BigInteger.TEN.pow(-value.scale())), BigInteger.ONE);
        }
        if (value.scale() > MAX_DIGITS) {
            throw new CalcException("result too large (more than " + MAX_DIGITS + " digits)");
        }
        return of(scaled, BigInteger.TEN.pow(value.scale()));
    }

    /**
     * Reads a plain number as an answer would be written: an optional sign, then an integer ({@code -3}), a
     * decimal ({@code 2.50}) or a fraction ({@code 7/2}), surrounded by optional whitespace. Expressions are not
     * evaluated ({@code 3+4} is empty).
     */
    public static Optional<Rational> parseLiteral(String text) {
        Matcher m = LITERAL.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Rational magnitude;
            if (m.group(3) != null) {
                magnitude = ofDecimal(m.group(2) + "." + m.group(3));
            } else if (m.group(4) != null) {
                magnitude = of(new BigInteger(m.group(2)), new BigInteger(m.group(4)));
            } else {
                magnitude = of(new BigInteger(m.group(2)), BigInteger.ONE);
            }
            return Optional.of("-".equals(m.group(1)) ? magnitude.negate() : magnitude);
        } catch (CalcException e) {
            return Optional.empty();
        }
    }

    /** {@code this + other}. */
    public Rational add(Rational other) throws CalcException {
        return of(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    /** {@code this - other}. */
    public Rational subtract(Rational other) throws CalcException {
        return add(other.negate());
    }

    /** {@code this * other}. */
    public Rational multiply(Rational other) throws CalcException {
        return of(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    /** {@code this / other}; throws {@link CalcException} ("division by zero") when other is 0. */
    public Rational divide(Rational other) throws CalcException {
        return of(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    /** {@code -this}. */
    public Rational negate() {
        return new Rational(numerator.negate(), denominator);
    }

    /**
     * {@code this ^ exponent} for an integer exponent; {@code 0^0 = 1}, and {@code 0} to a negative power is a
     * division by zero.
     */
    public Rational pow(int exponent) throws CalcException {
        int abs = Math.abs(exponent);
        Rational raised = of(numerator.pow(abs), denominator.pow(abs));
        return exponent >= 0 ? raised : ONE.divide(raised);
    }

    /** Whether the value is an integer (denominator 1). */
    public boolean isInteger() {
        return denominator.equals(BigInteger.ONE);
    }

    /** The numerator (carries the sign). */
    public BigInteger numerator() {
        return numerator;
    }

    /** The denominator (always positive). */
    public BigInteger denominator() {
        return denominator;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rational r && numerator.equals(r.numerator) && denominator.equals(r.denominator);
    }

    @Override
    public int hashCode() {
        return 31 * numerator.hashCode() + denominator.hashCode();
    }

    /** {@code 42}, {@code -3} or {@code 7/2}. */
    @Override
    public String toString() {
        return isInteger() ? numerator.toString() : numerator + "/" + denominator;
    }
}
