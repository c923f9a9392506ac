package dev.multisession.benchmarks.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.benchmarks.fixture.BindingMapper;
import dev.multisession.benchmarks.kinds.HandWrittenKindCodec;
import dev.multisession.benchmarks.kinds.KindOrder;
import dev.multisession.benchmarks.kinds.KindOrders;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Export, init and apply of a {@link KindOrder} — one field of every kind the codec supports:
 * UUID, an enum, every {@code java.time} type, a map, a set, a list, a Jackson-bound value, a
 * nested model and a list of models — three ways, as {@link CodecBenchmark} does for the
 * restaurant order: the generated codec, Jackson data binding and {@link HandWrittenKindCodec}.
 * Each apply alternates between two versions (a line's quantity, the guest's visits, a tag and
 * the course differ), so every call changes something.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class KindCodecBenchmark {

    @Param("10")
    public int lines;

    private final MultiSessionCodec<KindOrder> codec = MultiSessionCodecs.forClass(KindOrder.class);
    private final ObjectMapper mapper = BindingMapper.mapper();

    private KindOrder order;
    private ObjectNode generatedJson;
    private ObjectNode generatedEdited;
    private JsonNode bindingJson;
    private JsonNode bindingEdited;
    private KindOrder generatedTarget;
    private KindOrder bindingTarget;
    private KindOrder handWrittenTarget;
    private boolean generatedFlip;
    private boolean bindingFlip;
    private boolean handWrittenFlip;

    @Setup
    public void setUp() {
        order = KindOrders.withLines(lines);
        generatedJson = codec.exportAsJson(order);
        bindingJson = mapper.valueToTree(order);
        KindOrder edited = KindOrders.edited(KindOrders.withLines(lines));
        generatedEdited = codec.exportAsJson(edited);
        bindingEdited = mapper.valueToTree(edited);
        generatedTarget = KindOrders.withLines(lines);
        bindingTarget = KindOrders.withLines(lines);
        handWrittenTarget = KindOrders.withLines(lines);
    }

    @Benchmark
    public ObjectNode exportGenerated() {
        return codec.exportAsJson(order);
    }

    @Benchmark
    public JsonNode exportDataBinding() {
        return mapper.valueToTree(order);
    }

    @Benchmark
    public ObjectNode exportHandWritten() {
        return HandWrittenKindCodec.export(order);
    }

    @Benchmark
    public KindOrder initGenerated() {
        KindOrder fresh = codec.newInstance();
        codec.initFromJson(fresh, generatedJson);
        return fresh;
    }

    @Benchmark
    public KindOrder initDataBinding() throws IOException {
        return mapper.treeToValue(bindingJson, KindOrder.class);
    }

    @Benchmark
    public KindOrder initHandWritten() {
        KindOrder fresh = new KindOrder();
        HandWrittenKindCodec.init(fresh, generatedJson);
        return fresh;
    }

    @Benchmark
    public Set<String> applyGenerated() {
        generatedFlip = !generatedFlip;
        return codec.applyMsData(generatedTarget, generatedFlip ? generatedEdited : generatedJson);
    }

    @Benchmark
    public KindOrder applyDataBinding() throws IOException {
        bindingFlip = !bindingFlip;
        return mapper.readerForUpdating(bindingTarget).readValue(bindingFlip ? bindingEdited : bindingJson);
    }

    @Benchmark
    public Set<String> applyHandWritten() {
        handWrittenFlip = !handWrittenFlip;
        return HandWrittenKindCodec.apply(handWrittenTarget, handWrittenFlip ? generatedEdited : generatedJson);
    }
}
