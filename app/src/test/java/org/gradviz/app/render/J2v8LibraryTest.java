package org.gradviz.app.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class J2v8LibraryTest {

    /** A 64-bit ELF header with two program headers: PT_LOAD (r-x) and PT_GNU_STACK (rwx). */
    private static byte[] elf() {
        ByteBuffer b = ByteBuffer.allocate(64 + 2 * 56).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0x464c457f).put(4, (byte) 2).putLong(0x20, 64).putShort(0x36, (short) 56).putShort(0x38, (short) 2);
        b.putInt(64, 1).putInt(68, 5);
        b.putInt(120, 0x6474e551).putInt(124, 7);
        return b.array();
    }

    @Test
    void clearsOnlyTheExecuteBitOfTheStackHeader() {
        ByteBuffer out = ByteBuffer.wrap(J2v8Library.withoutExecutableStack(elf())).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(6, out.getInt(124), "stack: rw-");
        assertEquals(5, out.getInt(68), "load segment untouched");
    }

    @Test
    void leavesFilesThatAreNotElf64Alone() {
        byte[] text = "not a library at all, just some text that is long enough to look at".getBytes();
        assertArrayEquals(text, J2v8Library.withoutExecutableStack(text));
    }
}
