package io.cleave.env.tools.calc;

import io.cleave.env.tools.ToolException;

/** An arithmetic or syntax error of the calculator, with a readable message (and a position for syntax errors). */
public class CalcException extends ToolException {

    /** An error with a readable message. */
    public CalcException(String message) {
        super(message);
    }
}
