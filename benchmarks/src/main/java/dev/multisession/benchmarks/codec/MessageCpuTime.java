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
import picocli.CommandLine.Mixin;

/**
 * Encoding and decoding a typical hub event (an order edit: one {@code add} on a line's
 * quantity, by a user at a time) in the measuring thread's CPU time ({@link CpuTimeRounds}): by
 * the protocol mapper as it is, by a copy of it on which JavaTimeModule's own {@code Instant}
 * serializer and deserializer are registered last (the mapper before instants were written and
 * read through the ISO texts), and by {@link MessageCodec}'s own {@code encode} and
 * {@code decodeHub} as the terminals and the hub call them, interleaved in one JVM.
 */
@Command(name = "MessageCpuTime", mixinStandardHelpOptions = true,
        description = "Encode/decode of a hub change event in thread CPU time, JavaTimeModule's instants vs ISO texts.")
public final class MessageCpuTime implements Callable<Integer> {

    @Mixin
    CpuTimeRounds timing;

    /** Distinct events, so that neither the times nor the texts are one constant. */
    private static final int EVENTS = 256;

    /** Which event the next operation takes. */
    private int next;

    private MessageCpuTime() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new MessageCpuTime()).execute(args));
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

        Map<String, CpuTimeRounds.Operation> operations = new LinkedHashMap<>();
        ObjectWriter javaTimeWriter = javaTime.writer();
        ObjectWriter isoWriter = iso.writer();
        ObjectReader javaTimeReader = javaTime.readerFor(HubMessage.class);
        ObjectReader isoReader = iso.readerFor(HubMessage.class);
        operations.put("encode JavaTimeModule", () -> javaTimeWriter.writeValueAsString(fresh(events)));
        operations.put("encode ISO texts", () -> isoWriter.writeValueAsString(fresh(events)));
        operations.put("decode JavaTimeModule", () -> javaTimeReader.readValue(iso.readTree(texts[next()])));
        operations.put("decode ISO texts", () -> isoReader.readValue(iso.readTree(texts[next()])));
        operations.put("MessageCodec.encode", () -> codec.encode(fresh(events)));
        operations.put("MessageCodec.decodeHub", () -> codec.decodeHub(texts[next()]));

        Map<String, Double> nanos = timing.medianNanos(operations);
        System.out.println("| operation | µs (median of " + timing.rounds() + " rounds) |");
        System.out.println("|---|---:|");
        nanos.forEach((name, median) -> System.out.println(String.format(Locale.ROOT, "| %s | %.2f |", name, median / 1000)));
        System.out.println(String.format(Locale.ROOT, "| encode, JavaTimeModule / ISO texts | %.2f× |",
                nanos.get("encode JavaTimeModule") / nanos.get("encode ISO texts")));
        System.out.println(String.format(Locale.ROOT, "| decode, JavaTimeModule / ISO texts | %.2f× |",
                nanos.get("decode JavaTimeModule") / nanos.get("decode ISO texts")));
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

    private int next() {
        next = (next + 1) % EVENTS;
        return next;
    }

    /** A new object for the next event: MessageCodec.encode gives an event it has just encoded its old text. */
    private HubMessage.Change fresh(HubMessage.Change[] events) {
        HubMessage.Change e = events[next()];
        return new HubMessage.Change(e.seq(), e.runId(), e.order(), e.revision(), e.number(), e.author(),
                e.mutationId(), e.ops(), e.tag());
    }
}
