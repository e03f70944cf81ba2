package org.gradviz.engine.testing;

/**
 * Which of the engine's two float32 kernel paths a test JVM is meant to run: surefire's default execution starts the
 * JVM with {@code --add-modules jdk.incubator.vector} (the launcher's Vector API kernels); its {@code plain-kernels}
 * execution starts it without, as plain {@code java -jar} does, and sets {@code -Dgradviz.test.kernels=plain}.
 */
public final class KernelPath {
    private KernelPath() {
    }

    /** True unless this JVM runs the plain-loop execution (also true in an IDE that runs a test as it is). */
    public static boolean vectorApiExpected() {
        return !"plain".equals(System.getProperty("gradviz.test.kernels"));
    }

    /** What the failure of a path check says. */
    public static String describe() {
        return vectorApiExpected() ? "surefire's default execution adds jdk.incubator.vector"
                : "the plain-kernels execution runs without jdk.incubator.vector, as java -jar does";
    }
}
