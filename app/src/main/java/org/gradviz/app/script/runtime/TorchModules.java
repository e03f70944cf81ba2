package org.gradviz.app.script.runtime;

import java.io.PrintStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Storage;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.format.PrintOptions;
import org.gradviz.engine.random.TorchGenerator;

/** The importable modules, by dotted name: {@code torch}, {@code torch.nn}, {@code torch.nn.functional}, ... */
final class TorchModules {
    /** {@code torch.__version__} of the PyTorch gradviz reproduces (Debian's build of 1.13, as the fixtures). */
    private static final String TORCH_VERSION = "1.13.0a0";

    private TorchModules() {
    }

    /** Fresh module objects for one run, so nothing one program does is seen by the next. */
    static Map<String, PyModule> create(Runnable ignoreWarnings) {
        Map<String, Object> functionalMembers = functional();
        NnFunctional.addTo(functionalMembers);
        NnFunctional.extendRows(functionalMembers);
        NnDistances.addFunctional(functionalMembers);
        NnActivations.addTo(functionalMembers);
        NnNormalization.addTo(functionalMembers);
        Map<String, Object> torchMembers = torch();
        TensorInPlace.addTorchFunctions(torchMembers, functionalMembers);
        PyModule functional = new PyModule("torch.nn.functional", functionalMembers);
        PyModule init = new PyModule("torch.nn.init", NnInit.members());
        Map<String, Object> nnMembers = NnLayers.members(functional);
        nnMembers.put("init", init);
        PyModule utils = new PyModule("torch.nn.utils", NnUtils.members());
        nnMembers.put("utils", utils);
        PyModule nn = new PyModule("torch.nn", nnMembers);
        PyModule scheduler = new PyModule("torch.optim.lr_scheduler", LrScheduler.members());
        Map<String, Object> optimMembers = Optimizers.members();
        optimMembers.put("lr_scheduler", scheduler);
        PyModule optim = new PyModule("torch.optim", optimMembers);
        torchMembers.put("nn", nn);
        PyModule data = TorchData.module();
        torchMembers.put("utils", new PyModule("torch.utils", new LinkedHashMap<>(Map.of("data", data))));
        torchMembers.put("optim", optim);
        PyModule autograd = AutogradModule.create();
        // NOTE: torch.autograd.no_grad is torch.no_grad (the grad-mode classes live in torch.autograd.grad_mode)
        for (String name : new String[] {"no_grad", "enable_grad", "set_grad_enabled", "inference_mode"}) {
            autograd.members().put(name, torchMembers.get(name));
        }
        torchMembers.put("cuda", new PyModule("torch.cuda", cuda()));
        torchMembers.put("autograd", autograd);
        PyModule linalg = new PyModule("torch.linalg", LinalgNorms.members());
        torchMembers.put("linalg", linalg);
        Map<String, PyModule> modules = new LinkedHashMap<>();
        modules.put("torch", new PyModule("torch", torchMembers));
        modules.put("torch.nn", nn);
        modules.put("torch.nn.functional", functional);
        modules.put("torch.nn.init", init);
        modules.put("torch.nn.utils", utils);
        modules.put("torch.optim", optim);
        modules.put("torch.optim.lr_scheduler", scheduler);
        modules.put("torch.autograd", autograd);
        modules.put("torch.linalg", linalg);
        modules.put("torch.autograd.functional", (PyModule) autograd.attribute("functional"));
        modules.put("math", new PyModule("math", MathModule.members()));
        modules.put("random", new PyModule("random", RandomModule.members()));
        modules.put("collections", new PyModule("collections", collections()));
        modules.put("copy", new PyModule("copy", CopyModule.members()));
        modules.put("time", new PyModule("time", TimeModule.members()));
        modules.put("torch.utils", (PyModule) torchMembers.get("utils"));
        modules.put("torch.utils.data", data);
        modules.put("warnings", new PyModule("warnings", warnings(ignoreWarnings)));
        // NOTE: the interpreter gives each run a sys of its own streams and arguments (Interpreter.useSys)
        PrintStream nowhere = new PrintStream(java.io.OutputStream.nullOutputStream());
        modules.put("sys", SysModule.create(List.of(""), nowhere, nowhere));
        return modules;
    }

    private static Map<String, Object> torch() {
        Map<String, Object> m = new LinkedHashMap<>();
        TorchFunctions.all().forEach((name, f) -> m.put(name, new Builtin(name, f)));
        m.putAll(TensorShapeFunctions.torchOnly());
        put(m, "tensor", a -> {
            a.accept(1, "data", "dtype", "device", "requires_grad");
            return TensorFactory.finish(TensorFactory.fromData(a.get(0, "data"), a.dtype(-1, "dtype")), a, -1);
        });
        put(m, "ones", a -> filled("ones", a, 1.0));
        put(m, "zeros", a -> filled("zeros", a, 0.0));
        put(m, "ones_like", a -> like(a, 1.0));
        put(m, "zeros_like", a -> like(a, 0.0));
        // NOTE: torch leaves empty()'s memory as it finds it; zeros are one of the values it may hold
        put(m, "empty", a -> filled("empty", a, 0.0));
        put(m, "empty_like", a -> like(a, 0.0));
        put(m, "full_like", a -> {
            a.accept(2, "input", "fill_value", "dtype", "device", "requires_grad");
            Tensor t = a.tensor(0, "input");
            DType d = a.dtype(-1, "dtype");
            double fill = Values.toDouble(a.get(1, "fill_value"), "fill_value");
            return TensorFactory.finish(Torch.full(t.shape(), fill, d == null ? t.dtype() : d), a, -1);
        });
        put(m, "full", a -> {
            a.accept(2, "size", "fill_value", "dtype", "device", "requires_grad");
            Object fill = a.get(1, "fill_value");
            DType dtype = a.dtype(-1, "dtype");
            if (dtype == null) {
                dtype = fill instanceof Boolean ? DType.BOOL : Values.isInteger(fill) ? DType.INT64
                        : DType.defaultFloat();
            }
            Shape shape = TensorFactory.shape(new Args("full", List.of(a.get(0, "size")), Map.of()), dtype);
            return TensorFactory.finish(Torch.full(shape, Values.toDouble(fill, "fill_value"), dtype), a, -1);
        });
        put(m, "eye", a -> {
            a.accept(2, "n", "m", "dtype", "device", "requires_grad");
            long n = a.integer(0, "n");
            Object mv = a.get(1, "m", PyNone.NONE);
            long cols = mv == PyNone.NONE ? n : Values.toIndex(mv, "eye(): argument 'm'");
            DType dtype = dtypeOrDefault(a);
            Shape shape = Storage.eyeShapeOf(n, cols, dtype);
            return TensorFactory.finish(Torch.eye(shape.dim(0), shape.dim(1), dtype), a, -1);
        });
        m.put("Generator", PyGenerator.constructor());
        put(m, "randn", a -> random(a, true));
        put(m, "rand", a -> random(a, false));
        put(m, "randint", TorchModules::randint);
        put(m, "set_printoptions", TorchModules::setPrintOptions);
        put(m, "randperm", TorchModules::randperm);
        put(m, "normal", TorchModules::normal);
        put(m, "initial_seed", a -> GeneratorSeeds.unsigned(TorchGenerator.defaultGenerator().initialSeed()));
        put(m, "get_default_dtype", a -> DType.defaultFloat());
        put(m, "set_default_dtype", TorchModules::setDefaultDtype);
        NnDistances.addTorch(m);
        put(m, "einsum", Einsums::einsum);
        put(m, "finfo", TypeInfo::finfo);
        put(m, "iinfo", TypeInfo::iinfo);
        m.put("__version__", TORCH_VERSION);
        put(m, "rand_like", a -> randomLike(a, false));
        put(m, "randn_like", a -> randomLike(a, true));
        put(m, "manual_seed", a -> {
            Torch.manualSeed(GeneratorSeeds.bitsOfNumber(a.accept(1, "seed").get(0, "seed")));
            return PyNone.NONE;
        });
        put(m, "is_grad_enabled", a -> GradMode.isEnabled());
        put(m, "is_anomaly_enabled", a -> {
            a.accept(0);
            return org.gradviz.engine.AnomalyMode.isEnabled();
        });
        m.put("no_grad", new GradModeClass("no_grad", a -> new GradModeContext(false)));
        m.put("enable_grad", new GradModeClass("enable_grad", a -> new GradModeContext(true)));
        // NOTE: inference_mode is no_grad here: torch's inference tensors (and its errors when one is later used in
        // autograd or changed in place outside the mode) are not modelled
        m.put("inference_mode", new GradModeClass("inference_mode", a -> new GradModeContext(
                !Values.truthy(a.accept(1, "mode").get(0, "mode", true)))));
        m.put("set_grad_enabled", new GradModeClass("set_grad_enabled",
                a -> GradModeContext.setNow(Values.truthy(a.accept(1, "mode").get(0, "mode")))));
        m.put("float32", DType.FLOAT32);
        m.put("float", DType.FLOAT32);
        m.put("float64", DType.FLOAT64);
        m.put("double", DType.FLOAT64);
        m.put("int64", DType.INT64);
        m.put("long", DType.INT64);
        m.put("int32", DType.INT32);
        m.put("int", DType.INT32);
        m.put("int16", DType.INT16);
        m.put("short", DType.INT16);
        m.put("int8", DType.INT8);
        m.put("uint8", DType.UINT8);
        m.put("bool", DType.BOOL);
        ranges(m);
        TorchThreads.addTo(m);
        put(m, "numel", a -> (long) a.tensor(0, "input").numel());
        TensorPredicates.addTo(m);
        return m;
    }

    /** {@code torch.set_default_dtype(d)}: float32 or float64, for the rest of the run. */
    private static Object setDefaultDtype(Args a) {
        Object d = a.accept(1, "d").get(0, "d");
        if (!(d instanceof DType dtype)) {
            throw PyError.type("invalid dtype object: only floating-point types are supported as the default type");
        }
        if (!dtype.isFloatingPoint()) {
            throw PyError.type("only floating-point types are supported as the default type");
        }
        DType.setDefaultFloat(dtype);
        return PyNone.NONE;
    }

    /** {@code linspace(start, end, steps)} and the 1 to 3 argument forms of {@code arange}. */
    private static void ranges(Map<String, Object> m) {
        put(m, "linspace", a -> {
            a.accept(3, "start", "end", "steps", "dtype", "device", "requires_grad");
            DType dtype = dtypeOrDefault(a);
            if (!dtype.isFloatingPoint()) {
                throw new Unsupported("'linspace(dtype=" + dtype.torchName() + ")'");
            }
            Tensor t = Torch.linspace(a.number(0, "start"), a.number(1, "end"), a.integer(2, "steps"), dtype);
            return TensorFactory.finish(t, a, -1);
        });
        put(m, "arange", a -> {
            a.accept(3, "start", "end", "step", "dtype", "device", "requires_grad");
            List<Object> bounds = new ArrayList<>(a.positional());
            if (bounds.size() == 1) {
                bounds.add(0, 0L);
            }
            if (bounds.size() < 2) {
                throw PyError.type("arange() received an invalid combination of arguments");
            }
            Object step = bounds.size() == 3 ? bounds.get(2) : 1L;
            bounds.add(step);
            for (Object bound : bounds) {
                if (Values.isInteger(bound)) {
                    Ints.int64(bound);
                }
            }
            DType dtype = a.dtype(-1, "dtype");
            if (dtype == null) {
                dtype = bounds.stream().allMatch(Values::isInteger) ? DType.INT64 : DType.defaultFloat();
            }
            Tensor t = Torch.arange(Values.toDouble(bounds.get(0), "arange(): argument 'start'"),
                    Values.toDouble(bounds.get(1), "arange(): argument 'end'"),
                    Values.toDouble(bounds.get(2), "arange(): argument 'step'"), dtype);
            return TensorFactory.finish(t, a, -1);
        });
        put(m, "device", a -> PyDevice.of(a.accept(1, "type").get(0, "type")));
    }

    private static void put(Map<String, Object> m, String name, PyCallable f) {
        m.put(name, new Builtin(name, f));
    }

    private static DType dtypeOrDefault(Args a) {
        DType d = a.dtype(-1, "dtype");
        return d == null ? DType.defaultFloat() : d;
    }

    private static Tensor filled(String function, Args a, double value) {
        a.accept(Integer.MAX_VALUE, "size", "dtype", "device", "requires_grad");
        MissingSize.check(function, a);
        DType dtype = dtypeOrDefault(a);
        return TensorFactory.finish(Torch.full(TensorFactory.shape(a, dtype), value, dtype), a, -1);
    }

    private static Tensor like(Args a, double value) {
        a.accept(1, "input", "dtype", "device", "requires_grad");
        Tensor t = a.tensor(0, "input");
        DType d = a.dtype(-1, "dtype");
        return TensorFactory.finish(Torch.full(t.shape(), value, d == null ? t.dtype() : d), a, -1);
    }

    private static Tensor random(Args a, boolean normal) {
        a.accept(Integer.MAX_VALUE, "size", "generator", "dtype", "device", "requires_grad");
        MissingSize.check(normal ? "randn" : "rand", a);
        DType d = dtypeOrDefault(a);
        Shape shape = TensorFactory.shape(a, d);
        TorchGenerator g = PyGenerator.of(a, normal ? "randn" : "rand");
        double[] values = normal ? g.randn(shape.numel(), d) : g.rand(shape.numel(), d);
        return TensorFactory.finish(Tensor.fromData(shape, d, values), a, -1);
    }

    /** {@code torch.rand_like(t)} / {@code randn_like(t)}: t's shape, its dtype unless dtype= says. */
    private static Tensor randomLike(Args a, boolean normal) {
        a.accept(1, "input", "dtype", "device", "requires_grad");
        Tensor t = a.tensor(0, "input");
        DType d = a.dtype(-1, "dtype");
        DType dtype = d == null ? t.dtype() : d;
        int[] dims = t.shape().dims();
        return TensorFactory.finish(normal ? Torch.randn(dtype, dims) : Torch.rand(dtype, dims), a, -1);
    }

    /** {@code torch.randint(high, size)} and {@code torch.randint(low, high, size)}: int64 unless dtype= says. */
    private static Tensor randint(Args a) {
        a.accept(3, "low", "high", "size", "generator", "dtype", "device", "requires_grad");
        long given = a.positional().size() + List.of("low", "high", "size").stream()
                .filter(a.keywords()::containsKey).count();
        boolean withLow = given == 3; // randint(low, high, size), else randint(high, size)
        long low = withLow ? a.integer(0, "low") : 0;
        long high = a.integer(withLow ? 1 : 0, "high");
        Object size = a.get(withLow ? 2 : 1, "size");
        DType d = a.dtype(-1, "dtype");
        DType dtype = d == null ? DType.INT64 : d;
        Shape shape = TensorFactory.shape(new Args("randint", List.of(size), Map.of()), dtype);
        if (!a.keywords().containsKey("generator")) {
            return TensorFactory.finish(Torch.randint(low, high, shape, dtype), a, -1);
        }
        double[] values = PyGenerator.of(a, "randint").randint(shape.numel(), low, high);
        return TensorFactory.finish(Tensor.fromData(shape, dtype, dtype.roundAll(values)), a, -1);
    }

    /** {@code torch.set_printoptions(precision, threshold, edgeitems, linewidth, profile, sci_mode)}. */
    private static Object setPrintOptions(Args a) {
        Object[] v = Signature.of("set_printoptions", "precision", PyNone.NONE, "threshold", PyNone.NONE,
                "edgeitems", PyNone.NONE, "linewidth", PyNone.NONE, "profile", PyNone.NONE, "sci_mode", PyNone.NONE)
                .bind(a);
        Double threshold = v[1] == PyNone.NONE ? null : Values.toDouble(v[1], "set_printoptions(): argument 'threshold'");
        PrintOptions.set(PrintOptions.current().with(precision(v[0]), threshold,
                clampedInt(v[2], "edgeitems"), clampedInt(v[3], "linewidth"),
                v[4] == PyNone.NONE ? null : Values.str(v[4]), v[5] == PyNone.NONE ? null : Values.truthy(v[5])));
        return PyNone.NONE;
    }

    /** A precision as torch keeps it (any int): 2**63 and more saturate, to fail as Python's format does. */
    private static Long precision(Object v) {
        if (v == PyNone.NONE) {
            return null;
        }
        BigInteger p = Ints.big(integerArgument(v, "precision"));
        return p.bitLength() < 64 ? p.longValue() : p.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    /**
     * edgeitems or linewidth as torch keeps it (any int); beyond 2**30 either way a tensor gradviz can hold prints
     * the same, so the value is clamped there.
     */
    private static Integer clampedInt(Object v, String name) {
        if (v == PyNone.NONE) {
            return null;
        }
        BigInteger n = Ints.big(integerArgument(v, name));
        return n.max(BigInteger.valueOf(-LARGEST_PRINT_COUNT)).min(BigInteger.valueOf(LARGEST_PRINT_COUNT)).intValue();
    }

    private static final int LARGEST_PRINT_COUNT = 1 << 30;

    private static Object integerArgument(Object v, String name) {
        if (!Values.isInteger(v)) {
            throw PyError.type("set_printoptions(): argument '" + name + "' must be int, not " + Values.typeName(v));
        }
        return v;
    }

    /** {@code torch.randperm(n)}: int64 unless dtype= says. */
    private static Tensor randperm(Args a) {
        a.accept(1, "n", "generator", "dtype", "device", "requires_grad");
        long n = a.integer(0, "n");
        DType d = a.dtype(-1, "dtype");
        DType dtype = d == null ? DType.INT64 : d;
        Shape shape = TensorFactory.shape(new Args("randperm", List.of(new PyTuple(List.of(n))), Map.of()), dtype);
        long[] order = PyGenerator.of(a, "randperm").randperm(shape.numel());
        double[] values = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            values[i] = order[i];
        }
        return TensorFactory.finish(Tensor.fromData(shape, dtype, dtype.roundAll(values)), a, -1);
    }

    /**
     * {@code torch.normal(mean, std, size)} with numbers for mean and std: {@code Tensor.normal_} on a new tensor.
     * The forms with tensors of means or deviations are refused.
     */
    private static Tensor normal(Args a) {
        a.accept(3, "mean", "std", "size", "generator", "dtype", "device", "requires_grad");
        if (a.get(0, "mean", null) instanceof Tensor || a.get(1, "std", null) instanceof Tensor) {
            throw new Unsupported("'torch.normal' with a tensor of means or deviations");
        }
        if (!a.has(2, "size")) {
            throw new Unsupported("'torch.normal' without size=");
        }
        DType d = dtypeOrDefault(a);
        Shape shape = TensorFactory.shape(new Args("normal", List.of(a.get(2, "size")), Map.of()), d);
        double[] values = PyGenerator.of(a, "normal").normal(shape.numel(), a.number(0, "mean"), a.number(1, "std"), d);
        return TensorFactory.finish(Tensor.fromData(shape, d, values), a, -1);
    }

    /** {@code collections}: only {@code OrderedDict}, which {@code nn.Sequential} takes to name its layers. */
    private static Map<String, Object> collections() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "OrderedDict", a -> TypeBuiltins.filled(PyDict.orderedDict(), "OrderedDict", a));
        return m;
    }

    /** {@code torch.cuda}: no GPU here, as on a machine without one. */
    private static Map<String, Object> cuda() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "is_available", a -> false);
        put(m, "device_count", a -> 0L);
        return m;
    }

    /** The document ops of {@code torch.nn.functional}, from the op table. */
    private static Map<String, Object> functional() {
        Map<String, Object> m = new LinkedHashMap<>();
        TableOps.functional().forEach((name, f) -> m.put(name, new Builtin(name, f)));
        return m;
    }

    private static Map<String, Object> warnings(Runnable ignoreWarnings) {
        Map<String, Object> m = new LinkedHashMap<>();
        PyCallable filter = a -> {
            if (a.size() > 0 && "ignore".equals(a.positional().get(0))) {
                ignoreWarnings.run();
            }
            return PyNone.NONE;
        };
        put(m, "filterwarnings", filter);
        put(m, "simplefilter", filter);
        return m;
    }
}
