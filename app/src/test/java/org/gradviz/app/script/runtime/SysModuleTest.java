package org.gradviz.app.script.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sys}: exit statuses and streams as python3 gives them (each checked against python3 3.11). */
class SysModuleTest {

    private static ScriptRun exiting(String status) {
        return ScriptRun.of("import sys\nprint('before')\nsys.exit(" + status + ")\nprint('after')\n");
    }

    @Test
    void anIntStatusIsTheExitStatusModulo256WithNothingOnStderr() {
        assertEquals(3, exiting("3").exitCode());
        assertEquals(0, exiting("256").exitCode());
        assertEquals(255, exiting("-1").exitCode());
        assertEquals(3, exiting("2**32 + 3").exitCode());
        assertEquals(1, exiting("True").exitCode());
        ScriptRun run = exiting("0");
        assertEquals("before\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void anIntBeyond64BitsExitsWithCPythonsMinusOne() {
        assertEquals(255, exiting("10**30").exitCode());
    }

    @Test
    void noneOrNoStatusExitsZero() {
        assertEquals(0, exiting("").exitCode());
        assertEquals(0, exiting("None").exitCode());
        assertEquals("", exiting("None").err());
    }

    @Test
    void anyOtherStatusIsPrintedOnStderrAndExitsOne() {
        ScriptRun run = exiting("'bad input: x'");
        assertEquals(1, run.exitCode());
        assertEquals("bad input: x\n", run.err());
        assertEquals("before\n", run.out());
        assertEquals("[1, 2]\n", exiting("[1, 2]").err());
        assertEquals("2.5\n", exiting("2.5").err());
    }

    @Test
    void stderrWritesGoToStderrAndStdoutWritesToStdout() {
        ScriptRun run = ScriptRun.of("""
                import sys
                print('a', 1, file=sys.stderr)
                n = sys.stderr.write('b\\n')
                sys.stdout.write('c')
                print(n, file=sys.stdout)
                """);
        assertEquals("a 1\nb\n", run.err());
        assertEquals("c2\n", run.out());
    }

    @Test
    void argvIsTheProgramThenItsArguments() {
        ScriptRun run = ScriptRun.of("import sys\nprint(sys.argv)\n", ScriptRun.PATH, List.of("prog.py", "x", "-y"));
        assertEquals("['prog.py', 'x', '-y']\n", run.out());
        assertEquals("['prog.py']\n", ScriptRun.of("import sys\nprint(sys.argv)\n").out());
    }
}
