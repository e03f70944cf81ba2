package org.gradviz.app.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Program bytes read as Python reads a source file without a coding declaration. The messages are what
 * /usr/bin/python3 (3.11) printed for the same bytes, with its path replaced by {@code prog.py}.
 */
class SourceTextTest {

    private static final String PEP_263 = ", but no encoding declared; see https://peps.python.org/pep-0263/ for "
            + "details";

    @Test
    void latin1ByteIsPythonsSyntaxErrorNamingTheByteAndItsLine() {
        byte[] bytes = {'x', ' ', '=', ' ', '1', '\n', 'p', '(', '"', 'c', 'a', 'f', (byte) 0xe9, '"', ')', '\n'};

        ScriptSyntaxError e = assertThrows(ScriptSyntaxError.class, () -> SourceText.decode(bytes, "prog.py"));

        assertEquals("Non-UTF-8 code starting with '\\xe9' in file prog.py on line 2" + PEP_263, e.detail());
        assertEquals(2, e.line());
        assertEquals(ScriptSyntaxError.Kind.SYNTAX, e.kind());
    }

    @Test
    void encodedSurrogateIsNotUtf8() {
        byte[] bytes = {'p', '(', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', ')', '\n'};

        ScriptSyntaxError e = assertThrows(ScriptSyntaxError.class, () -> SourceText.decode(bytes, "prog.py"));

        assertEquals("Non-UTF-8 code starting with '\\xed' in file prog.py on line 1" + PEP_263, e.detail());
    }

    @Test
    void byteOrderMarkFirstIsSkipped() {
        byte[] bytes = "\uFEFFprint('bom ok')\n".getBytes(StandardCharsets.UTF_8);

        assertEquals("print('bom ok')\n", SourceText.decode(bytes, "prog.py"));
    }

    @Test
    void utf8TextIsDecoded() {
        assertEquals("s = '😀é'\n", SourceText.decode("s = '😀é'\n".getBytes(StandardCharsets.UTF_8), "prog.py"));
    }
    // /usr/bin/python3 on these bytes: "café 4", "€", "SyntaxError: encoding problem: nonsense", and for a
    // declaration on line 3 (too late) the Non-UTF-8 error
    @Test
    void aCodingDeclarationOnTheFirstOrSecondLineIsTheEncoding() {
        byte[] latin1 = bytes("# -*- coding: latin-1 -*-\nprint(\"caf", 0xe9, "\", len(\"caf", 0xe9, "\"))\n");
        assertEquals("# -*- coding: latin-1 -*-\nprint(\"caf\u00e9\", len(\"caf\u00e9\"))\n",
                SourceText.decode(latin1, "prog.py"));
        byte[] cp1252 = bytes("#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\nprint(\"", 0x80, "\")\n");
        assertEquals("#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\nprint(\"\u20ac\")\n",
                SourceText.decode(cp1252, "prog.py"));
    }

    @Test
    void anEncodingPythonDoesNotKnowOrADeclarationTooLateIsPythonsError() {
        ScriptSyntaxError unknown = assertThrows(ScriptSyntaxError.class,
                () -> SourceText.decode(bytes("# coding: nonsense\nprint(1)\n"), "prog.py"));
        assertEquals("encoding problem: nonsense", unknown.detail());
        ScriptSyntaxError late = assertThrows(ScriptSyntaxError.class,
                () -> SourceText.decode(bytes("x=1\n\n# coding: latin-1\nprint(\"", 0xe9, "\")\n"), "prog.py"));
        assertEquals("Non-UTF-8 code starting with '\\xe9' in file prog.py on line 4" + PEP_263, late.detail());
    }

    /** Text parts as ASCII bytes, ints as single bytes. */
    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer b) {
                out.write(b);
            } else {
                out.writeBytes(((String) part).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }
}
