package io.cleave.report;

import io.cleave.train.metrics.IterationMetrics;
import java.util.List;
import java.util.Locale;

/**
 * The report page: a summary, the plots (PNG files in the image folder next to it), and the trajectory trees as
 * inline SVG. The page loads nothing from the network. A small inline script records, once the page has loaded,
 * how many plots decoded ({@code naturalWidth > 0}) and how many tree nodes have a non-empty bounding box, as
 * {@code data-*} attributes of the element {@code #render-check}, so a headless browser can check the rendering.
 */
final class ReportHtml {

    private static final String STYLE = """
            body { font-family: sans-serif; margin: 24px; color: #222; max-width: 1400px; }
            h1 { margin-bottom: 4px; } .sub { color: #666; margin-top: 0; }
            table.summary td { padding: 2px 12px 2px 0; }
            .plots { display: flex; flex-wrap: wrap; gap: 16px; }
            .plot { border: 1px solid #ddd; padding: 4px; }
            .plot p, .note { color: #666; font-size: 13px; margin: 4px; }
            .tree-box { overflow-x: auto; border: 1px solid #ddd; padding: 6px; margin-bottom: 18px; }
            pre.prompt { background: #f4f6fa; padding: 6px; white-space: pre-wrap; margin: 4px 0; }
            .swatch { display: inline-block; width: 14px; height: 14px; vertical-align: middle;
                      border: 1px solid #555; }
            #render-check { color: #666; font-size: 12px; }
            """;

    private static final String CHECK_SCRIPT = """
            <script>
            window.addEventListener('load', function () {
              var images = document.images, loaded = 0;
              for (var i = 0; i < images.length; i++) {
                if (images[i].complete && images[i].naturalWidth > 0) { loaded++; }
              }
              var nodes = document.querySelectorAll('svg.tree g.ma'), drawn = 0;
              for (var j = 0; j < nodes.length; j++) {
                var box = nodes[j].getBBox();
                if (box.width > 0 && box.height > 0) { drawn++; }
              }
              var check = document.getElementById('render-check');
              check.setAttribute('data-images-loaded', loaded);
              check.setAttribute('data-images-total', images.length);
              check.setAttribute('data-tree-nodes-drawn', drawn);
              check.setAttribute('data-tree-nodes-total', nodes.length);
              check.textContent = loaded + ' of ' + images.length + ' plots loaded, ' + drawn + ' of '
                  + nodes.length + ' tree nodes drawn';
            });
            </script>
            """;

    private ReportHtml() {}

    /**
     * The page.
     *
     * @param runName  the run directory's name, for the title
     * @param metrics  the run's metrics
     * @param charts   the plots, in order
     * @param imageDir the image folder relative to the page
     * @param trees    the trees to draw (may be empty)
     * @param treeNote why there are no trees, shown when {@code trees} is empty
     */
    static String render(String runName, MetricsTable metrics, List<ChartImage> charts, String imageDir,
            List<PromptTree> trees, String treeNote) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Cleave run report: ")
                .append(TreeSvg.escape(runName)).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append(CHECK_SCRIPT).append("</head>\n<body>\n<h1>Cleave run report</h1>\n<p class=\"sub\">")
                .append(TreeSvg.escape(runName)).append("</p>\n");
        summary(html, metrics);
        html.append("<h2>Training curves</h2>\n<div class=\"plots\">\n");
        for (ChartImage chart : charts) {
            html.append("<div class=\"plot\">");
            if (chart.drawn()) {
                html.append(String.format(Locale.ROOT, "<img src=\"%s/%s\" alt=\"%s\" width=\"%d\" height=\"%d\">",
                        imageDir, chart.fileName(), TreeSvg.escape(chart.title()), RunCharts.WIDTH,
                        RunCharts.HEIGHT));
            } else {
                html.append("<p><b>").append(TreeSvg.escape(chart.title())).append("</b>: no data recorded</p>");
            }
            if (!chart.missing().isEmpty() && chart.drawn()) {
                html.append("<p>not recorded in this run: ").append(TreeSvg.escape(String.join(", ",
                        chart.missing()))).append("</p>");
            }
            html.append("</div>\n");
        }
        html.append("</div>\n");
        trees(html, trees, treeNote);
        html.append("<p id=\"render-check\"></p>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void summary(StringBuilder html, MetricsTable metrics) {
        html.append("<table class=\"summary\">\n");
        row(html, "iterations", metrics.rows().isEmpty() ? "none" : String.format(Locale.ROOT, "%d to %d",
                metrics.rows().get(0).iteration(), metrics.rows().get(metrics.rows().size() - 1).iteration()));
        row(html, "last reward", format(metrics.last(m -> m.rollout().reward())));
        row(html, "last rollout accuracy", format(metrics.last(m -> m.rollout().accuracy())));
        row(html, "last held-out accuracy", format(metrics.last(IterationMetrics::heldOutAccuracy)));
        MetricSeries time = metrics.series("iteration time", m -> m.times().iterationSeconds());
        double total = 0;
        for (double t : time.y()) {
            total += t;
        }
        row(html, "training time", time.isEmpty() ? "not recorded" : String.format(Locale.ROOT, "%.1f s", total));
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><td>").append(name).append("</td><td>").append(value).append("</td></tr>\n");
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "not recorded" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static void trees(StringBuilder html, List<PromptTree> trees, String note) {
        html.append("<h2>Where credit went: trajectory trees</h2>\n");
        if (trees.isEmpty()) {
            html.append("<p class=\"note\">").append(TreeSvg.escape(note)).append("</p>\n");
            return;
        }
        double scale = trees.stream().mapToDouble(PromptTree::maxAbsAdvantage).max().orElse(0);
        scale = scale > 0 ? scale : 1;
        html.append(String.format(Locale.ROOT, "<p class=\"note\">Each box is a macro-action; it shows the start "
                + "of its text and the advantage its tokens got in the loss (hover for the whole text). "
                + "<span class=\"swatch\" style=\"background:%s\"></span> positive, "
                + "<span class=\"swatch\" style=\"background:%s\"></span> negative (full colour at |A| = %.3f), "
                + "<span class=\"swatch\" style=\"background:#ffffff\"></span> zero, "
                + "<span class=\"swatch\" style=\"background:%s\"></span> tool result (no policy tokens). "
                + "Leaves show the trajectory's reward r.</p>%n", TreeSvg.fill(scale, scale),
                TreeSvg.fill(-scale, scale), scale, TreeSvg.fill(Double.NaN, scale)));
        for (PromptTree tree : trees) {
            html.append(String.format(Locale.ROOT, "<h3>Iteration %d, prompt %s</h3>%n", tree.iteration(),
                    TreeSvg.escape(tree.promptId())));
            if (!tree.promptText().isEmpty()) {
                html.append("<pre class=\"prompt\">").append(TreeSvg.escape(tree.promptText())).append("</pre>\n");
            }
            html.append("<div class=\"tree-box\">\n").append(TreeSvg.render(tree, scale)).append("\n</div>\n");
        }
    }
}
