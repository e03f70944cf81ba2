package org.gradviz.app.script.runtime;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gradviz.app.script.ast.Expr;
import org.gradviz.app.script.ast.FStringPart;
import org.gradviz.app.script.ast.ImportName;
import org.gradviz.app.script.ast.Keyword;
import org.gradviz.app.script.ast.Param;
import org.gradviz.app.script.ast.Program;
import org.gradviz.app.script.ScriptCancelledException;
import org.gradviz.app.script.ast.Stmt;
import org.gradviz.app.script.format.FormatSpecException;
import org.gradviz.app.script.format.FormatTooLargeException;
import org.gradviz.app.script.resolve.Resolution;
import org.gradviz.app.script.resolve.Resolver;
import org.gradviz.engine.DType;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Node;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;
import org.gradviz.engine.ops.Arithmetic;

/**
 * Runs a parsed program by walking its syntax tree. The program sees only the values, builtins and modules made
 * here; an error leaves as a {@link PyError} carrying the traceback.
 *
 * <p>Interrupting the running thread stops the program before its next statement with a
 * {@link ScriptCancelledException}, which no {@code PyError} handling catches.
 */
public final class Interpreter {

    /** Python's default recursion limit: frames on the stack, the module's included. */
    static final int MAX_DEPTH = 1000;

    private enum Flow { NORMAL, BREAK, CONTINUE, RETURN }

    private static final class Frame {
        final String function;
        final Scope scope;
        /** The function running in this frame, for {@code super()}; null for the module and class bodies. */
        final PyFunction running;
        int line;
        Object returnValue = PyNone.NONE;

        Frame(String function, Scope scope, int line, PyFunction running) {
            this.function = function;
            this.scope = scope;
            this.line = line;
            this.running = running;
        }
    }

    private final Scope globals = Scope.module();
    /** The errors being handled by {@code except} blocks, innermost last, for a bare {@code raise}. */
    private final List<PyError> handling = new ArrayList<>();
    private Resolution resolution;
    private final Map<String, Object> builtins;
    private final Map<String, PyModule> modules;
    private final List<Frame> stack = new ArrayList<>();
    private final TensorObserver observer;

    /**
     * @param out where {@code print} writes
     * @param ignoreWarnings called when the program asks {@code warnings} to ignore everything
     */
    public Interpreter(PrintStream out, Runnable ignoreWarnings) {
        this(out, ignoreWarnings, null);
    }

    /** An interpreter that tells {@code observer} (null for none) every call and tensor it makes. */
    public Interpreter(PrintStream out, Runnable ignoreWarnings, TensorObserver observer) {
        this.builtins = Builtins.create(out);
        this.modules = TorchModules.create(ignoreWarnings);
        this.observer = observer;
        useSys(List.of(""), out, out);
    }

    /**
     * The {@code sys} this interpreter's program imports: {@code argv} (the program as the command line named it,
     * then its arguments; {@code [""]} unless set), and where {@code sys.stdout} and {@code sys.stderr} write.
     */
    void useSys(List<String> argv, PrintStream out, PrintStream err) {
        modules.put("sys", SysModule.create(argv, out, err));
    }

    /** Runs the program's top-level statements; throws {@link PyError} (with traceback) on an uncaught error. */
    public void run(Program program) {
        resolution = Resolver.resolve(program);
        Frame module = new Frame("<module>", globals, 0, null);
        stack.add(module);
        Interpreter outer = RUNNING.get();
        RUNNING.set(this);
        DType outerDefault = DType.setDefaultFloat(DType.FLOAT32);
        org.gradviz.engine.AnomalyMode.Guard anomaly = org.gradviz.engine.AnomalyMode.set(false);
        try {
            execAll(program.body(), module);
        } finally {
            stack.clear();
            RUNNING.set(outer);
            DType.setDefaultFloat(outerDefault);
            anomaly.close();
        }
    }

    /** The interpreter running a program on this thread, for what the runtime's own code reports ({@link #report}). */
    private static final ThreadLocal<Interpreter> RUNNING = new ThreadLocal<>();

    /**
     * Tells the observer of the program running on this thread about a call the runtime made for it, as if the
     * program had written it at the current line: a built-in {@code torch.nn} module's forward in its functional form
     * ({@code nn.Linear} is {@code linear(x, weight, bias)}), the parameters such a module draws.
     */
    static void report(String function, List<Object> args, Map<String, Object> keywords, Object result) {
        Interpreter running = RUNNING.get();
        if (running != null && running.observer != null) {
            running.observer.called(new ObservedCall(function, java.util.Collections.unmodifiableList(
                    new ArrayList<>(args)), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keywords)),
                    result, running.currentLine()));
        }
    }

    /** The line being run (in the innermost function), for warnings. */
    public int currentLine() {
        return stack.isEmpty() ? 0 : stack.get(stack.size() - 1).line;
    }

    /** The module-level variables, in order of first assignment. */
    public Map<String, Object> globals() {
        return globals.variables();
    }

    // ----- statements

    private Flow execAll(List<Stmt> body, Frame f) {
        for (Stmt s : body) {
            Flow flow = exec(s, f);
            if (flow != Flow.NORMAL) {
                return flow;
            }
        }
        return Flow.NORMAL;
    }

    private Flow exec(Stmt s, Frame f) {
        // every loop iteration runs at least one statement, so this bounds how long a cancelled run goes on
        ScriptCancelledException.throwIfInterrupted();
        f.line = s.line();
        try {
            return dispatch(s, f);
        } catch (PyError e) {
            throw withTraceback(e);
        } catch (Unsupported e) {
            throw e.at(s);
        } catch (org.gradviz.engine.NotSupportedException e) {
            throw new Unsupported(e.construct()).at(s);
        } catch (TorchException e) {
            throw withTraceback(new PyError(e.pythonType(), e.getMessage()));
        } catch (FormatSpecException e) {
            throw withTraceback(PyError.value(e.getMessage()));
        } catch (FormatTooLargeException e) {
            throw withTraceback(new PyError("MemoryError", ""));
        } catch (StackOverflowError e) {
            throw withTraceback(new PyError("RecursionError", "maximum recursion depth exceeded"));
        } catch (OutOfMemoryError e) {
            // NOTE: the heap is full: let go of the reserve so the MemoryError and its traceback can be made
            HeapReserve.release();
            throw withTraceback(new PyError("MemoryError", ""));
        } catch (ScriptCancelledException | org.gradviz.app.script.ScriptSyntaxError e) {
            throw e;
        } catch (UnsupportedOperationException e) {
            // an engine op's own refusal says what it lacks; Java's (an unmodifiable list) says nothing: a bug
            if (e.getMessage() == null) {
                throw withTraceback(new PyError("SystemError", "gradviz internal error: " + e));
            }
            throw new Unsupported(e.getMessage()).at(s);
        } catch (RuntimeException e) {
            // NOTE: a bug in gradviz, not in the program: reported as Python reports its own internal errors
            throw withTraceback(new PyError("SystemError", "gradviz internal error: " + e));
        }
    }

    private PyError withTraceback(PyError e) {
        if (!e.hasTraceback()) {
            List<TraceFrame> frames = new ArrayList<>(stack.size());
            for (Frame fr : stack) {
                frames.add(new TraceFrame(fr.function, fr.line));
            }
            e.setTraceback(frames);
        }
        return e;
    }

    private Flow dispatch(Stmt s, Frame f) {
        if (s instanceof Stmt.ExprStmt e) {
            eval(e.expr(), f);
        } else if (s instanceof Stmt.Assign a) {
            Object value = eval(a.value(), f);
            for (Expr target : a.targets()) {
                assign(target, value, f);
            }
        } else if (s instanceof Stmt.AugAssign a) {
            augmentedAssign(a, f);
        } else if (s instanceof Stmt.For loop) {
            return forLoop(loop, f);
        } else if (s instanceof Stmt.While loop) {
            return whileLoop(loop, f);
        } else if (s instanceof Stmt.Del d) {
            d.targets().forEach(target -> delete(target, f));
        } else if (s instanceof Stmt.Try t) {
            return tryStatement(t, f);
        } else if (s instanceof Stmt.Raise r) {
            throw raise(r, f);
        } else if (s instanceof Stmt.Assert a) {
            if (!Values.truthy(eval(a.test(), f))) {
                List<Object> args = a.message().isPresent() ? List.of(eval(a.message().get(), f)) : List.of();
                throw PyError.raised(ExceptionTypes.instance(ExceptionTypes.named("AssertionError"), args));
            }
        } else if (s instanceof Stmt.ClassDef c) {
            f.scope.assign(c.name(), classDef(c, f));
        } else if (s instanceof Stmt.If i) {
            return execAll(Values.truthy(eval(i.test(), f)) ? i.body() : i.orElse(), f);
        } else if (s instanceof Stmt.With w) {
            return with(w, f);
        } else if (s instanceof Stmt.FunctionDef def) {
            f.scope.assign(def.name(), function(def, f));
        } else if (s instanceof Stmt.Return r) {
            f.returnValue = r.value().isPresent() ? eval(r.value().get(), f) : PyNone.NONE;
            return Flow.RETURN;
        } else if (s instanceof Stmt.Import imp) {
            for (ImportName name : imp.names()) {
                PyModule module = module(name.name());
                if (name.alias().isPresent()) {
                    f.scope.assign(name.alias().get(), module);
                } else {
                    String top = name.name().split("\\.")[0];
                    f.scope.assign(top, module(top));
                }
            }
        } else if (s instanceof Stmt.ImportFrom imp) {
            PyModule module = module(imp.module());
            for (ImportName name : imp.names()) {
                Object member = module.attribute(name.name());
                if (member == null) {
                    member = modules.get(imp.module() + "." + name.name());
                }
                if (member == null) {
                    throw new PyError("ImportError", "cannot import name '" + name.name() + "' from '"
                            + imp.module() + "'");
                }
                f.scope.assign(name.alias().orElse(name.name()), member);
            }
        } else if (s instanceof Stmt.Break) {
            return Flow.BREAK;
        } else if (s instanceof Stmt.Continue) {
            return Flow.CONTINUE;
        }
        return Flow.NORMAL;
    }

    private PyModule module(String name) {
        PyModule m = modules.get(name);
        if (m == null) {
            throw new PyError("ModuleNotFoundError", "No module named '" + name + "'");
        }
        return m;
    }

    private PyFunction function(Stmt.FunctionDef def, Frame f) {
        List<Object> defaults = new ArrayList<>();
        for (Param p : def.params()) {
            defaults.add(p.defaultValue().map(d -> eval(d, f)).orElse(null));
        }
        return new PyFunction(def, defaults, f.scope.forNestedFunctions(), this::callFunction);
    }

    private PyClass classDef(Stmt.ClassDef c, Frame f) {
        PyClass base = ExceptionTypes.OBJECT;
        if (!c.bases().isEmpty()) {
            Object given = eval(c.bases().get(0), f);
            if (!(given instanceof PyClass pc)) {
                throw new Unsupported("a base class other than object, an exception or a class of the program");
            }
            base = pc;
        }
        PyClass cls = new PyClass(c.name(), "__main__", base);
        Frame body = new Frame(f.function, Scope.classBody(f.scope), c.line(), null);
        stack.set(stack.size() - 1, body);
        try {
            execAll(c.body(), body);
        } finally {
            stack.set(stack.size() - 1, f);
        }
        body.scope.variables().forEach((name, value) -> {
            Object function = value instanceof PyStaticMethod s ? s.function()
                    : value instanceof PyClassMethod m ? m.function() : value;
            if (function instanceof PyFunction fn && fn.owner() == null) {
                fn.setOwner(cls);
            }
            cls.define(name, value);
        });
        return cls;
    }

    private Flow tryStatement(Stmt.Try t, Frame f) {
        Flow flow;
        PyError pending = null;
        try {
            flow = bodyAndHandlers(t, f);
        } catch (PyError e) {
            pending = e;
            flow = Flow.NORMAL;
        }
        if (!t.finalBody().isEmpty()) {
            Flow last = execAll(t.finalBody(), f);
            if (last != Flow.NORMAL) {
                return last;
            }
        }
        if (pending != null) {
            throw pending;
        }
        return flow;
    }

    private Flow bodyAndHandlers(Stmt.Try t, Frame f) {
        Flow flow;
        try {
            flow = execAll(t.body(), f);
        } catch (PyError e) {
            for (Stmt.Handler h : t.handlers()) {
                if (h.type().isEmpty() || Exceptions.matches(e, eval(h.type().get(), f))) {
                    return handle(h, e, f);
                }
            }
            throw e;
        }
        return flow != Flow.NORMAL ? flow : execAll(t.orElse(), f);
    }

    private Flow handle(Stmt.Handler h, PyError e, Frame f) {
        h.name().ifPresent(name -> f.scope.assign(name, e.exception()));
        handling.add(e);
        try {
            return execAll(h.body(), f);
        } finally {
            handling.remove(handling.size() - 1);
            h.name().ifPresent(f.scope::delete);
        }
    }

    private PyError raise(Stmt.Raise r, Frame f) {
        if (r.exception().isEmpty()) {
            if (handling.isEmpty()) {
                return new PyError("RuntimeError", "No active exception to reraise");
            }
            return handling.get(handling.size() - 1);
        }
        Object raised = eval(r.exception().get(), f);
        if (raised instanceof PyClass c && c.isSubclassOf(ExceptionTypes.BASE_EXCEPTION)) {
            raised = c.call(new Args(c.name(), List.of(), Map.of()));
        }
        if (raised instanceof PyInstance i && ExceptionTypes.isException(i)) {
            return PyError.raised(i);
        }
        return PyError.type("exceptions must derive from BaseException");
    }

    /** {@code for}: the body per item; the {@code else} block when the items ran out (no break, no return). */
    private Flow forLoop(Stmt.For loop, Frame f) {
        Object iterable = eval(loop.iterable(), f);
        if (loop.target() instanceof Expr.Name target && iterable instanceof PyRange r) {
            String name = target.id();
            long n = r.loopLength();
            for (long i = 0; i < n; i++) {
                f.scope.assign(name, r.get(i));
                Flow flow = execAll(loop.body(), f);
                if (flow == Flow.BREAK || flow == Flow.RETURN) {
                    return afterLoop(flow);
                }
            }
            return execAll(loop.orElse(), f);
        }
        for (var items = Iteration.walk(iterable); items.hasNext(); ) {
            assign(loop.target(), items.next(), f);
            Flow flow = execAll(loop.body(), f);
            if (flow == Flow.BREAK || flow == Flow.RETURN) {
                return afterLoop(flow);
            }
        }
        return execAll(loop.orElse(), f);
    }

    /** {@code while}: the body while the test holds; the {@code else} block once it does not (no break, no return). */
    private Flow whileLoop(Stmt.While loop, Frame f) {
        while (Values.truthy(eval(loop.test(), f))) {
            Flow flow = execAll(loop.body(), f);
            if (flow == Flow.BREAK || flow == Flow.RETURN) {
                return afterLoop(flow);
            }
        }
        return execAll(loop.orElse(), f);
    }

    /** What a loop left by {@code break} or {@code return} gives its caller: a break ends only this loop. */
    private static Flow afterLoop(Flow flow) {
        return flow == Flow.BREAK ? Flow.NORMAL : flow;
    }

    /**
     * {@code del target}: a name unbound (NameError, or UnboundLocalError for a function's unbound local, when it is
     * not bound), a list item or slice or a dict key removed, an attribute removed, each element of a tuple or list of
     * targets in order.
     */
    private void delete(Expr target, Frame f) {
        if (target instanceof Expr.Name n) {
            f.scope.unbind(n.id());
        } else if (target instanceof Expr.TupleExpr t) {
            t.elements().forEach(e -> delete(e, f));
        } else if (target instanceof Expr.ListExpr l) {
            l.elements().forEach(e -> delete(e, f));
        } else if (target instanceof Expr.Attribute a) {
            Deletion.attribute(eval(a.object(), f), a.name());
        } else if (target instanceof Expr.Subscript s) {
            Object object = eval(s.object(), f);
            Deletion.item(object, s.index() instanceof Expr.Slice ? tensorIndex(s.index(), f) : eval(s.index(), f));
        }
    }

    private Flow with(Stmt.With w, Frame f) {
        Object context = eval(w.context(), f);
        if (context instanceof AnomalyContext anomaly) {
            try (var guard = anomaly.enter()) {
                w.alias().ifPresent(alias -> f.scope.assign(alias, PyNone.NONE));
                return execAll(w.body(), f);
            }
        }
        if (!(context instanceof GradModeContext grad)) {
            throw PyError.type("'" + Values.typeName(context) + "' object does not support the context manager "
                    + "protocol");
        }
        try (GradMode.Guard guard = grad.enter()) {
            w.alias().ifPresent(alias -> f.scope.assign(alias, PyNone.NONE));
            return execAll(w.body(), f);
        }
    }

    private void assign(Expr target, Object value, Frame f) {
        if (target instanceof Expr.Name n) {
            f.scope.assign(n.id(), value);
            if (observer != null) {
                observer.assigned(n.id(), value, f.line);
            }
        } else if (target instanceof Expr.TupleExpr || target instanceof Expr.ListExpr) {
            List<Expr> targets = target instanceof Expr.TupleExpr t ? t.elements() : ((Expr.ListExpr) target)
                    .elements();
            if (!(value instanceof PyTuple || value instanceof List<?> || value instanceof PySize
                    || value instanceof String || value instanceof PyRange || value instanceof Tensor
                    || value instanceof PyDict || value instanceof PyIterator || value instanceof PyNamedTuple
                    || value instanceof PySet || value instanceof PyDictView)) {
                throw PyError.type("cannot unpack non-iterable " + Values.typeName(value) + " object");
            }
            List<Object> items = Iteration.items(value);
            List<Object> values = Unpacking.forTargets(targets, items);
            for (int i = 0; i < targets.size(); i++) {
                Expr one = targets.get(i);
                assign(one instanceof Expr.Starred st ? st.value() : one, values.get(i), f);
            }
        } else if (target instanceof Expr.Attribute a) {
            Object object = eval(a.object(), f);
            if (object instanceof Tensor t) {
                TensorMembers.set(t, a.name(), value);
            } else if (object instanceof PyInstance i) {
                i.set(a.name(), value);
                if (observer != null) {
                    observer.attributeAssigned(a.name(), value);
                }
            } else if (object instanceof PyClass c && !c.isBuiltin()) {
                c.define(a.name(), value);
            } else if (object instanceof CustomFunctionNode ctx) {
                ctx.set(a.name(), value);
            } else {
                throw PyError.attribute("gradviz cannot assign attributes of a " + Values.typeName(object)
                        + " object");
            }
        } else if (target instanceof Expr.Subscript s) {
            Object object = eval(s.object(), f);
            if (object instanceof Tensor t) {
                TensorIndexing.set(t, tensorIndex(s.index(), f), value);
                return;
            }
            setItem(object, eval(s.index(), f), value);
        } else {
            throw new Unsupported("assigning to this expression");
        }
    }

    /** {@code object[index] = value} for a list or a dict. */
    private static void setItem(Object object, Object index, Object value) {
        if (object instanceof List<?> list && Values.isInteger(index)) {
            @SuppressWarnings("unchecked")
            List<Object> items = (List<Object>) list;
            items.set(Subscripts.position(index, items.size(), "list assignment"), value);
        } else if (object instanceof PyDict d) {
            d.put(index, value);
        } else {
            throw PyError.type("'" + Values.typeName(object) + "' object does not support item assignment");
        }
    }

    /**
     * {@code target op= value} as Python runs it: the target's object and index are evaluated once, the current value
     * is updated in place when it can be (a tensor, a list's +=), then stored back: {@code t[i] += 1} writes into t.
     */
    private void augmentedAssign(Stmt.AugAssign a, Frame f) {
        if (a.target() instanceof Expr.Subscript s && !(s.index() instanceof Expr.Slice)
                || a.target() instanceof Expr.Subscript sliced && isTensor(sliced.object(), f)) {
            // NOTE: Python's t[i] op= v: t[i] changed in place (a view of t), then set into t[i] again
            Expr.Subscript s = (Expr.Subscript) a.target();
            Object object = eval(s.object(), f);
            Object index = object instanceof Tensor ? tensorIndex(s.index(), f) : eval(s.index(), f);
            Object current = object instanceof Tensor t ? TensorIndexing.get(t, index) : Subscripts.get(object, index);
            Object result = inPlace(a.op(), current, eval(a.value(), f));
            if (object instanceof Tensor t) {
                TensorIndexing.set(t, index, result);
            } else {
                setItem(object, index, result);
            }
            return;
        }
        Object current = eval(a.target(), f);
        Object result = inPlace(a.op(), current, eval(a.value(), f));
        if (result != current) {
            assign(a.target(), result, f);
        }
    }

    /** Whether {@code e} is a name bound to a tensor (looked up without side effects), for {@code t[a:b] op= v}. */
    private boolean isTensor(Expr e, Frame f) {
        return e instanceof Expr.Name n && lookup(n.id(), f) instanceof Tensor;
    }

    /** {@code current op= operand}: a tensor, list or set changed in place and returned, else the new value. */
    private static Object inPlace(org.gradviz.app.script.ast.BinaryOp op, Object current, Object operand) {
        try {
            return changedInPlace(op, current, operand);
        } catch (PyError e) {
            throw Numbers.augmented(e, op, current, operand);
        }
    }

    private static Object changedInPlace(org.gradviz.app.script.ast.BinaryOp op, Object current, Object operand) {
        if (current instanceof PyInstance) {
            Object r = Dunders.inPlace(op, current, operand);
            if (r != Dunders.NONE_FOUND) {
                return r;
            }
        }
        if (current instanceof Tensor t) {
            if (op.isBitwise()) {
                // NOTE: torch checks the result type against t's before its kernel refuses a float type
                TensorArithmetic.checkBitwiseInPlace(t, operand);
            }
            return TensorInPlace.assign(t, Operators.binary(op, t, operand));
        }
        if (current instanceof PySet s && operand instanceof PySet other && s.updateInPlace(op, other)) {
            return s;
        }
        if (current instanceof PyDict d && op == org.gradviz.app.script.ast.BinaryOp.BITWISE_OR) {
            d.updateInPlace(operand);
            return d;
        }
        if (current instanceof List<?> list && op == org.gradviz.app.script.ast.BinaryOp.ADD) {
            @SuppressWarnings("unchecked")
            List<Object> items = (List<Object>) list;
            items.addAll(Iteration.items(operand));
            return list;
        }
        return Operators.binary(op, current, operand);
    }

    // ----- expressions

    private Object eval(Expr e, Frame f) {
        try {
            return evaluate(e, f);
        } catch (Unsupported u) {
            throw u.at(e);
        }
    }

    private Object evaluate(Expr e, Frame f) {
        if (e instanceof Expr.Name n) {
            return lookup(n.id(), f);
        } else if (e instanceof Expr.Call c) {
            return call(c, f);
        } else if (e instanceof Expr.Attribute a) {
            Object object = eval(a.object(), f);
            Object value = Attributes.get(object, a.name());
            if (observer != null && value instanceof Tensor && object instanceof Tensor) {
                observe(a.name(), List.of(object), value, f);
            }
            return value;
        } else if (e instanceof Expr.Binary b) {
            Object left = eval(b.left(), f);
            Object right = eval(b.right(), f);
            Object value = Operators.binary(b.op(), left, right);
            if (observer != null && value instanceof Tensor) {
                observe(TableOps.operatorName(b.op().symbol(), false, b.op().name().toLowerCase(java.util.Locale.ROOT)),
                        List.of(left, right), value, f);
            }
            return value;
        } else if (e instanceof Expr.IntLiteral i) {
            return Ints.of(i.value());
        } else if (e instanceof Expr.FloatLiteral d) {
            return d.value();
        } else if (e instanceof Expr.StringLiteral s) {
            return s.value();
        } else if (e instanceof Expr.FString s) {
            return fString(s.parts(), f);
        } else if (e instanceof Expr.BoolLiteral b) {
            return b.value();
        } else if (e instanceof Expr.NoneLiteral) {
            return PyNone.NONE;
        } else if (e instanceof Expr.ListExpr l) {
            return displayItems(l.elements(), f);
        } else if (e instanceof Expr.TupleExpr t) {
            return new PyTuple(displayItems(t.elements(), f));
        } else if (e instanceof Expr.SetExpr set) {
            return setDisplay(set, f);
        } else if (e instanceof Expr.Unary u) {
            Object operand = eval(u.operand(), f);
            Object value = unary(u, operand);
            if (observer != null && value instanceof Tensor && value != operand) {
                observe(TableOps.operatorName(u.op().symbol(), true, u.op().name().toLowerCase(java.util.Locale.ROOT)),
                        List.of(operand), value, f);
            }
            return value;
        } else if (e instanceof Expr.Logical l) {
            Object left = eval(l.left(), f);
            boolean isAnd = l.op() == org.gradviz.app.script.ast.LogicalOp.AND;
            return Values.truthy(left) == isAnd ? eval(l.right(), f) : left;
        } else if (e instanceof Expr.Compare c) {
            // NOTE: as Python's a < b < c, i.e. (a < b) and (b < c): the first false result, else the last one
            Object left = eval(c.left(), f);
            Object result = true;
            for (int i = 0; i < c.ops().size(); i++) {
                Object right = eval(c.comparators().get(i), f);
                result = Operators.compare(c.ops().get(i), left, right);
                if (i < c.ops().size() - 1 && !Values.truthy(result)) {
                    return result;
                }
                left = right;
            }
            return result;
        } else if (e instanceof Expr.IfExpr i) {
            return Values.truthy(eval(i.test(), f)) ? eval(i.body(), f) : eval(i.orElse(), f);
        } else if (e instanceof Expr.Subscript s) {
            Object object = eval(s.object(), f);
            Object value = subscript(object, s, f);
            if (observer != null && value instanceof Tensor) {
                observe("getitem", List.of(object), value, f);
            }
            return value;
        } else if (e instanceof Expr.DictExpr d) {
            PyDict dict = new PyDict();
            for (int i = 0; i < d.keys().size(); i++) {
                Optional<Expr> key = d.keys().get(i);
                if (key.isPresent()) {
                    dict.put(eval(key.get(), f), eval(d.values().get(i), f));
                } else {
                    Unpacking.mergeMapping(dict, eval(d.values().get(i), f));
                }
            }
            return dict;
        } else if (e instanceof Expr.Lambda l) {
            return function(l.function(), f);
        } else if (e instanceof Expr.Comprehension c) {
            return comprehension(c, f);
        }
        throw new Unsupported("this expression");
    }

    /** The items of a list or tuple display, each {@code *x} standing for the items of x. */
    private List<Object> displayItems(List<Expr> elements, Frame f) {
        List<Object> items = new ArrayList<>(elements.size());
        for (Expr x : elements) {
            if (x instanceof Expr.Starred st) {
                items.addAll(Unpacking.displayed(eval(st.value(), f)));
            } else {
                items.add(eval(x, f));
            }
        }
        return items;
    }

    /** {@code {a, *b}}: CPython's adds and updates in order (three or more constants come as one frozenset). */
    private PySet setDisplay(Expr.SetExpr set, Frame f) {
        if (set.elements().size() > 2 && set.elements().stream().allMatch(Unpacking::isConstant)) {
            return PySet.copyOf(new PySet(displayItems(set.elements(), f)));
        }
        PySet out = new PySet(List.of());
        for (Expr x : set.elements()) {
            if (x instanceof Expr.Starred st) {
                out.update(eval(st.value(), f));
            } else {
                out.add(eval(x, f));
            }
        }
        return out;
    }

    private Object comprehension(Expr.Comprehension c, Frame f) {
        Scope scope = Scope.function(f.scope.forNestedFunctions(), resolution.of(c));
        Frame inner = new Frame(f.function, scope, f.line, f.running);
        List<Object> items = new ArrayList<>();
        PyDict dict = new PyDict();
        Object first = eval(c.loops().get(0).iterable(), f);
        comprehensionLoop(c, 0, first, inner, c.kind() == Expr.ComprehensionKind.DICT ? dict : null, items);
        return switch (c.kind()) {
            case LIST -> items;
            case SET -> new PySet(items);
            case DICT -> dict;
            case GENERATOR -> new PyIterator("generator", items);
        };
    }

    private void comprehensionLoop(Expr.Comprehension c, int level, Object iterable, Frame f, PyDict dict,
                                   List<Object> items) {
        Expr.ComprehensionFor loop = c.loops().get(level);
        for (Object item : Iteration.items(iterable)) {
            assign(loop.target(), item, f);
            boolean kept = true;
            for (Expr condition : loop.conditions()) {
                kept = kept && Values.truthy(eval(condition, f));
            }
            if (!kept) {
                continue;
            }
            if (level + 1 < c.loops().size()) {
                comprehensionLoop(c, level + 1, eval(c.loops().get(level + 1).iterable(), f), f, dict, items);
            } else if (dict != null) {
                dict.put(eval(c.element(), f), eval(c.value().orElseThrow(), f));
            } else {
                items.add(eval(c.element(), f));
            }
        }
    }

    private Object lookup(String name, Frame f) {
        if (name.equals("super")) {
            return superOf(f);
        }
        Object v = f.scope.lookup(name);
        if (v == null) {
            v = builtins.get(name);
        }
        if (v == null) {
            throw new PyError("NameError", "name '" + name + "' is not defined");
        }
        return v;
    }

    /** {@code super} inside a method: the zero-argument form, bound to the method's first argument. */
    private Object superOf(Frame f) {
        PyFunction method = f.running;
        boolean inMethod = method != null && method.owner() != null && !method.definition().params().isEmpty();
        Object self = inMethod ? f.scope.lookup(method.definition().params().get(0).name()) : null;
        return new Builtin("super", a -> {
            if (a.size() == 2) {
                return PySuper.explicit(a.positional().get(0), a.positional().get(1));
            }
            if (a.size() > 2) {
                throw PyError.type("super() expected at most 2 arguments, got " + a.size());
            }
            if (a.size() == 1) {
                throw new Unsupported("'super(type)' with one argument");
            }
            if (!inMethod) {
                throw new PyError("RuntimeError", "super(): no arguments");
            }
            return new PySuper(method.owner(), (PyInstance) self);
        });
    }

    private static Object unary(Expr.Unary u, Object v) {
        if (v instanceof PyInstance && u.op() != org.gradviz.app.script.ast.UnaryOp.NOT) {
            Object r = Dunders.unary(switch (u.op()) {
                case NEG -> "__neg__";
                case INVERT -> "__invert__";
                default -> "__pos__";
            }, v);
            if (r != Dunders.NONE_FOUND) {
                return r;
            }
        }
        switch (u.op()) {
            case NOT:
                return !Values.truthy(v);
            case INVERT:
                if (v instanceof Tensor t) {
                    return TensorArithmetic.invert(t);
                }
                if (Values.isInteger(v)) {
                    return IntBits.invert(v);
                }
                break;
            case NEG:
                if (v instanceof Tensor t) {
                    return Arithmetic.neg(t);
                }
                if (v instanceof Double d) {
                    return -d;
                }
                if (Values.isInteger(v)) {
                    return Numbers.negate(v);
                }
                break;
            case POS:
                if (v instanceof Tensor || v instanceof Double) {
                    return v;
                }
                if (v instanceof Boolean) {
                    return Values.toLong(v);
                }
                if (Values.isInteger(v)) {
                    return v;
                }
        }
        throw PyError.type("bad operand type for unary " + u.op().symbol() + ": '" + Values.typeName(v) + "'");
    }

    private Object subscript(Object object, Expr.Subscript s, Frame f) {
        if (object instanceof Tensor t) {
            return TensorIndexing.get(t, tensorIndex(s.index(), f));
        }
        if (s.index() instanceof Expr.Slice slice) {
            return Subscripts.slice(object, bound(slice.lower(), f), bound(slice.upper(), f),
                    bound(slice.step(), f));
        }
        return Subscripts.get(object, eval(s.index(), f));
    }

    /** A tensor's index: slices, also inside a tuple ({@code t[1:3, 0]}), become {@link PySlice} values. */
    private Object tensorIndex(Expr index, Frame f) {
        if (index instanceof Expr.Slice slice) {
            return new PySlice(bound(slice.lower(), f), bound(slice.upper(), f), bound(slice.step(), f));
        }
        if (index instanceof Expr.TupleExpr tuple) {
            List<Object> items = new ArrayList<>();
            for (Expr e : tuple.elements()) {
                items.add(tensorIndex(e, f));
            }
            return new PyTuple(items);
        }
        return eval(index, f);
    }

    private Object bound(Optional<Expr> e, Frame f) {
        return e.isPresent() ? eval(e.get(), f) : PyNone.NONE;
    }

    private String fString(List<FStringPart> parts, Frame f) {
        StringBuilder sb = new StringBuilder();
        for (FStringPart part : parts) {
            if (part instanceof FStringPart.Text t) {
                sb.append(t.text());
            } else {
                FStringPart.Field field = (FStringPart.Field) part;
                Object value = eval(field.expr(), f);
                String spec = field.spec().isEmpty() ? "" : fString(field.spec(), f);
                sb.append(Formatting.field(value, field.conversion(), spec));
            }
        }
        return sb.toString();
    }

    // ----- calls

    private Object call(Expr.Call c, Frame f) {
        Object callee = eval(c.function(), f);
        List<Object> args = new ArrayList<>(c.args().size());
        for (Expr a : c.args()) {
            if (a instanceof Expr.Starred st) {
                args.addAll(CallUnpacking.positional(callee, eval(st.value(), f)));
            } else {
                args.add(eval(a, f));
            }
        }
        Map<String, Object> keywords = c.keywords().isEmpty() ? Map.of() : new LinkedHashMap<>();
        for (Keyword k : c.keywords()) {
            if (k.isUnpacking()) {
                CallUnpacking.keywords(callee, eval(k.value(), f), keywords);
            } else {
                CallUnpacking.put(callee, keywords, k.name(), eval(k.value(), f));
            }
        }
        if (callee instanceof PyFunction fn) {
            return callFunction(fn, args, keywords);
        }
        if (callee instanceof PyClass || callee instanceof BoundMethod) {
            return ((PyCallable) callee).call(new Args(Values.typeName(callee), args, keywords));
        }
        if (callee instanceof PyInstance i && i.attribute("__call__") instanceof PyCallable method) {
            return method.call(new Args("__call__", args, keywords));
        }
        if (callee instanceof Builtin b) {
            Object value = b.call(new Args(b.name(), args, keywords));
            if (observer != null) {
                List<Object> all = args;
                if (b.receiver() != null) {
                    all = new ArrayList<>(args.size() + 1);
                    all.add(b.receiver());
                    all.addAll(args);
                }
                observer.called(new ObservedCall(b.name(), java.util.Collections.unmodifiableList(all),
                        java.util.Collections.unmodifiableMap(keywords), value, f.line));
            }
            return value;
        }
        if (callee instanceof PyCallable pc) {
            return pc.call(new Args(Values.typeName(callee), args, keywords));
        }
        throw PyError.type("'" + Values.typeName(callee) + "' object is not callable");
    }

    private Object callFunction(PyFunction fn, List<Object> args, Map<String, Object> keywords) {
        if (stack.size() >= MAX_DEPTH) {
            throw new PyError("RecursionError", "maximum recursion depth exceeded");
        }
        Scope local = Scope.function(fn.enclosing(), resolution.of(fn.definition()));
        FunctionArguments.bind(fn, args, keywords, local);
        Frame frame = new Frame(fn.name(), local, fn.definition().line(), fn);
        stack.add(frame);
        try {
            execAll(fn.definition().body(), frame);
            return frame.returnValue;
        } finally {
            stack.remove(stack.size() - 1);
        }
    }

    private void observe(String function, List<Object> args, Object value, Frame f) {
        observer.called(new ObservedCall(function, args, Map.of(), value, f.line));
    }

    /** For tests and the JSON export: the grad_fn of a value, if it is a tensor with one. */
    static Node gradFnOf(Object v) {
        return v instanceof Tensor t ? t.gradFn() : null;
    }
}
