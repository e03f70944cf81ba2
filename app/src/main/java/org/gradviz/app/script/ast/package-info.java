/**
 * The syntax tree of a gradviz program, shaped for a tree-walking interpreter: sealed interfaces
 * {@link org.gradviz.app.script.ast.Stmt} and {@link org.gradviz.app.script.ast.Expr} with one record per node,
 * each carrying the 1-based line and column where it starts (a binary operation, call, attribute or subscript
 * starts where its leftmost operand starts, as in Python's own tree).
 */
package org.gradviz.app.script.ast;
