package org.gradviz.engine;

/**
 * Whether the JDK's Vector API is there for the float32 kernels: the incubator module {@code jdk.incubator.vector}
 * is in the boot layer only when the JVM was started with {@code --add-modules=jdk.incubator.vector} (the launcher
 * {@code app/target/gradviz} does; plain {@code java -jar} does not). Without it the kernels use plain loops.
 */
public final class VectorApi {
    /** True when the kernels can use the Vector API (decided once, at class initialisation). */
    public static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorApi() {
    }
}
