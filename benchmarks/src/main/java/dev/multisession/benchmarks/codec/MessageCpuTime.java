package dev.multisession.benchmarks.codec;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import dev.multisession.runtime.json.JsonMappers;
import dev.multisession.runtime.protocol.Author;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Encoding and decoding a typical hub event (an order edit: one {@code add} on a line's
 * quantity, by a user at a time) in the measuring thread's CPU time, as {@link CodecCpuTime}
 * measures the codecs: the protocol mapper as it is, and a copy of it on which JavaTimeModule's
 * own {@code Instant} serializer and deserializer are registered last (the mapper before instants
 * were written and read through the ISO texts), interleaved round after round in one JVM, and
 * {@link MessageCodec}'s own {@code encode} and {@code decodeHub} as the terminals and the hub
 * call them. The median of the measured rounds is reported.
 */
@Command(name = "MessageCpuTime", mixinStandardHelpOptions = true,
        description = "Encode/decode of a hub change event in thread CPU time, JavaTimeModule's instants vs ISO texts.")
public final class MessageCpuTime implements Callable<Integer> {

    @Option(names = "--rounds", defaultValue = "30", description = "measured rounds (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup", defaultValue = "20", description = "rounds before measuring (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--ops", defaultValue = "5000", description = "operations per round and kind (default ${DEFAULT-VALUE})")
    int ops;

    /** Distinct events, so that neither the times nor the texts are one constant. */
    private static final int EVENTS = 256;

    /** Keeps results reachable so the JIT cannot drop the work. */
    private static volatile Object sink;

    private MessageCpuTime() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new MessageCpuTime()).execute(args));
    }

    private interface Operation {
        Object run(int i) throws Exception;
    }

    @Override
    public Integer call() throws Exception {
        JsonMapper iso = JsonMappers.protocol();
        JsonMapper javaTime = iso.copy();
        javaTime.registerModule(new SimpleModule("java-time-instants")
                .addSerializer(Instant.class, InstantSerializer.INSTANCE)
                .addDeserializer(Instant.class, InstantDeserializer.INSTANT));
        MessageCodec codec = MessageCodec.instance();
        HubMessage.Change[] events = events();
        String[] texts = Arrays.stream(events).map(codec::encode).toArray(String[]::new);

        Map<String, Operation> operations = new LinkedHashMap<>();
        ObjectWriter javaTimeWriter = javaTime.writer();
        ObjectWriter isoWriter = iso.writer();
        ObjectReader javaTimeReader = javaTime.readerFor(HubMessage.class);
        ObjectReader isoReader = iso.readerFor(HubMessage.class);
        // a new event object each time: MessageCodec.encode gives an object it has just encoded its old text
        operations.put("encode JavaTimeModule", i -> javaTimeWriter.writeValueAsString(fresh(events, i)));
        operations.put("encode ISO texts", i -> isoWriter.writeValueAsString(fresh(events, i)));
        operations.put("decode JavaTimeModule", i -> javaTimeReader.readValue(iso.readTree(texts[i % EVENTS])));
        operations.put("decode ISO texts", i -> isoReader.readValue(iso.readTree(texts[i % EVENTS])));
        operations.put("MessageCodec.encode", i -> codec.encode(fresh(events, i)));
        operations.put("MessageCodec.decodeHub", i -> codec.decodeHub(texts[i % EVENTS]));

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, double[]> nanosPerOp = new LinkedHashMap<>();
        operations.keySet().forEach(name -> nanosPerOp.put(name, new double[rounds]));
        for (int round = 0; round < warmup + rounds; round++) {
            for (Map.Entry<String, Operation> operation : operations.entrySet()) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < ops; i++) {
                    sink = operation.getValue().run(i);
                }
                long cpu = threads.getCurrentThreadCpuTime() - start;
                if (round >= warmup) {
                    nanosPerOp.get(operation.getKey())[round - warmup] = cpu / (double) ops;
                }
            }
        }
        System.out.println("| operation | µs (median of " + rounds + " rounds) |");
        System.out.println("|---|---:|");
        nanosPerOp.forEach((name, nanos) -> System.out.println(
                String.format(Locale.ROOT, "| %s | %.2f |", name, median(nanos) / 1000)));
        System.out.println(String.format(Locale.ROOT, "| encode, JavaTimeModule / ISO texts | %.2f× |",
                median(nanosPerOp.get("encode JavaTimeModule")) / median(nanosPerOp.get("encode ISO texts"))));
        System.out.println(String.format(Locale.ROOT, "| decode, JavaTimeModule / ISO texts | %.2f× |",
                median(nanosPerOp.get("decode JavaTimeModule")) / median(nanosPerOp.get("decode ISO texts"))));
        return 0;
    }

    /** Changes to a line's quantity by one of a few users, at times a microsecond apart or more. */
    private static HubMessage.Change[] events() {
        Random random = new Random(5);
        Instant start = Instant.parse("2026-12-03T16:00:00Z");
        HubMessage.Change[] events = new HubMessage.Change[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            Op add = new Op.Add(List.of(PathStep.key("lines"),
                    PathStep.element("uid", TextNode.valueOf("3f2a9c1e-" + (1000 + random.nextInt(9000)))),
                    PathStep.key("qty")), IntNode.valueOf(1 + random.nextInt(3)));
            Instant time = start.plusNanos(random.nextInt(2_000_000_000) * 1000L);
            events[i] = new HubMessage.Change(10_000 + i, 1, "order-" + random.nextInt(50), 3 + i, 100 + i,
                    new Author("till-" + random.nextInt(20), "user-" + random.nextInt(8), time),
                    5_000 + i, List.of(add), 1 + random.nextInt(1 << 30));
        }
        return events;
    }

    private static HubMessage.Change fresh(HubMessage.Change[] events, int i) {
        HubMessage.Change e = events[i % EVENTS];
        return new HubMessage.Change(e.seq(), e.runId(), e.order(), e.revision(), e.number(), e.author(),
                e.mutationId(), e.ops(), e.tag());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
