package dev.multisession.benchmarks.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.benchmarks.fixture.BindingMapper;
import dev.multisession.benchmarks.fixture.HandWrittenOrderCodec;
import dev.multisession.benchmarks.fixture.RestaurantOrders;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import dev.multisession.sample.restaurant.RestaurantOrder;
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
 * Export, init and apply of one restaurant order three ways: the generated codec, Jackson data
 * binding on the same object ({@code valueToTree}, {@code treeToValue},
 * {@code readerForUpdating}) and {@link HandWrittenOrderCodec} on the same tree API.
 *
 * <p>Each apply alternates between two versions of the order (one line's quantity and the guest
 * count differ), so every call changes something, as a remote edit does. Each way reads and
 * writes its own JSON: the generated and hand-written codecs share one format, data binding
 * uses bean property names.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CodecBenchmark {

    @Param("20")
    public int lines;

    private final MultiSessionCodec<RestaurantOrder> codec = MultiSessionCodecs.forClass(RestaurantOrder.class);
    private final ObjectMapper mapper = BindingMapper.mapper();

    private RestaurantOrder order;
    private ObjectNode generatedJson;
    private ObjectNode generatedEdited;
    private JsonNode bindingJson;
    private JsonNode bindingEdited;
    private RestaurantOrder generatedTarget;
    private RestaurantOrder bindingTarget;
    private RestaurantOrder handWrittenTarget;
    private boolean generatedFlip;
    private boolean bindingFlip;
    private boolean handWrittenFlip;

    @Setup
    public void setUp() {
        order = RestaurantOrders.withLines(lines);
        generatedJson = codec.exportAsJson(order);
        bindingJson = mapper.valueToTree(order);
        RestaurantOrder edited = RestaurantOrders.edited(RestaurantOrders.withLines(lines));
        generatedEdited = codec.exportAsJson(edited);
        bindingEdited = mapper.valueToTree(edited);
        generatedTarget = RestaurantOrders.withLines(lines);
        bindingTarget = RestaurantOrders.withLines(lines);
        handWrittenTarget = RestaurantOrders.withLines(lines);
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
        return HandWrittenOrderCodec.export(order);
    }

    @Benchmark
    public RestaurantOrder initGenerated() {
        RestaurantOrder fresh = codec.newInstance();
        codec.initFromJson(fresh, generatedJson);
        return fresh;
    }

    @Benchmark
    public RestaurantOrder initDataBinding() throws IOException {
        return mapper.treeToValue(bindingJson, RestaurantOrder.class);
    }

    @Benchmark
    public RestaurantOrder initHandWritten() {
        RestaurantOrder fresh = new RestaurantOrder();
        HandWrittenOrderCodec.init(fresh, generatedJson);
        return fresh;
    }

    @Benchmark
    public Set<String> applyGenerated() {
        generatedFlip = !generatedFlip;
        return codec.applyMsData(generatedTarget, generatedFlip ? generatedEdited : generatedJson);
    }

    @Benchmark
    public RestaurantOrder applyDataBinding() throws IOException {
        bindingFlip = !bindingFlip;
        return mapper.readerForUpdating(bindingTarget).readValue(bindingFlip ? bindingEdited : bindingJson);
    }

    @Benchmark
    public Set<String> applyHandWritten() {
        handWrittenFlip = !handWrittenFlip;
        return HandWrittenOrderCodec.apply(handWrittenTarget, handWrittenFlip ? generatedEdited : generatedJson);
    }
}
