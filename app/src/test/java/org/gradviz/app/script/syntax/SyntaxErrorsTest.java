package org.gradviz.app.script.syntax;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import org.gradviz.app.script.ScriptSyntaxError;
import org.gradviz.app.script.ScriptSyntaxError.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Syntax and indentation errors with the message, line and column Python 3.11's compile() reports. */
class SyntaxErrorsTest {

    static Stream<Arguments> pythonErrors() {
        Kind s = Kind.SYNTAX;
        Kind i = Kind.INDENTATION;
        return Stream.of(
                Arguments.of("x = (1,\ny = 2\n", s, "'(' was never closed", 1, 5),
                Arguments.of("del f()\n", s, "cannot delete function call", 1, 5),
                Arguments.of("del 1\n", s, "cannot delete literal", 1, 5),
                Arguments.of("del *a\n", s, "cannot delete starred", 1, 5),
                Arguments.of("del a + b\n", s, "cannot delete expression", 1, 5),
                Arguments.of("del (a, f())\n", s, "cannot delete function call", 1, 9),
                Arguments.of("del a if b else c\n", s, "cannot delete conditional expression", 1, 5),
                Arguments.of("del\n", s, "invalid syntax", 1, 4),
                Arguments.of("x = 1 & 2 |\n", s, "invalid syntax", 1, 12),
                Arguments.of("a, *b, *c = x\n", s, "multiple starred expressions in assignment", 1, 1),
                Arguments.of("*a = x\n", s, "starred assignment target must be in a list or tuple", 1, 1),
                Arguments.of("x = *a\n", s, "can't use starred expression here", 1, 5),
                Arguments.of("(*a)\n", s, "cannot use starred expression here", 1, 2),
                Arguments.of("for a, *b, *c in x:\n    pass\n", s, "multiple starred expressions in assignment", 1, 5),
                Arguments.of("[*a, *b] = x\n", s, "multiple starred expressions in assignment", 1, 1),
                Arguments.of("x = [*a for a in b]\n", s, "iterable unpacking cannot be used in comprehension", 1, 6),
                Arguments.of("x = {*a for a in b}\n", s, "iterable unpacking cannot be used in comprehension", 1, 6),
                Arguments.of("x = {**b for b in c}\n", s, "dict unpacking cannot be used in dict comprehension", 1, 6),
                Arguments.of("x += *a\n", s, "can't use starred expression here", 1, 6),
                Arguments.of("*a\n", s, "can't use starred expression here", 1, 1),
                Arguments.of("for *a in x:\n    pass\n", s, "starred assignment target must be in a list or tuple", 1,
                        5),
                Arguments.of("x = [k for *k in y]\n", s, "starred assignment target must be in a list or tuple", 1,
                        12),
                Arguments.of("def f():\n    return *a\n", s, "can't use starred expression here", 2, 12),
                Arguments.of("*a += 1\n", s, "'starred' is an illegal expression for augmented assignment", 1, 1),
                Arguments.of("x = *a, *b = y\n", s, "multiple starred expressions in assignment", 1, 5),
                Arguments.of("def f(*):\n    pass\n", s, "named arguments must follow bare *", 1, 7),
                Arguments.of("def f(*a, *b):\n    pass\n", s, "* argument may appear only once", 1, 11),
                Arguments.of("def f(**k, a):\n    pass\n", s, "arguments cannot follow var-keyword argument", 1, 12),
                Arguments.of("def f(*a=1):\n    pass\n", s, "var-positional argument cannot have default value", 1, 9),
                Arguments.of("x = [1, 2\nprint(x)\n", s, "'[' was never closed", 1, 5),
                Arguments.of("x = 1\n\nprint(1 2\n", s, "'(' was never closed", 3, 6),
                Arguments.of("f(a=1, 2\n", s, "'(' was never closed", 1, 2),
                Arguments.of("x = (\n", s, "'(' was never closed", 1, 5),
                Arguments.of("x = = 1\nf(\n", s, "invalid syntax", 1, 5),
                Arguments.of("for i in range(3):\nprint(i)\n", i,
                        "expected an indented block after 'for' statement on line 1", 2, 1),
                Arguments.of("for i in range(3):\n", i, "expected an indented block after 'for' statement on line 1",
                        1, 19),
                Arguments.of("for i in range(3):\n# c\n\n", i,
                        "expected an indented block after 'for' statement on line 1", 3, 1),
                Arguments.of("def f(a):\nreturn a\n", i,
                        "expected an indented block after function definition on line 1", 2, 1),
                Arguments.of("if x:\n  a\nelif y:\nb\n", i,
                        "expected an indented block after 'elif' statement on line 3", 4, 1),
                Arguments.of("if x:\n  a\nelse:\nb\n", i,
                        "expected an indented block after 'else' statement on line 3", 4, 1),
                Arguments.of("if x:\npass\n", i, "expected an indented block after 'if' statement on line 1", 2, 1),
                Arguments.of("with a:\nb\n", i, "expected an indented block after 'with' statement on line 1", 2, 1),
                Arguments.of("x = 1\n  y = 2\n", i, "unexpected indent", 2, 2),
                Arguments.of("  x = 1\n", i, "unexpected indent", 1, 2),
                Arguments.of("x = 5\n  \n\tif\n", i, "unexpected indent", 3, 1),
                Arguments.of("if x:\n    a\n  b\n", i, "unindent does not match any outer indentation level", 3, 4),
                Arguments.of("s = 'abc\n", s, "unterminated string literal (detected at line 1)", 1, 5),
                Arguments.of("x = 1\ns = \"abc\n", s, "unterminated string literal (detected at line 2)", 2, 5),
                Arguments.of("x = 'a\\\n", s, "unterminated string literal (detected at line 1)", 1, 5),
                Arguments.of("s = '''abc\n\n", s, "unterminated triple-quoted string literal (detected at line 2)",
                        1, 5),
                Arguments.of("x = 1 +\n", s, "invalid syntax", 1, 8),
                Arguments.of("x = = 1\n", s, "invalid syntax", 1, 5),
                Arguments.of("a.b = \n", s, "invalid syntax", 1, 7),
                Arguments.of("x = 1 if 2 else\n", s, "invalid syntax", 1, 16),
                Arguments.of("else:\n  pass\n", s, "invalid syntax", 1, 1),
                Arguments.of("x = 1 $ 2\n", s, "invalid syntax", 1, 7),
                Arguments.of("x = )\n", s, "unmatched ')'", 1, 5),
                Arguments.of("x = ]\n", s, "unmatched ']'", 1, 5),
                Arguments.of("x = (1]\n", s, "closing parenthesis ']' does not match opening parenthesis '('", 1, 7),
                Arguments.of("x = [1, 2)\n", s, "closing parenthesis ')' does not match opening parenthesis '['",
                        1, 10),
                Arguments.of("x = 1 \u20ac 2\n", s, "invalid character '\u20ac' (U+20AC)", 1, 7),
                Arguments.of("f(a=1, 2)\n", s, "positional argument follows keyword argument", 1, 9),
                Arguments.of("f(a=1, a=2)\n", s, "keyword argument repeated: a", 1, 8),
                Arguments.of("def f(a=1, b):\n  pass\n", s, "non-default argument follows default argument", 1, 12),
                Arguments.of("def f(a, a):\n  pass\n", s, "duplicate argument 'a' in function definition", 1, 10),
                Arguments.of("1 = x\n", s, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1),
                Arguments.of("f() = x\n", s,
                        "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1),
                Arguments.of("a + b = x\n", s,
                        "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1),
                Arguments.of("(a, 1) = x\n", s, "cannot assign to literal", 1, 5),
                Arguments.of("None = 1\n", s, "cannot assign to None", 1, 1),
                Arguments.of("for 1 in x:\n  pass\n", s, "cannot assign to literal", 1, 5),
                Arguments.of("f() += 1\n", s, "'function call' is an illegal expression for augmented assignment", 1,
                        1),
                Arguments.of("a, b += 1\n", s, "'tuple' is an illegal expression for augmented assignment", 1, 1),
                Arguments.of("return 1\n", s, "'return' outside function", 1, 1),
                Arguments.of("break\n", s, "'break' outside loop", 1, 1),
                Arguments.of("x = 01\n", s, "leading zeros in decimal integer literals are not permitted; "
                        + "use an 0o prefix for octal integers", 1, 5),
                Arguments.of("x = 1e\n", s, "invalid decimal literal", 1, 5),
                Arguments.of("x = 1_\n", s, "invalid decimal literal", 1, 6),
                Arguments.of("x = 0x\n", s, "invalid hexadecimal literal", 1, 6),
                Arguments.of("print(x y)\n", s, "invalid syntax. Perhaps you forgot a comma?", 1, 7),
                Arguments.of("print('a' 'b' c)\n", s, "invalid syntax. Perhaps you forgot a comma?", 1, 7),
                Arguments.of("x = [1 2]\n", s, "invalid syntax. Perhaps you forgot a comma?", 1, 6),
                Arguments.of("if x\n  pass\n", s, "expected ':'", 1, 5),
                Arguments.of("x = 1 if y\n", s, "expected 'else' after 'if' expression", 1, 5),
                Arguments.of("x = \\ 1\n", s, "unexpected character after line continuation character", 1, 6),
                Arguments.of("x = 1\\\n", s, "unexpected EOF while parsing", 1, 7),
                Arguments.of("(a = 1)\n", s, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 2),
                Arguments.of("if a = 1:\n  pass\n", s, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        1, 4),
                Arguments.of("x[a=1]\n", s, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 3),
                Arguments.of("[a.b = 1]\n", s, "cannot assign to attribute here. Maybe you meant '==' instead of '='?",
                        1, 2),
                Arguments.of("f(a.b=1)\n", s, "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3),
                Arguments.of("x = [**a]\n", s, "invalid syntax", 1, 6),
                Arguments.of("x = 1 * * 2\n", s, "invalid syntax", 1, 9),
                Arguments.of("import os\nx = = 1\n", s, "invalid syntax", 2, 5),
                Arguments.of("print(1.grad_fn)\n", s, "invalid decimal literal", 1, 8),
                Arguments.of("for i in range(20:\n", s, "invalid syntax", 1, 18));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonErrors")
    void errorMatchesPython(String source, Kind kind, String message, int line, int column) {
        ScriptSyntaxError e = assertThrows(ScriptSyntaxError.class, () -> ScriptParser.parse(source));
        assertAll(
                () -> assertEquals(kind, e.kind()),
                () -> assertEquals(message, e.detail()),
                () -> assertEquals(line, e.line(), "line"),
                () -> assertEquals(column, e.column(), "column"));
    }

    @Test
    void syntaxErrorFormatsWithItsName() {
        ScriptSyntaxError e = assertThrows(ScriptSyntaxError.class, () -> ScriptParser.parse("x = 1\n\n\nx = 1 +\n"));
        assertEquals("prog.py:4:8: SyntaxError: invalid syntax", e.format("prog.py"));
    }

    @Test
    void formatPrefixesFileLineColumnAndErrorName() {
        ScriptSyntaxError e = assertThrows(ScriptSyntaxError.class,
                () -> ScriptParser.parse("import torch\n\nfor i in range(3):\nprint(i)\n"));
        assertEquals("prog.py:4:1: IndentationError: expected an indented block after 'for' statement on line 3",
                e.format("prog.py"));
    }
}
