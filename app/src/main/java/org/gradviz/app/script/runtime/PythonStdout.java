package org.gradviz.app.script.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as CPython's {@code sys.stdout} on a file or a pipe: block-buffered, and a write the system
 * refuses (a full disk, a closed pipe) is an error, not swallowed as {@link PrintStream} swallows it. The
 * {@code print} whose write fails raises {@code OSError} in the program (the lost chunk is dropped, as CPython
 * drops it); a failure that no {@code print} raised, such as the flush at the end, is reported as CPython reports
 * it at exit ({@link #flushAtExit()}, exit status {@link #EXIT_STATUS_FLUSH_FAILED}).
 */
public final class PythonStdout extends PrintStream {
    /** CPython's exit status when flushing standard output at exit fails. */
    public static final int EXIT_STATUS_FLUSH_FAILED = 120;
    private static final int BUFFER_BYTES = 8192;

    private final OutputStream raw;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int count;
    private IOException unreported;

    public PythonStdout(OutputStream raw) {
        super(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        this.raw = raw;
    }

    /** What {@code print} writes: raises {@code OSError} when the write fails. */
    @Override
    public synchronized void print(String s) {
        byte[] bytes = String.valueOf(s).getBytes(StandardCharsets.UTF_8);
        try {
            append(bytes, 0, bytes.length);
        } catch (IOException e) {
            throw OsErrors.of(e);
        }
    }

    /** PrintStream's other paths land here; a failure is kept for {@link #flushAtExit()}. */
    @Override
    public synchronized void write(byte[] bytes, int off, int len) {
        try {
            append(bytes, off, len);
        } catch (IOException e) {
            unreported = e;
        }
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void flush() {
        try {
            flushBuffer();
        } catch (IOException e) {
            unreported = e;
        }
    }

    /**
     * Flushes as CPython does at exit: null when everything was written (or its failure already raised in the
     * program), else the text CPython prints on stderr, whose exit status is then {@link #EXIT_STATUS_FLUSH_FAILED}.
     */
    public synchronized String flushAtExit() {
        flush();
        IOException failure = unreported;
        unreported = null;
        return failure == null ? null : "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' "
                + "encoding='utf-8'>\n" + OsErrors.of(failure).pythonLine() + "\n";
    }

    private void append(byte[] bytes, int off, int len) throws IOException {
        if (count + len > buffer.length) {
            flushBuffer();
        }
        if (len > buffer.length) {
            raw.write(bytes, off, len);
            return;
        }
        System.arraycopy(bytes, off, buffer, count, len);
        count += len;
    }

    /** Writes the buffer out; it is emptied first, so a chunk the system refused is not written twice. */
    private void flushBuffer() throws IOException {
        int n = count;
        count = 0;
        if (n > 0) {
            raw.write(buffer, 0, n);
        }
        raw.flush();
    }
}
