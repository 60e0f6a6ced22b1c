package io.cleave.env.protocol;

import java.util.regex.Pattern;

/** Tag names and spellings of the protocol. */
public final class Tags {

    /** Reasoning block. */
    public static final String THINK = "think";
    /** Final answer. */
    public static final String ANSWER = "answer";
    /** Environment-written tool result. */
    public static final String RESULT = "result";
    /** Any tag-shaped text: group 1 is {@code "/"} for a closing tag, group 2 the name. */
    public static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z_][A-Za-z0-9_]*)>");

    private Tags() {}

    /** {@code <name>}. */
    public static String open(String name) {
        return "<" + name + ">";
    }

    /** {@code </name>}. */
    public static String close(String name) {
        return "</" + name + ">";
    }

    /** {@code <name>content</name>}. */
    public static String wrap(String name, String content) {
        return open(name) + content + close(name);
    }
}
