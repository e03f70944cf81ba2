package org.gradviz.app.script;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a program's bytes as Python reads a source file: in the encoding its first or second line declares
 * (PEP 263, {@code # -*- coding: latin-1 -*-}), else UTF-8, an optional byte order mark first; any other bytes are
 * Python's one-line SyntaxError naming the first bad byte and its line, an encoding Python does not know its
 * {@code encoding problem: NAME}.
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
        java.util.Optional<String> declared = declaredEncoding(bytes);
        if (declared.isPresent() && !isUtf8(declared.get())) {
            return new String(bytes, charset(declared.get()));
        }
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

    /** PEP 263's regular expression, on the first line, or on the second when the first is only a comment. */
    private static final java.util.regex.Pattern CODING = java.util.regex.Pattern.compile(
            "^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");

    private static java.util.Optional<String> declaredEncoding(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\n", 3);
        for (int i = 0; i < Math.min(2, lines.length); i++) {
            java.util.regex.Matcher m = CODING.matcher(lines[i]);
            if (m.find()) {
                return java.util.Optional.of(m.group(1));
            }
            if (!lines[i].strip().startsWith("#") && !lines[i].isBlank()) {
                break;
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean isUtf8(String encoding) {
        String n = normalized(encoding);
        return n.equals("utf-8") || n.equals("utf8") || n.startsWith("utf-8-");
    }

    /** Python's codec names as Java knows them; Python's error for one neither knows. */
    private static java.nio.charset.Charset charset(String encoding) {
        String n = normalized(encoding);
        String javaName = switch (n) {
            case "latin-1", "latin1", "l1", "iso-8859-1", "iso8859-1", "8859", "cp819", "iso-ir-100" -> "ISO-8859-1";
            case "ascii", "us-ascii", "646" -> "US-ASCII";
            case "cp1252", "windows-1252" -> "windows-1252";
            default -> n;
        };
        try {
            return java.nio.charset.Charset.forName(javaName);
        } catch (IllegalArgumentException e) {
            throw ScriptSyntaxError.syntax("encoding problem: " + encoding, 1, 1);
        }
    }

    private static String normalized(String encoding) {
        return encoding.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
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
