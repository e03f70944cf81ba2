package org.gradviz.engine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.DType;

/**
 * The cases of {@code fixtures/nn/nn.json}, recorded from real PyTorch 1.13 by {@code make_nn_fixtures.py}: values
 * are IEEE bit patterns (8 hex digits for float32, 16 for float64).
 */
public final class NnFixtures {
    private static Map<String, Object> file;

    private NnFixtures() {
    }

    @SuppressWarnings("unchecked")
    public static synchronized List<Map<String, Object>> cases(String kind) {
        if (file == null) {
            try (InputStream in = NnFixtures.class.getResourceAsStream("/fixtures/nn/nn.json")) {
                file = (Map<String, Object>) MiniJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return (List<Map<String, Object>>) file.get(kind);
    }

    public static DType dtype(Map<String, Object> c) {
        return "float64".equals(c.get("dtype")) ? DType.FLOAT64 : DType.FLOAT32;
    }

    /** The values of a list of bit patterns. */
    @SuppressWarnings("unchecked")
    public static double[] values(Object bits) {
        List<String> list = (List<String>) bits;
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            String b = list.get(i);
            out[i] = b.length() == 8 ? Float.intBitsToFloat(Integer.parseUnsignedInt(b, 16))
                    : Double.longBitsToDouble(Long.parseUnsignedLong(b, 16));
        }
        return out;
    }

    public static int integer(Map<String, Object> c, String key) {
        return ((Number) c.get(key)).intValue();
    }
}
