package dev.multisession.benchmarks.schema;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.benchmarks.fixture.RestaurantOrders;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import dev.multisession.runtime.merge.MergeEngine;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.OrderLimits;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.schema.OpChecks;
import dev.multisession.runtime.schema.SessionSchema;
import dev.multisession.runtime.schema.UnknownKeys;
import dev.multisession.sample.restaurant.RestaurantOrder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The checks a bound hub adds to each operation, on the operation {@code HubCapacity} feeds (+1
 * on a line of a 10-line restaurant order): the model check ({@link OpChecks}), the order's
 * bounds ({@link OrderLimits}, once per mutation), and for scale the merge of the same
 * operation, which the hub does with or without a model.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OpChecksBenchmark {

    private final OpChecks checks = OpChecks.against(SessionSchema.forModel(RestaurantOrder.class), UnknownKeys.REFUSE);
    private ObjectNode order;
    private Op add;

    @Setup
    public void setUp() {
        order = MultiSessionCodecs.forClass(RestaurantOrder.class).exportAsJson(RestaurantOrders.withLines(10));
        String line = order.get("lines").get(5).get("uid").asText();
        add = new Op.Add(List.of(PathStep.key("lines"), PathStep.element("uid", TextNode.valueOf(line)),
                PathStep.key("qty")), IntNode.valueOf(1));
    }

    @Benchmark
    public String modelCheck() {
        return checks.check(order, add);
    }

    @Benchmark
    public String orderLimits() {
        return OrderLimits.DEFAULT.check(order);
    }

    @Benchmark
    public Object mergeOnACopy() {
        // the hub merges into a copy of the order: the copy is part of the cost it pays anyway
        ObjectNode copy = order.deepCopy();
        return MergeEngine.instance().apply(copy, add);
    }
}
