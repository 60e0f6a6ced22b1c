package io.cleave.report;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link PromptTree} as inline SVG (no scripts, no external resources): one box per macro-action laid out
 * by {@link TreeLayout}, coloured green for a positive advantage and red for a negative one, the colour's strength
 * {@code min(1, |advantage| / scale)}, white for a zero advantage; tool-result nodes (no policy tokens) are grey.
 * Each box shows the start of its text and its advantage; a leaf also shows its reward; hovering shows the node's
 * whole text ({@code <title>}). Each node is a {@code <g class="ma">} with {@code data-node} and
 * {@code data-advantage}.
 */
public final class TreeSvg {

    static final int COLUMN = 170;
    static final int ROW = 46;
    static final int BOX_WIDTH = 140;
    static final int BOX_HEIGHT = 36;
    static final int MARGIN = 8;
    static final int REWARD_WIDTH = 70;
    static final int SNIPPET_CHARS = 20;

    private TreeSvg() {}

    /**
     * The SVG element of {@code tree}.
     *
     * @param scale the advantage magnitude drawn at full colour (shared by the trees of one report), &gt; 0
     */
    public static String render(PromptTree tree, double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be > 0, got " + scale);
        }
        Map<Integer, Integer> parents = new HashMap<>();
        Map<Integer, MacroActionNode> byId = new HashMap<>();
        for (MacroActionNode n : tree.nodes()) {
            parents.put(n.id(), n.parent());
            byId.put(n.id(), n);
        }
        TreeLayout layout = TreeLayout.of(parents);
        int width = 2 * MARGIN + (layout.columns() - 1) * COLUMN + BOX_WIDTH + REWARD_WIDTH;
        int height = 2 * MARGIN + (layout.rows() - 1) * ROW + BOX_HEIGHT;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"tree\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                + "height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"monospace\" font-size=\"11\">%n",
                width, height, width, height));
        for (MacroActionNode n : tree.nodes()) {
            TreeLayout.Slot child = layout.slots().get(n.id());
            TreeLayout.Slot parent = layout.slots().get(n.parent());
            double x1 = x(parent) + BOX_WIDTH;
            double y1 = y(parent) + BOX_HEIGHT / 2.0;
            double x2 = x(child);
            double y2 = y(child) + BOX_HEIGHT / 2.0;
            double mid = (x1 + x2) / 2;
            svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1f C%.1f %.1f, %.1f %.1f, %.1f %.1f\" "
                    + "fill=\"none\" stroke=\"#999\"/>%n", x1, y1, mid, y1, mid, y2, x2, y2));
        }
        TreeLayout.Slot root = layout.slots().get(TreeLayout.ROOT);
        svg.append(String.format(Locale.ROOT, "<g class=\"prompt\"><title>%s</title><rect x=\"%d\" y=\"%d\" "
                + "width=\"%d\" height=\"%d\" rx=\"4\" fill=\"#dde6f3\" stroke=\"#667\"/>"
                + "<text x=\"%d\" y=\"%d\">%s</text></g>%n", escape(tree.promptText()), x(root), y(root), BOX_WIDTH,
                BOX_HEIGHT, x(root) + 6, y(root) + 22, escape(snippet("prompt " + tree.promptText()))));
        for (MacroActionNode n : tree.nodes()) {
            node(svg, n, layout.slots().get(n.id()), scale);
        }
        return svg.append("</svg>").toString();
    }

    private static void node(StringBuilder svg, MacroActionNode n, TreeLayout.Slot slot, double scale) {
        int x = x(slot);
        int y = y(slot);
        boolean tool = Double.isNaN(n.advantage());
        String label = tool ? "tool result" : String.format(Locale.ROOT, "A %+.3f", n.advantage());
        String title = String.format(Locale.ROOT, "node %d: %s, %d tokens (%d from the policy), %d trajector%s%s%n%s",
                n.id(), tool ? "no policy tokens" : String.format(Locale.ROOT, "advantage %+.4f", n.advantage()),
                n.tokens(), n.policyTokens(), n.trajectories(), n.trajectories() == 1 ? "y" : "ies",
                n.isLeaf() ? String.format(Locale.ROOT, ", reward %.3f", n.reward()) : "", n.text());
        svg.append(String.format(Locale.ROOT, "<g class=\"ma\" data-node=\"%d\" data-advantage=\"%s\"><title>%s"
                + "</title>", n.id(), tool ? "" : String.format(Locale.ROOT, "%.4f", n.advantage()), escape(title)));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" "
                + "fill=\"%s\" stroke=\"#555\"/>", x, y, BOX_WIDTH, BOX_HEIGHT, fill(n.advantage(), scale)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", x + 6, y + 15,
                escape(snippet(n.text()))));
        svg.append(String.format(Locale.ROOT, "<text class=\"adv\" x=\"%d\" y=\"%d\" font-weight=\"bold\">%s"
                + "</text>", x + 6, y + 30, label));
        if (n.isLeaf()) {
            svg.append(String.format(Locale.ROOT, "<text class=\"reward\" x=\"%d\" y=\"%d\">r %.2f</text>",
                    x + BOX_WIDTH + 6, y + 22, n.reward()));
        }
        svg.append("</g>\n");
    }

    /**
     * Fill colour of an advantage: white blended towards green (positive) or red (negative) by
     * {@code 0.15 + 0.85 * min(1, |a| / scale)}; white for exactly 0 (no credit either way); grey for NaN (tool
     * result).
     */
    static String fill(double advantage, double scale) {
        if (Double.isNaN(advantage)) {
            return "#e0e0e0";
        }
        if (advantage == 0) {
            return "#ffffff";
        }
        int[] base = advantage >= 0 ? new int[] {46, 160, 67} : new int[] {214, 39, 40};
        double strength = 0.15 + 0.85 * Math.min(1, Math.abs(advantage) / scale);
        StringBuilder hex = new StringBuilder("#");
        for (int c : base) {
            hex.append(String.format(Locale.ROOT, "%02x", (int) Math.round(255 + (c - 255) * strength)));
        }
        return hex.toString();
    }

    /** The text on one line ({@code ⏎} for line breaks), cut to {@link #SNIPPET_CHARS} characters. */
    static String snippet(String text) {
        String line = text.replace("\r", "").replace("\n", "\u23ce").replaceAll("\\s+", " ");
        return line.length() <= SNIPPET_CHARS ? line : line.substring(0, SNIPPET_CHARS - 1) + "\u2026";
    }

    /** Escapes text for XML content and attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int x(TreeLayout.Slot slot) {
        return MARGIN + slot.column() * COLUMN;
    }

    private static int y(TreeLayout.Slot slot) {
        return (int) Math.round(MARGIN + slot.row() * ROW);
    }
}
