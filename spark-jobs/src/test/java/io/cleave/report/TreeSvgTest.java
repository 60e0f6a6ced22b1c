package io.cleave.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TreeSvgTest {

    @Test
    void everyMacroActionIsAGroupWithItsAdvantagePositionAndColour() throws Exception {
        List<TreeRow> rows = new ArrayList<>(PromptTreeTest.rows());
        PromptTree tree = PromptTree.of(1, "p", "say <b> & \"q\"", rows);
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
                new ByteArrayInputStream(TreeSvg.render(tree, 2.0).getBytes(StandardCharsets.UTF_8)));
        NodeList groups = svg.getElementsByTagName("g");
        List<String> advantages = new ArrayList<>();
        List<String> rects = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").equals("ma")) {
                advantages.add(g.getAttribute("data-node") + "=" + g.getAttribute("data-advantage"));
                Element rect = (Element) g.getElementsByTagName("rect").item(0);
                rects.add(rect.getAttribute("x") + "," + rect.getAttribute("y") + "," + rect.getAttribute("fill"));
            }
        }
        assertEquals(List.of("0=0.3125", "1=1.0000", "2=-1.0000", "3="), advantages);
        // layout: leaves 1 (row 0) and 3 (row 1); node 2 at row 1, node 0 at row 0.5; x = 8 + 170 * column
        assertEquals(List.of("178,31," + TreeSvg.fill(0.3125, 2), "348,8," + TreeSvg.fill(1, 2),
                "348,54," + TreeSvg.fill(-1, 2), "518,54,#e0e0e0"), rects);
        Element prompt = (Element) svg.getElementsByTagName("title").item(0);
        assertEquals("say <b> & \"q\"", prompt.getTextContent(), "the prompt is escaped and survives parsing");
        String text = svg.getDocumentElement().getTextContent();
        assertTrue(text.contains("A +1.000"), text);
        assertTrue(text.contains("A -1.000"), text);
        assertTrue(text.contains("tool result"), text);
        assertTrue(text.contains("r 1.00") && text.contains("r 0.00"), text);
    }

    @Test
    void coloursBlendFromWhiteByAdvantageMagnitude() {
        assertEquals("#2ea043", TreeSvg.fill(1, 1));
        assertEquals("#2ea043", TreeSvg.fill(5, 1), "clamped at the scale");
        assertEquals("#e78383", TreeSvg.fill(-0.5, 1));
        assertEquals("#e0f1e3", TreeSvg.fill(1e-12, 1), "the faintest green");
        assertEquals("#ffffff", TreeSvg.fill(0, 1));
        assertEquals("#e0e0e0", TreeSvg.fill(Double.NaN, 1));
    }

    @Test
    void snippetsAreOneLineAndShort() {
        assertEquals("a\u23ceb c", TreeSvg.snippet("a\nb   c"));
        assertEquals("0123456789012345678\u2026", TreeSvg.snippet("0123456789012345678901234"));
    }

    @Test
    void aNonPositiveScaleIsRejected() {
        PromptTree tree = PromptTree.of(1, "p", "", PromptTreeTest.rows());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TreeSvg.render(tree, 0));
        assertEquals("scale must be > 0, got 0.0", e.getMessage());
    }
}
