package org.gradviz.app.script.runtime;

import org.gradviz.engine.random.TorchGenerator;

/**
 * {@code torch.Generator()}: a random generator of its own (seeded as torch seeds a new one until
 * {@code manual_seed}), for the {@code generator=} of {@code rand}, {@code randn}, {@code randint}, {@code normal_}
 * and {@code uniform_}.
 */
final class PyGenerator implements HasAttributes {
    private final TorchGenerator generator = new TorchGenerator(TorchGenerator.DEFAULT_SEED);

    /** {@code torch.Generator(device='cpu')}. */
    static Builtin constructor() {
        return new Builtin("Generator", a -> {
            a.accept(1, "device");
            if (a.has(0, "device")) {
                PyDevice.of(a.get(0, "device"));
            }
            return new PyGenerator();
        });
    }

    /** The generator a call's {@code generator=} names (the default one when absent or None). */
    static TorchGenerator of(Args a, String function) {
        Object g = a.keywords().getOrDefault("generator", PyNone.NONE);
        if (g == PyNone.NONE) {
            return TorchGenerator.defaultGenerator();
        }
        if (g instanceof PyGenerator p) {
            return p.generator;
        }
        throw new Unsupported("'" + function + "(generator=" + Values.typeName(g) + ")'");
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "manual_seed" -> new Builtin("manual_seed", a -> {
                generator.manualSeed(GeneratorSeeds.bits(a.accept(1, "seed").get(0, "seed"), "manual_seed(): argument 'seed'"));
                return this;
            });
            case "initial_seed" -> new Builtin("initial_seed", a -> {
                a.accept(0);
                return GeneratorSeeds.unsigned(generator.initialSeed());
            });
            case "device" -> PyDevice.CPU;
            default -> null;
        };
    }

    @Override
    public String typeName() {
        return "torch._C.Generator";
    }

    @Override
    public String toString() {
        return "<torch._C.Generator object at " + Addresses.of(this) + ">";
    }
}
