package io.cleave.env.tasks.arith;

import io.cleave.env.tasks.Plan;
import io.cleave.env.tasks.PlanStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes arithmetic word problems: a start sentence that needs one or three calc calls (a product, or two
 * products and their sum), then operation sentences of one call each (add, give away, double/triple, share among
 * kids; sharing is always last and always exact), then the question. All quantities stay positive integers.
 *
 * <p>Example (difficulty 3): "Ann has 7 bags of 12 pens. Ann gets 15 more. Ann gives away 9. They are split among
 * 3 kids. How many per kid?" solved by {@code 7*12}, {@code 84+15}, {@code 99-9}, {@code 90/3}.
 */
final class ArithProblemGenerator {

    private static final String[] NAMES = {"Ann", "Bob", "Cy", "Dee", "Eve", "Gus", "Ivy", "Max", "Sam", "Tom",
        "Zoe", "Kim"};
    private static final String[] ITEMS = {"pens", "cards", "eggs", "beads", "nuts", "stamps", "shells", "coins"};
    private static final String[] CONTAINERS = {"bags", "boxes", "rows", "packs"};

    private enum Op { ADD, SUB, MUL, DIV }

    private final ArithConfig config;

    ArithProblemGenerator(ArithConfig config) {
        this.config = config;
    }

    /** A new problem drawn from {@code rnd}. */
    ArithProblem next(Random rnd) {
        String name = pick(rnd, NAMES);
        String item = pick(rnd, ITEMS);
        String container = pick(rnd, CONTAINERS);
        List<PlanStep> steps = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        long value;
        boolean twoGroups = config.steps() >= 3 && rnd.nextInt(3) == 0;
        int a = operand(rnd);
        int b = operand(rnd);
        if (twoGroups) {
            int c = operand(rnd);
            int d = operand(rnd);
            text.append(String.format(Locale.ROOT, "%s has %d %s of %d %s and %d %s of %d.", name, a, container,
                    b, item, c, container, d));
            steps.add(PlanStep.calc(a + "*" + b, "v1"));
            steps.add(PlanStep.calc(c + "*" + d, "v2"));
            steps.add(PlanStep.calc("{v1}+{v2}", "v3"));
            value = (long) a * b + (long) c * d;
        } else {
            text.append(String.format(Locale.ROOT, "%s has %d %s of %d %s.", name, a, container, b, item));
            steps.add(PlanStep.calc(a + "*" + b, "v1"));
            value = (long) a * b;
        }
        boolean shared = false;
        while (steps.size() < config.steps()) {
            boolean last = steps.size() == config.steps() - 1;
            String prev = "{v" + steps.size() + "}";
            String out = "v" + (steps.size() + 1);
            Op op = chooseOp(rnd, value, last);
            int c;
            switch (op) {
                case ADD -> {
                    c = operand(rnd);
                    text.append(' ').append(name).append(" gets ").append(c).append(" more.");
                    steps.add(PlanStep.calc(prev + "+" + c, out));
                    value += c;
                }
                case SUB -> {
                    c = 1 + rnd.nextInt((int) Math.min(config.maxOperand(), value - 1));
                    text.append(' ').append(name).append(" gives away ").append(c).append('.');
                    steps.add(PlanStep.calc(prev + "-" + c, out));
                    value -= c;
                }
                case MUL -> {
                    c = 2 + rnd.nextInt(2);
                    text.append(" The pile ").append(c == 2 ? "doubles." : "triples.");
                    steps.add(PlanStep.calc(prev + "*" + c, out));
                    value *= c;
                }
                default -> {
                    List<Integer> divisors = divisors(value);
                    c = divisors.get(rnd.nextInt(divisors.size()));
                    text.append(" They are split among ").append(c).append(" kids.");
                    steps.add(PlanStep.calc(prev + "/" + c, out));
                    value /= c;
                    shared = true;
                }
            }
        }
        text.append(shared ? " How many per kid?" : " How many " + item + " now?");
        return new ArithProblem(text.toString(), new Plan(steps, "{v" + steps.size() + "}", true), value);
    }

    private Op chooseOp(Random rnd, long value, boolean last) {
        List<Op> allowed = new ArrayList<>(List.of(Op.ADD, Op.MUL));
        if (value >= 2) {
            allowed.add(Op.SUB);
        }
        if (last && !divisors(value).isEmpty()) {
            allowed.add(Op.DIV);
        }
        return allowed.get(rnd.nextInt(allowed.size()));
    }

    private static List<Integer> divisors(long value) {
        List<Integer> out = new ArrayList<>();
        for (int c = 2; c <= 9; c++) {
            if (value % c == 0 && value / c >= 1) {
                out.add(c);
            }
        }
        return out;
    }

    private int operand(Random rnd) {
        int min = config.difficulty() == 4 ? 10 : 2;
        return min + rnd.nextInt(config.maxOperand() - min + 1);
    }

    private static String pick(Random rnd, String[] options) {
        return options[rnd.nextInt(options.length)];
    }
}
