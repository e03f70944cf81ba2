package org.gradviz.engine.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.gradviz.engine.testing.MiniJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import org.gradviz.engine.DType;
import org.gradviz.engine.TorchException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays torch.manual_seed / randn / rand sequences recorded from real PyTorch 1.13
 * (the golden "rng" section and fixtures/rng.json, made by make_rng_fixtures.py)
 * and compares IEEE bit patterns; float64 randn in bulk (fixtures/randn64.txt, made by
 * make_randn64_fixtures.py: 300,000 normals as CRC32s of runs of 1,000) as well, since
 * PyTorch computes it with glibc's log/sin/cos, which round the wrong way in about 0.1% of cases.
 */
class TorchGeneratorTest {
    private static List<Sequence> fixtures;
    private static List<Sequence> golden;
    private static Map<String, Object> fixtureFile;

    /** One torch call and the bits it produced. */
    private record Call(String op, int n, DType dtype, List<String> bits) {
        boolean isBatchedNormal() {
            return op.equals("randn") && n >= NormalFill.BLOCK;
        }
    }

    /** manual_seed(seed), then the calls in order. */
    private record Sequence(String source, long seed, List<Call> calls) {
    }

    /** Where a replayed value differs from torch, and by how many ulps. */
    private record Mismatch(String where, long ulps) {
    }

    @BeforeAll
    static void loadReferenceData() throws IOException {
        fixtureFile = asMap(MiniJson.parse(readFixture()));
        fixtures = new ArrayList<>();
        for (Object s : asList(fixtureFile.get("sequences"))) {
            Map<String, Object> seq = asMap(s);
            fixtures.add(new Sequence("rng.json", (Long) seq.get("seed"), calls(seq.get("calls"))));
        }
        golden = goldenSequences();
    }

    // ---- bit-exact behaviour ----

    @Test
    void randnBelowSixteenElementsMatchesTorchBitForBit() {
        assertBitExact(all(), call -> call.op().equals("randn") && call.n() < NormalFill.BLOCK);
    }

    @Test
    void randnOfSixteenOrMoreFloat32MatchesTheAvx2KernelBitForBit() {
        assertBitExact(all(), call -> call.isBatchedNormal() && call.dtype() == DType.FLOAT32);
    }

    @Test
    void randFloat32KeepsTwentyFourBitsAndMatchesTorchBitForBit() {
        assertBitExact(all(), call -> call.op().equals("rand") && call.dtype() == DType.FLOAT32);
    }

    @Test
    void randFloat64KeepsFiftyThreeBitsAndMatchesTorchBitForBit() {
        assertBitExact(all(), call -> call.op().equals("rand") && call.dtype() == DType.FLOAT64);
    }

    @Test
    void goldenFloat32SequenceForSeedZeroMatchesTorchBitForBit() {
        assertBitExact(golden, call -> call.dtype() == DType.FLOAT32);
    }

    @Test
    void goldenFloat64SequenceForSeedZeroMatchesTorchBitForBit() {
        assertBitExact(golden, call -> call.dtype() == DType.FLOAT64);
    }

    // ---- float64 normals: glibc's log, sin and cos ----

    @Test
    void randnOfSixteenOrMoreFloat64MatchesTorchBitForBit() {
        assertBitExact(all(), call -> call.isBatchedNormal() && call.dtype() == DType.FLOAT64);
    }

    @Test
    void float64RandnInBulkMatchesTorchBitForBit() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int runs = 0;
        TorchGenerator generator = null;
        long seed = 0;
        String[] sizes = null;
        double[] values = null;
        int current = -1;
        for (String line : readResource("/fixtures/randn64.txt").split("\n")) {
            String[] f = line.split(" ");
            if (f[0].equals("seq")) {
                seed = Long.parseLong(f[1]);
                generator = new TorchGenerator(seed);
                sizes = f;
                current = -1;
            } else if (f[0].equals("crc")) {
                int call = Integer.parseInt(f[1]);
                while (current < call) { // draw the calls in order, so the state carries
                    current++;
                    values = generator.randn(Integer.parseInt(sizes[2 + current]), DType.FLOAT64);
                }
                int start = Integer.parseInt(f[2]);
                int end = Integer.parseInt(f[3]);
                ByteBuffer bits = ByteBuffer.allocate(8 * (end - start)).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = start; i < end; i++) {
                    bits.putLong(Double.doubleToLongBits(values[i]));
                }
                CRC32 crc = new CRC32();
                crc.update(bits.array());
                if (crc.getValue() != Long.parseLong(f[4], 16)) {
                    mismatches.add("seed " + seed + " call " + call + " (randn(" + values.length + ")) values "
                            + start + ".." + end);
                }
                runs++;
            }
        }
        assertTrue(runs > 300, runs + " runs");
        assertEquals(List.of(), mismatches);
    }

    // ---- seeding and state ----

    @Test
    void newGeneratorStartsFromPyTorchsDefaultSeed() {
        Map<String, Object> fresh = asMap(fixtureFile.get("new_generator"));
        assertEquals(TorchGenerator.DEFAULT_SEED, (long) (Long) fresh.get("initial_seed"));
        Sequence sequence = new Sequence("rng.json new_generator", TorchGenerator.DEFAULT_SEED, calls(fresh.get("calls")));
        assertEquals(List.of(), replay(List.of(sequence), call -> true));
    }

    @Test
    void defaultGeneratorIsOneSharedInstance() {
        assertSame(TorchGenerator.defaultGenerator(), TorchGenerator.defaultGenerator());
    }

    @Test
    void manualSeedKeepsOnlyTheLow32Bits() {
        TorchGenerator wide = new TorchGenerator(0);
        TorchGenerator narrow = new TorchGenerator(0);
        wide.manualSeed((1L << 40) + 7);
        narrow.manualSeed(7);
        assertArrayEquals(narrow.randn(40, DType.FLOAT32), wide.randn(40, DType.FLOAT32));
    }

    @Test
    void manualSeedForgetsTheCachedSecondNormal() {
        TorchGenerator generator = new TorchGenerator(0);
        double first = generator.randn(1, DType.FLOAT64)[0];
        generator.manualSeed(0);
        assertEquals(first, generator.randn(1, DType.FLOAT64)[0]);
    }

    @Test
    void mersenneTwisterGivesTheCxxStandardCheckValue() {
        // [rand.predef]: the 10000th output of a default-constructed std::mt19937 is 4123659995
        Mt19937 twister = new Mt19937(5489);
        int value = 0;
        for (int i = 0; i < 10000; i++) {
            value = twister.nextInt();
        }
        assertEquals(4123659995L, Integer.toUnsignedLong(value));
    }

    @Test
    void integerDtypesAreRejectedWithTorchsMessage() {
        TorchGenerator generator = new TorchGenerator(0);
        TorchException error = assertThrows(TorchException.class, () -> generator.rand(3, DType.INT64));
        assertEquals("\"check_uniform_bounds\" not implemented for 'Long'", error.getMessage());
    }

    // ---- replay machinery ----

    private static void assertBitExact(List<Sequence> sequences, Predicate<Call> which) {
        long compared = sequences.stream().flatMap(s -> s.calls().stream()).filter(which).count();
        assertTrue(compared > 0, "no reference calls selected");
        assertEquals(List.of(), replay(sequences, which));
    }

    /** Replays each whole sequence (so the generator state is right) and compares the selected calls. */
    private static List<Mismatch> replay(List<Sequence> sequences, Predicate<Call> which) {
        List<Mismatch> mismatches = new ArrayList<>();
        for (Sequence sequence : sequences) {
            TorchGenerator generator = new TorchGenerator(sequence.seed());
            for (int c = 0; c < sequence.calls().size(); c++) {
                Call call = sequence.calls().get(c);
                double[] values = call.op().equals("randn")
                        ? generator.randn(call.n(), call.dtype())
                        : generator.rand(call.n(), call.dtype());
                if (!which.test(call)) {
                    continue;
                }
                for (int i = 0; i < call.n(); i++) {
                    long expected = Long.parseUnsignedLong(call.bits().get(i), 16);
                    long actual = call.dtype() == DType.FLOAT32
                            ? Integer.toUnsignedLong(Float.floatToRawIntBits((float) values[i]))
                            : Double.doubleToRawLongBits(values[i]);
                    if (expected != actual) {
                        String where = String.format("%s seed %d call %d %s(%d, %s)[%d]: torch %s, engine %s",
                                sequence.source(), sequence.seed(), c, call.op(), call.n(), call.dtype().shortName(), i,
                                call.bits().get(i), Long.toHexString(actual));
                        mismatches.add(new Mismatch(where, Math.abs(expected - actual)));
                    }
                }
            }
        }
        return mismatches;
    }

    private static List<Sequence> all() {
        List<Sequence> both = new ArrayList<>(golden);
        both.addAll(fixtures);
        return both;
    }

    private static List<Call> calls(Object json) {
        List<Call> calls = new ArrayList<>();
        for (Object c : asList(json)) {
            Map<String, Object> call = asMap(c);
            calls.add(new Call((String) call.get("op"), ((Long) call.get("n")).intValue(),
                    DType.fromShortName((String) call.get("dtype")), strings(call.get("bits"))));
        }
        return calls;
    }

    /** The golden file's "rng" section: per dtype, seed 0, calls named like "torch.randn(5, 3)". */
    private static List<Sequence> goldenSequences() throws IOException {
        Map<String, Object> rng = asMap(asMap(MiniJson.parse(Files.readString(
                goldenDir().resolve("autograd-cases.json"), StandardCharsets.UTF_8))).get("rng"));
        List<Sequence> sequences = new ArrayList<>();
        for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64)) {
            for (Map.Entry<String, Object> bySeed : asMap(rng.get(dtype.shortName())).entrySet()) {
                List<Call> calls = new ArrayList<>();
                for (Object c : asList(bySeed.getValue())) {
                    Map<String, Object> call = asMap(c);
                    int n = 1;
                    for (Object dim : asList(call.get("shape"))) {
                        n *= ((Long) dim).intValue();
                    }
                    String op = ((String) call.get("call")).startsWith("torch.randn") ? "randn" : "rand";
                    calls.add(new Call(op, n, dtype, strings(call.get("bits"))));
                }
                sequences.add(new Sequence("golden " + dtype.shortName(), Long.parseLong(bySeed.getKey()), calls));
            }
        }
        return sequences;
    }

    private static Path goldenDir() {
        String configured = System.getProperty("gradviz.golden");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "shared", "golden");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("..", "..", "shared", "golden");
        }
        assertTrue(Files.isDirectory(dir), "golden data not found at " + dir.toAbsolutePath()
                + " (set -Dgradviz.golden=<path to shared/golden>)");
        return dir;
    }

    private static String readFixture() throws IOException {
        return readResource("/fixtures/rng.json");
    }

    private static String readResource(String name) throws IOException {
        try (InputStream in = TorchGeneratorTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, name + " missing from test resources (see the make_*.py scripts beside it)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object json) {
        return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object json) {
        return (List<Object>) json;
    }

    private static List<String> strings(Object json) {
        List<String> out = new ArrayList<>();
        for (Object o : asList(json)) {
            out.add((String) o);
        }
        return out;
    }
}
