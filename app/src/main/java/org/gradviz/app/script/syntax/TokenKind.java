package org.gradviz.app.script.syntax;

/** The kinds of token the lexer produces, following Python's tokenizer. */
public enum TokenKind {
    NAME, KEYWORD, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, END
}
