package org.gradviz.app.script.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gradviz.app.script.ScriptSyntaxError;
import org.junit.jupiter.api.Test;

/** Pathological nesting fails with a ScriptSyntaxError instead of overflowing the stack. */
class NestingLimitsTest {

    @Test
    void moreThanTwoHundredOpenBracketsIsTooManyNestedParentheses() {
        String source = "x = " + "(".repeat(250) + "1" + ")".repeat(250) + "\n";
        ScriptSyntaxError e = assertThrows(ScriptSyntaxError.class, () -> ScriptParser.parse(source));
        assertEquals("too many nested parentheses", e.detail());
        assertEquals(205, e.column());
    }

    @Test
    void oneHundredFiftyNestedBracketsStillParse() {
        ScriptParser.parse("x = " + "[".repeat(150) + "]".repeat(150) + "\n");
    }

    @Test
    void moreThanOneHundredIndentationLevelsIsRefusedLikePython() {
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            source.append(" ".repeat(i)).append("if x:\n");
        }
        source.append(" ".repeat(120)).append("pass\n");
        ScriptSyntaxError e = assertThrows(ScriptSyntaxError.class, () -> ScriptParser.parse(source.toString()));
        assertEquals(ScriptSyntaxError.Kind.INDENTATION, e.kind());
        assertEquals("too many levels of indentation", e.detail());
        assertEquals(101, e.line());
    }

    @Test
    void endlessUnaryChainsAndOperatorChainsFailCleanly() {
        assertThrows(ScriptSyntaxError.class, () -> ScriptParser.parse("x = " + "-".repeat(100_000) + "1\n"));
        assertThrows(ScriptSyntaxError.class, () -> ScriptParser.parse("x = " + "not ".repeat(20_000) + "1\n"));
        assertThrows(ScriptSyntaxError.class, () -> ScriptParser.parse("x = " + "1+".repeat(100_000) + "1\n"));
        assertThrows(ScriptSyntaxError.class, () -> ScriptParser.parse("x = a" + ".b".repeat(100_000) + "\n"));
    }

    @Test
    void ordinaryLongExpressionsStillParse() {
        ScriptParser.parse("x = " + "1 + ".repeat(500) + "1\n");
    }
}
