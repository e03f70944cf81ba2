package org.gradviz.app.script.syntax;

/** The kinds of token the lexer produces, following Python's tokenizer. */
public enum TokenKind {
    NAME, KEYWORD, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT,
    /** Where the tokenizer failed; tokens stop here and the error is in {@link LexedSource#error()}. */
    ERROR,
    END
}
