package org.gradviz.app.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.gradviz.app.document.AtomicFiles;

/**
 * Loads the J2V8 native library that graphviz-java bundles, from gradviz's cache folder, before J2V8 would.
 * The library is marked as needing an executable stack, which makes the JVM print a two-line warning on
 * every export; the copy in the cache has that flag cleared (V8 does not need it), so output stays clean.
 */
final class J2v8Library {
    static final String RESOURCE = "libj2v8_linux_x86_64.so";
    private static final int PT_GNU_STACK = 0x6474e551;
    private static final int PF_X = 1;
    private static boolean loaded;

    private J2v8Library() {
    }

    /**
     * Loads the patched library and tells J2V8 it is loaded. Returns false (and changes nothing) where that
     * is not possible, e.g. on another platform; J2V8 then loads its own copy as usual.
     */
    static synchronized boolean preload(Path dir) {
        if (loaded) {
            return true;
        }
        try (InputStream in = J2v8Library.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null || !System.getProperty("os.name", "").toLowerCase().contains("linux")) {
                return false;
            }
            byte[] library = withoutExecutableStack(in.readAllBytes());
            Path file = dir.resolve(RESOURCE);
            if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), library)) {
                AtomicFiles.write(file, library);
            }
            System.load(file.toAbsolutePath().toString());
            var flag = Class.forName("com.eclipsesource.v8.V8").getDeclaredField("nativeLibraryLoaded");
            flag.setAccessible(true);
            flag.setBoolean(null, true);
            loaded = true;
            return true;
        } catch (IOException | ReflectiveOperationException | UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }

    /** Clears the execute bit of the ELF64 program header PT_GNU_STACK (a copy; the input is unchanged). */
    static byte[] withoutExecutableStack(byte[] elf) {
        byte[] out = elf.clone();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        if (out.length < 64 || b.getInt(0) != 0x464c457f || out[4] != 2) {
            return out; // not a 64-bit ELF file: leave it alone
        }
        long phoff = b.getLong(0x20);
        int size = Short.toUnsignedInt(b.getShort(0x36));
        int count = Short.toUnsignedInt(b.getShort(0x38));
        for (int i = 0; i < count; i++) {
            int at = (int) (phoff + (long) i * size);
            if (b.getInt(at) == PT_GNU_STACK) {
                b.putInt(at + 4, b.getInt(at + 4) & ~PF_X);
            }
        }
        return out;
    }
}
