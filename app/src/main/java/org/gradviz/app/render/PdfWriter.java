package org.gradviz.app.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/** Draws a laid-out graph on one PDF page the size of the picture, text in the embedded (subset) bundled font. */
final class PdfWriter {
    private PdfWriter() {
    }

    static byte[] write(XdotPainter painter) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle((float) painter.width(), (float) painter.height()));
            document.addPage(page);
            PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(BundledFont.bytes()), true);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.transform(Matrix.getScaleInstance((float) painter.scale(), (float) painter.scale()));
                painter.paint(new PdfSurface(content, font, painter.layoutHeight()));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException | UncheckedIOException e) {
            throw new RenderException("cannot write the PDF: " + e.getMessage(), e);
        }
    }
}
