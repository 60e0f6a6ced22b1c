package io.cleave.env.demo;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mistakes a noisy expert makes in a tool argument: a wrong call (another operator, another name) or a slip
 * (a number off by a little, a mistyped letter). Calc arguments are treated as expressions, any other tool's as
 * text queries.
 */
final class CallCorruptor {

    private static final String CALC = "calc";
    private static final String OPERATORS = "+-*";
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern BINARY_OPERATOR = Pattern.compile("(?<=[0-9)])\\s*([-+*/])");
    private static final Pattern NAME = Pattern.compile("[A-Z][a-z]+");

    private CallCorruptor() {}

    /**
     * A wrong call: one binary operator replaced by another (or {@code +1} appended when there is none); for a
     * query, another capitalised name seen so far, or else the vague first line of {@code seen} (the question).
     */
    static String wrongCall(String tool, String argument, String seen, Random rnd) {
        if (tool.equals(CALC)) {
            List<Integer> at = new ArrayList<>();
            Matcher m = BINARY_OPERATOR.matcher(argument);
            while (m.find()) {
                at.add(m.start(1));
            }
            if (at.isEmpty()) {
                return argument + "+1";
            }
            int pos = at.get(rnd.nextInt(at.size()));
            String others = OPERATORS.replace(String.valueOf(argument.charAt(pos)), "");
            return argument.substring(0, pos) + others.charAt(rnd.nextInt(others.length()))
                    + argument.substring(pos + 1);
        }
        List<String> names = new ArrayList<>();
        Matcher m = NAME.matcher(seen);
        while (m.find()) {
            if (!m.group().equals(argument.strip()) && !names.contains(m.group())) {
                names.add(m.group());
            }
        }
        if (!names.isEmpty()) {
            return names.get(rnd.nextInt(names.size()));
        }
        String vague = seen.lines().findFirst().orElse("").replace("?", "").strip();
        return vague.isEmpty() ? argument : vague;
    }

    /** A slip: one number moved by 1 to 3 (never below 0), or one letter of a query replaced by another. */
    static String slip(String tool, String argument, Random rnd) {
        if (tool.equals(CALC)) {
            List<int[]> numbers = new ArrayList<>();
            Matcher m = NUMBER.matcher(argument);
            while (m.find()) {
                numbers.add(new int[] {m.start(), m.end()});
            }
            if (numbers.isEmpty()) {
                return argument;
            }
            int[] span = numbers.get(rnd.nextInt(numbers.size()));
            BigInteger value = new BigInteger(argument.substring(span[0], span[1]));
            BigInteger delta = BigInteger.valueOf(1 + rnd.nextInt(3));
            boolean down = rnd.nextBoolean() && value.compareTo(delta) >= 0;
            BigInteger slipped = down ? value.subtract(delta) : value.add(delta);
            return argument.substring(0, span[0]) + slipped + argument.substring(span[1]);
        }
        List<Integer> letters = new ArrayList<>();
        for (int i = 0; i < argument.length(); i++) {
            if (Character.isLetter(argument.charAt(i)) && argument.charAt(i) < 128) {
                letters.add(i);
            }
        }
        if (letters.isEmpty()) {
            return argument;
        }
        int pos = letters.get(rnd.nextInt(letters.size()));
        char c = Character.toLowerCase(argument.charAt(pos));
        char typo = (char) ('a' + (c - 'a' + 1 + rnd.nextInt(25)) % 26);
        return argument.substring(0, pos) + typo + argument.substring(pos + 1);
    }
}
