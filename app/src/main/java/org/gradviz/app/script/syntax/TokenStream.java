package org.gradviz.app.script.syntax;

import java.util.List;

import org.gradviz.app.script.ScriptSyntaxError;

/** A cursor over the tokens of a source, with the look-ahead and expectations the parsers need. */
final class TokenStream {

    private final List<Token> tokens;
    private int index;

    TokenStream(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token next() {
        Token token = peek();
        if (index < tokens.size() - 1) {
            index++;
        }
        return token;
    }

    boolean atOp(String op) {
        return peek().isOp(op);
    }

    boolean atKeyword(String keyword) {
        return peek().isKeyword(keyword);
    }

    boolean at(TokenKind kind) {
        return peek().kind() == kind;
    }

    boolean acceptOp(String op) {
        if (atOp(op)) {
            next();
            return true;
        }
        return false;
    }

    boolean acceptKeyword(String keyword) {
        if (atKeyword(keyword)) {
            next();
            return true;
        }
        return false;
    }

    /** Consumes the operator or fails with {@code message} at the current token. */
    Token expectOp(String op, String message) {
        if (!atOp(op)) {
            throw errorHere(message);
        }
        return next();
    }

    Token expectOp(String op) {
        return expectOp(op, "invalid syntax");
    }

    Token expectKeyword(String keyword) {
        if (!atKeyword(keyword)) {
            throw invalidSyntax();
        }
        return next();
    }

    Token expectName() {
        if (!at(TokenKind.NAME)) {
            throw invalidSyntax();
        }
        return next();
    }

    Token expect(TokenKind kind) {
        if (!at(kind)) {
            throw invalidSyntax();
        }
        return next();
    }

    ScriptSyntaxError invalidSyntax() {
        return errorHere("invalid syntax");
    }

    ScriptSyntaxError errorHere(String message) {
        Token token = peek();
        return ScriptSyntaxError.syntax(message, token.line(), token.column());
    }
}
