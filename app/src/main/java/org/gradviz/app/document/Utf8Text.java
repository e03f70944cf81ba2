package org.gradviz.app.document;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text of a document file, which JSON says is UTF-8: a UTF-8 byte-order mark is skipped, as Python's
 * {@code utf-8-sig} and JSON readers do; UTF-16 or UTF-32 text and bytes that are not UTF-8 are refused in one line
 * naming the byte (counted from 0, as Python's {@code UnicodeDecodeError} counts).
 */
final class Utf8Text {
    private Utf8Text() {
    }

    /** The text of {@code bytes}, or why it is not UTF-8, with {@code name} (the file) in front. */
    static String decode(byte[] bytes, String name) {
        int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        String wide = wideEncoding(bytes);
        if (wide != null) {
            throw new DocumentException(name + " is " + wide + " text, not UTF-8: save it as UTF-8");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            throw new DocumentException(name + " is not UTF-8 at byte " + at + " (0x"
                    + String.format(Locale.ROOT, "%02x", bytes[at] & 0xFF) + "): save it as UTF-8");
        }
        return out.flip().toString();
    }

    /** UTF-16 or UTF-32, by a byte-order mark or by the zero bytes around JSON's first (ASCII) character. */
    private static String wideEncoding(byte[] b) {
        if (startsWith(b, 0xFF, 0xFE, 0, 0) || startsWith(b, 0, 0, 0xFE, 0xFF)) {
            return "UTF-32";
        }
        if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF)) {
            return "UTF-16";
        }
        if (b.length >= 4 && (b[0] == 0 && b[1] == 0 && b[2] == 0 || b[1] == 0 && b[2] == 0 && b[3] == 0)) {
            return "UTF-32";
        }
        if (b.length >= 2 && (b[0] == 0 || b[1] == 0)) {
            return "UTF-16";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
