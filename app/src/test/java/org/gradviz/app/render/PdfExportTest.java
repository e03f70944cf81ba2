package org.gradviz.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed net's autograd graph as PDF: one page the size of Graphviz's layout, real text in the bundled font. */
class PdfExportTest {
    private static GraphvizService graphviz;
    private static String dot;
    private static byte[] pdf;

    @BeforeAll
    static void exportTheSeedNet() {
        graphviz = GraphvizService.shared(GraphvizEngineKind.EMBEDDED);
        CompiledDocument c = new DocumentCompiler().compile(new DocumentReader().read(Examples.file("one-layer-bce.json")));
        dot = AutogradDot.render(c.output(), c.tensors(), GraphOptions.DEFAULT.withShowAttrs(true));
        pdf = new GraphExporter(graphviz).export(dot, ExportFormat.PDF, null);
    }

    @Test
    void isOnePagePdfThatPdfboxReads() throws Exception {
        Pictures.assertOnePagePdf(pdf);
    }

    @Test
    void pageIsTheSizeOfGraphvizsOwnPicture() throws Exception {
        // Graphviz's SVG of the same graph: viewBox="0.00 0.00 W H", in points (1/72 inch), as PDF's user space
        Matcher viewBox = Pattern.compile("viewBox=\"0\\.00 0\\.00 ([0-9.]+) ([0-9.]+)\"").matcher(graphviz.svg(dot));
        assertTrue(viewBox.find(), "Graphviz's SVG has a viewBox");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDRectangle box = document.getPage(0).getMediaBox();
            assertEquals(Double.parseDouble(viewBox.group(1)), box.getWidth(), 0.01);
            assertEquals(Double.parseDouble(viewBox.group(2)), box.getHeight(), 0.01);
        }
    }

    @Test
    void textIsExtractableNodeLabels() throws Exception {
        String text = Pictures.assertOnePagePdf(pdf);
        for (String label : List.of("MmBackward0", "SqueezeBackward3", "AddBackward0",
                "BinaryCrossEntropyWithLogitsBackward0", "AccumulateGrad", "(5, 3)", "reduction")) {
            assertTrue(text.contains(label), label + " in " + text);
        }
    }

    @Test
    void textIsSetInTheEmbeddedBundledFontOnly() throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertEquals(1, fonts.size());
            assertTrue(fonts.get(0).isEmbedded(), "embedded");
            assertTrue(fonts.get(0).getName().endsWith("DejaVuSansMono"), fonts.get(0).getName());
            assertTrue(!page.getResources().getXObjectNames().iterator().hasNext(), "vector drawing, no images");
        }
    }
}
