package io.cleave.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CharTokenizerTest {

    private final CharTokenizer tok = CharTokenizer.instance();

    @Test
    void mapsPrintableAsciiAndNewlineOneToOne() {
        String text = "Q: 3*(4+5)?\n<answer>27</answer>~";
        int[] ids = tok.encode(text);
        assertEquals(text.length(), ids.length);
        assertEquals(text, tok.decode(ids));
        assertArrayEquals(new int[] {3, 4, 98}, tok.encode(" !\n"));
        assertEquals(99, tok.vocabSize());
    }

    @Test
    void specialIdsDecodeToNothingAndUnknownCharactersToAQuestionMark() {
        assertEquals("a?", tok.decode(tok.encode("a\u00e9")));
        assertEquals("", tok.decode(new int[] {CharTokenizer.PAD, CharTokenizer.EOS}));
    }
}
