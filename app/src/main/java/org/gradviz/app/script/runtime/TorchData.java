package org.gradviz.app.script.runtime;

import static org.gradviz.app.script.runtime.NnModule.method;
import static org.gradviz.app.script.runtime.NnModule.self;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Joining;
import org.gradviz.engine.random.TorchGenerator;

/**
 * {@code torch.utils.data} as torch 1.13 runs it in one process: {@code Dataset} (a base class for the program's own),
 * {@code TensorDataset}, {@code Subset}, {@code random_split} and {@code DataLoader} with {@code batch_size},
 * {@code shuffle}, {@code drop_last} and {@code generator}, batches made by {@code default_collate}.
 *
 * <p>Random numbers as torch draws them: each pass over a loader ({@code iter(loader)}) first takes a base seed for
 * its (here absent) workers from the loader's generator (or the global one): one {@code random64()}. A shuffling pass
 * without a generator then seeds a new generator with another {@code random64()} mod 2^63 of the global one and
 * shuffles with its {@code randperm(n)}; with a generator, it shuffles with that one and, at the end of the pass,
 * calls {@code randperm(n)} once more (RandomSampler's tail for {@code num_samples % n}, which yields nothing). A pass
 * is computed whole when it starts, as every loop here is; the program's own {@code __getitem__} runs then.
 */
final class TorchData {
    private static final Object REQUIRED = Signature.REQUIRED;
    private static final String MODULE = "torch.utils.data";
    static final PyClass DATASET = new PyClass("Dataset", MODULE + ".dataset", ExceptionTypes.OBJECT);
    private static final PyClass TENSOR_DATASET = tensorDataset();
    private static final PyClass SUBSET = subset();
    private static final PyClass DATA_LOADER = dataLoader();

    private TorchData() {
    }

    static PyModule module() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Dataset", DATASET);
        m.put("TensorDataset", TENSOR_DATASET);
        m.put("Subset", SUBSET);
        m.put("DataLoader", DATA_LOADER);
        m.put("random_split", new Builtin("random_split", TorchData::randomSplit));
        m.put("default_collate", new Builtin("default_collate", a -> collate(
                Iteration.items(Signature.of("default_collate", "batch", REQUIRED).bind(a)[0]))));
        return new PyModule(MODULE, m);
    }

    /** Whether {@code dataset[a:b]} is torch's own: a TensorDataset indexes each of its tensors with the slice. */
    static boolean slicesItself(PyInstance dataset) {
        return dataset.cls().isSubclassOf(TENSOR_DATASET) && dataset.cls().lookup("__getitem__") instanceof Builtin;
    }

    // ----- datasets

    private static PyClass tensorDataset() {
        PyClass c = new PyClass("TensorDataset", MODULE + ".dataset", DATASET);
        method(c, "__init__", a -> {
            List<Object> tensors = new ArrayList<>(a.positional().subList(1, a.size()));
            a.accept(a.size());
            for (Object t : tensors) {
                if (!(t instanceof Tensor)) {
                    throw PyError.attribute("'" + Values.typeName(t) + "' object has no attribute 'size'");
                }
            }
            if (tensors.isEmpty()) {
                throw PyError.index("tuple index out of range");
            }
            int n = rows((Tensor) tensors.get(0));
            for (Object t : tensors) {
                if (rows((Tensor) t) != n) {
                    throw new PyError("AssertionError", "Size mismatch between tensors");
                }
            }
            self(a).setOwn("tensors", new PyTuple(tensors));
            return PyNone.NONE;
        });
        method(c, "__getitem__", a -> {
            List<Object> items = new ArrayList<>();
            for (Object t : tuple(self(a), "tensors")) {
                items.add(TensorIndexing.get((Tensor) t, a.positional().get(1)));
            }
            return new PyTuple(items);
        });
        method(c, "__len__", a -> (long) rows((Tensor) tuple(self(a), "tensors").get(0)));
        method(c, "__iter__", a -> byPosition(self(a)));
        return c;
    }

    private static PyClass subset() {
        PyClass c = new PyClass("Subset", MODULE + ".dataset", DATASET);
        method(c, "__init__", a -> {
            Object[] v = Signature.of("Subset.__init__", "self", REQUIRED, "dataset", REQUIRED, "indices", REQUIRED)
                    .bind(a);
            self(a).setOwn("dataset", v[1]);
            self(a).setOwn("indices", v[2]);
            return PyNone.NONE;
        });
        method(c, "__getitem__", a -> {
            PyInstance self = self(a);
            Object index = a.positional().get(1);
            Object indices = self.attribute("indices");
            if (index instanceof List<?> list) {
                List<Object> out = new ArrayList<>();
                for (Object i : list) {
                    out.add(item(self.attribute("dataset"), Subscripts.get(indices, i)));
                }
                return out;
            }
            return item(self.attribute("dataset"), Subscripts.get(indices, index));
        });
        method(c, "__len__", a -> length(self(a).attribute("indices")));
        method(c, "__iter__", a -> byPosition(self(a)));
        return c;
    }

    /** Python's iteration of a class with only {@code __getitem__}: items 0, 1, ... up to its length. */
    private static PyIterator byPosition(PyInstance dataset) {
        List<Object> items = new ArrayList<>();
        long n = length(dataset);
        for (long i = 0; i < n; i++) {
            items.add(item(dataset, i));
        }
        return new PyIterator("iterator", items);
    }

    private static int rows(Tensor t) {
        if (t.dim() == 0) {
            throw PyError.index("tuple index out of range");
        }
        return t.shape().dim(0);
    }

    private static List<?> tuple(PyInstance self, String name) {
        return Values.items(self.attribute(name));
    }

    /** {@code dataset[index]}, by its class's {@code __getitem__} (torch's or the program's). */
    static Object item(Object dataset, Object index) {
        if (dataset instanceof PyInstance i && i.cls().lookup("__getitem__") instanceof Builtin) {
            return Subscripts.get(dataset, index);
        }
        Object own = Dunders.call(dataset, "__getitem__", index);
        if (own != Dunders.NONE_FOUND) {
            return own;
        }
        return Subscripts.get(dataset, index);
    }

    /** {@code len(dataset)}. */
    static long length(Object dataset) {
        if (dataset instanceof PyInstance i && i.cls().lookup("__len__") instanceof Builtin len) {
            return Ints.int64(len.call(new Args("__len__", List.of(i), Map.of())));
        }
        Object own = Dunders.call(dataset, "__len__", null);
        if (own != Dunders.NONE_FOUND) {
            return Ints.int64(own);
        }
        if (dataset instanceof Tensor t) {
            return rows(t);
        }
        if (dataset instanceof PyInstance) {
            throw PyError.type("object of type '" + Values.typeName(dataset) + "' has no len()");
        }
        return Iteration.items(dataset).size();
    }

    /**
     * {@code random_split(dataset, lengths, generator)}: a randperm of the total length, cut into consecutive
     * Subsets (lengths may be fractions summing to 1, the remainder handed out one by one from the first).
     */
    private static Object randomSplit(Args a) {
        Object[] v = Signature.of("random_split", "dataset", REQUIRED, "lengths", REQUIRED, "generator",
                PyNone.NONE).bind(a);
        long n = length(v[0]);
        List<Object> given = Iteration.items(v[1]);
        List<Long> lengths = new ArrayList<>();
        double total = 0;
        boolean fractions = true;
        for (Object x : given) {
            total += Values.toDouble(x, "lengths");
            fractions &= x instanceof Double || Values.isInteger(x) && Ints.int64(x) <= 1;
        }
        if (Math.abs(total - 1) < 1e-9 && fractions && total != n) {
            for (Object x : given) {
                double frac = Values.toDouble(x, "lengths");
                if (frac < 0 || frac > 1) {
                    throw PyError.value("Fraction at index " + lengths.size() + " is not between 0 and 1");
                }
                lengths.add((long) Math.floor(n * frac));
            }
            long remainder = n - lengths.stream().mapToLong(Long::longValue).sum();
            for (int i = 0; i < remainder; i++) {
                int at = i % lengths.size();
                lengths.set(at, lengths.get(at) + 1);
            }
        } else {
            for (Object x : given) {
                lengths.add(Values.toIndex(x, "lengths"));
            }
        }
        if (lengths.stream().mapToLong(Long::longValue).sum() != n) {
            throw PyError.value("Sum of input lengths does not equal the length of the input dataset!");
        }
        TorchGenerator g = v[2] == PyNone.NONE ? TorchGenerator.defaultGenerator()
                : PyGenerator.of(new Args("random_split", List.of(), Map.of("generator", v[2])), "random_split");
        long[] perm = g.randperm((int) n);
        List<Object> out = new ArrayList<>();
        int offset = 0;
        for (long length : lengths) {
            List<Object> indices = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                indices.add(perm[offset + i]);
            }
            offset += (int) length;
            out.add(SUBSET.call(new Args("Subset", List.of(v[0], indices), Map.of())));
        }
        return out;
    }

    // ----- DataLoader

    private static PyClass dataLoader() {
        PyClass c = new PyClass("DataLoader", MODULE + ".dataloader", ExceptionTypes.OBJECT);
        Signature init = Signature.keywordOnlyAfter("DataLoader.__init__", 14, "self", REQUIRED, "dataset",
                REQUIRED, "batch_size", 1L, "shuffle", PyNone.NONE, "sampler", PyNone.NONE, "batch_sampler",
                PyNone.NONE, "num_workers", 0L, "collate_fn", PyNone.NONE, "pin_memory", false, "drop_last", false,
                "timeout", 0L, "worker_init_fn", PyNone.NONE, "multiprocessing_context", PyNone.NONE, "generator",
                PyNone.NONE, "prefetch_factor", 2L, "persistent_workers", false, "pin_memory_device", "");
        method(c, "__init__", a -> {
            Object[] v = init.bind(a);
            for (int i : new int[] {4, 5, 11}) {
                if (v[i] != PyNone.NONE) {
                    throw new Unsupported("'DataLoader(" + init.names().get(i) + "=...)'");
                }
            }
            if (!Long.valueOf(0).equals(v[6]) && !Values.isInteger(v[6])) {
                throw PyError.type("'<' not supported between instances of '" + Values.typeName(v[6]) + "' and 'int'");
            }
            if (Ints.int64(v[6]) < 0) {
                throw PyError.value("num_workers option should be non-negative; use num_workers=0 to disable "
                        + "multiprocessing.");
            }
            if (v[2] != PyNone.NONE && (!Values.isInteger(v[2]) || Ints.int64(v[2]) <= 0)) {
                throw PyError.value("batch_size should be a positive integer value, but got batch_size="
                        + Values.str(v[2]));
            }
            if (v[13] != PyNone.NONE && !(v[13] instanceof PyGenerator)) {
                throw new Unsupported("'DataLoader(generator=" + Values.typeName(v[13]) + ")'");
            }
            PyInstance self = self(a);
            self.setOwn("dataset", v[1]);
            self.setOwn("batch_size", v[2]);
            self.setOwn("shuffle", v[3]);
            self.setOwn("num_workers", v[6]);
            self.setOwn("collate_fn", v[7]);
            self.setOwn("drop_last", Values.truthy(v[9]));
            self.setOwn("generator", v[13]);
            return PyNone.NONE;
        });
        method(c, "__len__", a -> {
            PyInstance self = self(a);
            long n = length(self.attribute("dataset"));
            Object batchSize = self.attribute("batch_size");
            if (batchSize == PyNone.NONE) {
                return n;
            }
            long bs = Ints.int64(batchSize);
            return Values.truthy(self.attribute("drop_last")) ? n / bs : (n + bs - 1) / bs;
        });
        method(c, "__iter__", a -> new PyIterator("_SingleProcessDataLoaderIter", batches(self(a))));
        return c;
    }

    /** One pass over the loader: its batches, drawing random numbers as torch's iterator and sampler do. */
    private static List<Object> batches(PyInstance loader) {
        Object dataset = loader.attribute("dataset");
        Object given = loader.attribute("generator");
        TorchGenerator own = given == PyNone.NONE ? null
                : PyGenerator.of(new Args("DataLoader", List.of(), Map.of("generator", given)), "DataLoader");
        TorchGenerator seeds = own != null ? own : TorchGenerator.defaultGenerator();
        seeds.random64();
        int n = (int) length(dataset);
        long[] order;
        if (Values.truthy(loader.attribute("shuffle"))) {
            TorchGenerator shuffler = own != null ? own
                    : new TorchGenerator(TorchGenerator.defaultGenerator().random64() & Long.MAX_VALUE);
            order = shuffler.randperm(n);
        } else {
            order = new long[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
        }
        Object batchSize = loader.attribute("batch_size");
        Object collateFn = loader.attribute("collate_fn");
        List<Object> out = new ArrayList<>();
        if (batchSize == PyNone.NONE) {
            for (long i : order) {
                out.add(item(dataset, i));
            }
        } else {
            int bs = (int) Ints.int64(batchSize);
            boolean dropLast = Values.truthy(loader.attribute("drop_last"));
            for (int start = 0; start < n; start += bs) {
                int end = Math.min(n, start + bs);
                if (dropLast && end - start < bs) {
                    break;
                }
                List<Object> samples = new ArrayList<>();
                for (int i = start; i < end; i++) {
                    samples.add(item(dataset, order[i]));
                }
                out.add(collateFn == PyNone.NONE ? collate(samples)
                        : ((PyCallable) collateFn).call(new Args("collate_fn", List.of(samples), Map.of())));
            }
        }
        if (own != null && Values.truthy(loader.attribute("shuffle"))) {
            // NOTE: RandomSampler's tail, randperm(n)[:num_samples % n], runs when the pass ends and yields nothing
            own.randperm(n);
        }
        return out;
    }

    /** {@code default_collate(batch)}: tensors stacked, numbers made tensors, tuples and lists and dicts by item. */
    static Object collate(List<Object> batch) {
        if (batch.isEmpty()) {
            throw PyError.index("list index out of range");
        }
        Object elem = batch.get(0);
        if (elem instanceof Tensor) {
            List<Tensor> tensors = new ArrayList<>();
            for (Object t : batch) {
                tensors.add((Tensor) t);
            }
            return Joining.stack(tensors, 0);
        }
        if (elem instanceof Double) {
            return TensorFactory.fromData(batch, DType.FLOAT64);
        }
        if (Values.isInteger(elem)) {
            return TensorFactory.fromData(batch, null);
        }
        if (elem instanceof String) {
            return new ArrayList<>(batch);
        }
        if (elem instanceof PyDict d) {
            PyDict out = d.emptyLike();
            for (Object key : d.keys()) {
                List<Object> column = new ArrayList<>();
                for (Object x : batch) {
                    column.add(((PyDict) x).item(key));
                }
                out.put(key, collate(column));
            }
            return out;
        }
        if (elem instanceof PyTuple || elem instanceof List<?>) {
            int size = Values.items(elem).size();
            for (Object x : batch) {
                if (Values.items(x).size() != size) {
                    throw new PyError("RuntimeError", "each element in list of batch should be of equal size");
                }
            }
            List<Object> out = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                List<Object> column = new ArrayList<>();
                for (Object x : batch) {
                    column.add(Values.items(x).get(k));
                }
                out.add(collate(column));
            }
            return out;
        }
        throw new Unsupported("'default_collate' of a " + Values.typeName(elem));
    }
}
