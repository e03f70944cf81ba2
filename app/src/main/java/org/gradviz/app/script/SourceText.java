package org.gradviz.app.script;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a program's bytes as Python reads a source file without an encoding declaration: UTF-8, an optional
 * byte order mark first; any other bytes are Python's one-line SyntaxError naming the first bad byte and its line.
 */
public final class SourceText {

    private static final int BOM_LENGTH = 3;

    private SourceText() {
    }

    /**
     * @param fileName how the error names the file
     * @throws ScriptSyntaxError when the bytes are not UTF-8
     */
    public static String decode(byte[] bytes, String fileName) {
        int start = hasBom(bytes) ? BOM_LENGTH : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw notUtf8(bytes, in.position(), out.flip().toString(), fileName);
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static boolean hasBom(byte[] bytes) {
        return bytes.length >= BOM_LENGTH && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf;
    }

    /** Python's message: {@code Non-UTF-8 code starting with '\xe9' in file f.py on line 2, but no encoding ...}. */
    private static ScriptSyntaxError notUtf8(byte[] bytes, int badByte, String before, String fileName) {
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = before.length() - before.lastIndexOf('\n');
        String detail = String.format("Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding "
                + "declared; see https://peps.python.org/pep-0263/ for details", bytes[badByte] & 0xff, fileName, line);
        return ScriptSyntaxError.syntax(detail, line, column);
    }
}
