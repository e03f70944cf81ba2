/**
 * The front end of {@code gradviz run}: {@link org.gradviz.app.script.syntax.ScriptParser#parse(String)} lexes and
 * parses a program in the gradviz subset of Python into the tree of {@link org.gradviz.app.script.ast}, or throws
 * {@link org.gradviz.app.script.ScriptSyntaxError}.
 *
 * <h2>The subset</h2>
 * <ul>
 *   <li>Imports of {@code torch}, {@code torch.nn}, {@code torch.nn.functional}, {@code torch.optim}, {@code math},
 *       {@code warnings}, with {@code as}, and {@code from <one of those> import names}.</li>
 *   <li>Assignment (chained, tuple/list unpacking, attributes, subscripts), augmented {@code += -= *= /= //= %= **=
 *       @=}, expression statements, {@code pass}, {@code ;} between simple statements.</li>
 *   <li>{@code if/elif/else}; {@code for NAME in expr:} (any iterable expression; the target is one name);
 *       {@code break} and {@code continue} (cheap, so supported); {@code with expr [as NAME]:} (one context);
 *       {@code def f(a, b=1):} with {@code return [value]}, nested defs allowed.</li>
 *   <li>Expressions: int (unbounded, as Python's), float, str (all quote forms, raw, escapes, implicit concatenation),
 *       f-strings (Python 3.11 rules: {@code !r/!s/!a}, format specs with one nested level, {@code {x=}}),
 *       True/False/None, lists, tuples, unary {@code - + not}, {@code + - * / // % ** @}, chained comparisons
 *       including {@code is}, {@code is not}, {@code in}, {@code not in}, {@code and/or}, conditional expressions,
 *       calls with keyword arguments, attributes, subscripts and slices ({@code x[1:2]}, {@code x[:, 0]}).</li>
 * </ul>
 *
 * <h2>Refused (valid Python, outside the subset)</h2>
 * {@code while}, {@code class}, {@code try}, {@code async}/{@code await}, {@code global}, {@code nonlocal},
 * {@code del}, {@code raise}, {@code assert}, {@code yield}, {@code lambda}, {@code *} in assignment targets
 * and displays, comprehensions and generator expressions (refused rather than supported: the seed
 * programs do not use them), the walrus operator, dict and set displays, bitwise operators, variable annotations, bytes and
 * complex literals, {@code for ... else}, tuple targets in {@code for}, several contexts in one
 * {@code with}, relative and star imports, other modules. A refusal reads
 * {@code 'while' is not supported by gradviz (supported: ...)} at the construct's 1-based line and column.
 *
 * <h2>Errors</h2>
 * Syntax and indentation errors use Python 3.11's words and 1-based positions; when a file has several, the one
 * reported is the one Python would report (see {@link org.gradviz.app.script.syntax.ScriptParser}). F-string errors
 * have Python's message at the real position of the problem (Python 3.11 reports odd positions there). Python's
 * tokenizer limits are kept: 200 nested brackets, 100 indentation levels.
 */
package org.gradviz.app.script.syntax;
