package org.gradviz.app.script.resolve;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.gradviz.app.script.ScriptSyntaxError;
import org.gradviz.app.script.ast.Program;
import org.gradviz.app.script.ast.Stmt;
import org.gradviz.app.script.syntax.ScriptParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The resolver decides each function's locals before running, with Python 3.11's SyntaxErrors for declarations. */
class ResolverTest {

    private static Stmt.FunctionDef firstFunction(Program p) {
        return (Stmt.FunctionDef) p.body().stream().filter(s -> s instanceof Stmt.FunctionDef).findFirst()
                .orElseThrow();
    }

    @Test
    void aNameAssignedAnywhereInTheBodyIsLocal() {
        Program p = ScriptParser.parse("x = 1\ndef f(a):\n    print(x)\n    x = 2\n    for i in a:\n        pass\n");
        ScopeNames names = Resolver.resolve(p).of(firstFunction(p));
        assertEquals(Set.of("a", "x", "i"), names.locals());
    }

    @Test
    void declaredNamesAreNotLocal() {
        Program p = ScriptParser.parse("def f():\n    global g\n    g = 1\n    def h():\n        nonlocal k\n"
                + "        k = 2\n    k = 0\n");
        ScopeNames names = Resolver.resolve(p).of(firstFunction(p));
        assertAll(
                () -> assertEquals(Set.of("h", "k"), names.locals()),
                () -> assertEquals(Set.of("g"), names.globals()));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "nonlocal x|nonlocal declaration not allowed at module level",
        "def f():\\n    nonlocal x|no binding for nonlocal 'x' found",
        "def f(a):\\n    global a|name 'a' is parameter and global",
        "def f():\\n    x = 1\\n    global x|name 'x' is assigned to before global declaration",
        "def f():\\n    print(x)\\n    global x|name 'x' is used prior to global declaration",
    })
    void misplacedDeclarationsAreSyntaxErrors(String source, String message) {
        Program p = ScriptParser.parse(source.replace("\\n", "\n") + "\n");
        ScriptSyntaxError e = assertThrows(ScriptSyntaxError.class, () -> Resolver.resolve(p));
        assertEquals(message, e.detail());
    }
}
