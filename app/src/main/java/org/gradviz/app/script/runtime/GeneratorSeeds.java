package org.gradviz.app.script.runtime;

import java.math.BigInteger;

/**
 * Seeds as torch's generators take and give them: 64 bits, read from a Python int anywhere in [-2**63, 2**64 - 1]
 * (torch's "Overflow when unpacking long" beyond) and given back unsigned, as {@code initial_seed()} prints them.
 */
final class GeneratorSeeds {
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private GeneratorSeeds() {
    }

    /** The 64 bits of {@code seed}, a Python int. */
    static long bits(Object seed, String what) {
        if (!Values.isInteger(seed)) {
            throw PyError.type(what + " must be int, not " + Values.typeName(seed));
        }
        BigInteger v = Ints.big(seed);
        if (v.compareTo(MIN) < 0 || v.compareTo(MAX) > 0) {
            throw new PyError("RuntimeError", "Overflow when unpacking long");
        }
        return v.longValue();
    }

    /** {@code torch.manual_seed(seed)} reads {@code int(seed)} first: a float, a bool or a str is a seed too. */
    static long bitsOfNumber(Object seed) {
        Object integer = Builtins.intOf(seed instanceof org.gradviz.engine.Tensor t
                ? TensorMembers.item(t, new Args("item", java.util.List.of(), java.util.Map.of())) : seed);
        return bits(integer, "manual_seed(): argument 'seed'");
    }

    /** The seed as torch prints it: unsigned. */
    static Object unsigned(long bits) {
        return bits >= 0 ? (Object) bits : Ints.of(new BigInteger(Long.toUnsignedString(bits)));
    }
}
