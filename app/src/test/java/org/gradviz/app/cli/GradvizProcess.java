package org.gradviz.app.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code gradviz ARGS} in a JVM of its own, for what an in-process run cannot show: the real standard output
 * (redirected to {@code stdout}), system properties, process-wide engines. Its exit code and stderr.
 */
record GradvizProcess(int exitCode, String err) {

    static GradvizProcess run(File stdout, List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(stdout).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "gradviz did not end");
        return new GradvizProcess(process.exitValue(), err);
    }
}
