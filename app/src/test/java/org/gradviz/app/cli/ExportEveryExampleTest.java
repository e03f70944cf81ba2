package org.gradviz.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.render.ExportFormat;
import org.gradviz.app.render.GraphvizEngineKind;
import org.gradviz.app.render.Pictures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in examples/ exports to every format, laid out by the dot program and by the embedded engine:
 * documents in both views, programs in the autograd view. Where dot is not installed its cases are skipped
 * (the embedded ones always run).
 */
class ExportEveryExampleTest {
    private static final int DPI = 80;

    @TempDir
    Path dir;

    static Stream<Arguments> documentCases() {
        return cases(Examples.documents(), List.of("autograd", "network"));
    }

    static Stream<Arguments> programCases() {
        try (Stream<Path> files = Files.list(Examples.folder())) {
            return cases(files.filter(p -> p.toString().endsWith(".py")).sorted().toList(), List.of("autograd"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Arguments> cases(List<Path> inputs, List<String> views) {
        return Stream.of(GraphvizEngineKind.values()).flatMap(engine -> inputs.stream().flatMap(input ->
                views.stream().flatMap(view -> Stream.of(ExportFormat.values()).map(format ->
                        Arguments.of(input.getFileName().toString(), view, format, engine)))));
    }

    @ParameterizedTest(name = "{0} --view {1} to {2} with {3}")
    @MethodSource("documentCases")
    void everyDocumentExportsToEveryFormat(String example, String view, ExportFormat format, GraphvizEngineKind engine)
            throws Exception {
        String output = new DocumentReader().read(Examples.file(example)).output();
        String expected = view.equals("autograd") ? "AccumulateGrad" : output;
        check(example, view, format, engine, expected);
    }

    @ParameterizedTest(name = "{0} to {2} with {3}")
    @MethodSource("programCases")
    void everyProgramExportsToEveryFormat(String example, String view, ExportFormat format, GraphvizEngineKind engine)
            throws Exception {
        check(example, view, format, engine, "AccumulateGrad");
    }

    /** Exports and checks the file; {@code expectedText} is a label every picture of the case shows. */
    private void check(String example, String view, ExportFormat format, GraphvizEngineKind engine,
            String expectedText) throws Exception {
        Pictures.assumeEngineAvailable(engine);
        Path out = dir.resolve("graph." + format.name().toLowerCase(Locale.ROOT));
        ExportRun run = ExportRun.of(dir, "export", Examples.file(example).toString(), "-o", out.toString(), "--view",
                view, "--dpi", Integer.toString(DPI), "--engine", engine == GraphvizEngineKind.EMBEDDED ? "embedded" : "dot");
        assertEquals(0, run.exitCode(), run.err());
        byte[] bytes = Files.readAllBytes(out);
        String text = new String(bytes, StandardCharsets.UTF_8);
        switch (format) {
            case DOT -> {
                assertTrue(text.startsWith("digraph {"), text);
                assertTrue(text.contains(expectedText), text);
            }
            case SVG -> {
                assertTrue(text.contains("<svg") && text.strip().endsWith("</svg>"), text);
                assertTrue(text.contains(">" + expectedText + "<"), text);
            }
            case PNG -> {
                Pictures.assertPngNotBlank(bytes);
                assertEquals(DPI, Pictures.dpiOf(bytes));
            }
            case PDF -> {
                String pdfText = Pictures.assertOnePagePdf(bytes);
                assertTrue(pdfText.contains(expectedText), pdfText);
            }
        }
    }
}
