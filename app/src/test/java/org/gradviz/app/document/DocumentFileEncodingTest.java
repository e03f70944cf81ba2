package org.gradviz.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Document files are UTF-8, as JSON says: a UTF-8 byte-order mark is read past, anything else is one clear line. */
class DocumentFileEncodingTest {
    private static final String JSON = "{\"formatVersion\": 1, \"title\": \"é\", \"tensors\": [{\"name\": \"x\", \"role\":"
            + " \"input\", \"shape\": [2], \"init\": {\"kind\": \"ones\"}}], \"nodes\": [], \"edges\": []}";

    @TempDir
    Path dir;

    private Path write(byte[]... parts) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.write(part);
        }
        Path file = dir.resolve("doc.json");
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private String refusal(Path file) {
        return assertThrows(DocumentException.class, () -> new DocumentReader().read(file)).getMessage();
    }

    @Test
    void aUtf8ByteOrderMarkIsReadPastAsPythonsUtf8SigDoes() throws Exception {
        Path file = write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, JSON.getBytes(StandardCharsets.UTF_8));
        assertEquals("é", new DocumentReader().read(file).title());
    }

    @Test
    void utf16WithAByteOrderMarkIsRefusedInOneLine() throws Exception {
        Path file = write(JSON.getBytes(StandardCharsets.UTF_16));
        assertEquals(file + " is UTF-16 text, not UTF-8: save it as UTF-8", refusal(file));
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRefusedInOneLine() throws Exception {
        Path file = write(JSON.getBytes(StandardCharsets.UTF_16LE));
        assertEquals(file + " is UTF-16 text, not UTF-8: save it as UTF-8", refusal(file));
    }

    @Test
    void utf32IsRefusedInOneLine() throws Exception {
        Path file = write(JSON.getBytes(Charset.forName("UTF-32BE")));
        assertEquals(file + " is UTF-32 text, not UTF-8: save it as UTF-8", refusal(file));
    }

    @Test
    void aByteThatIsNotUtf8IsNamedByItsPosition() throws Exception {
        // Latin-1 "é" is the one byte 0xe9; the title's text starts after {"formatVersion": 1, "title": " (31 bytes)
        Path file = write(JSON.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(file + " is not UTF-8 at byte 31 (0xe9): save it as UTF-8", refusal(file));
    }
}
