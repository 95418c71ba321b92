package org.datastamp.detector.dectris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;

import org.datastamp.detector.api.Frame;
import org.datastamp.detector.dectris.simulator.ChunkEncoder;
import org.datastamp.detector.dectris.simulator.PixelPattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Bad messages sent with a bare JeroMQ PUSH socket, between good ones: each is rejected with its problem counted,
 * the series goes on, and the good frames arrive in order.
 */
class MalformedMessagesTest {

    private static final int W = 24;
    private static final int H = 10;

    private ZContext context;
    private ZMQ.Socket push;
    private String endpoint;

    @BeforeEach
    void bind() {
        context = new ZContext(1);
        push = context.createSocket(SocketType.PUSH);
        push.setLinger(1000);
        push.bind("tcp://127.0.0.1:*");
        endpoint = push.getLastEndpoint();
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void streamV1BadMessagesAreCountedAndTheSeriesGoesOn() throws Exception {
        DectrisStreamDetector detector = StreamTesting.receiver(endpoint, ProtocolVersion.V1, 5000);
        Future<?> sent = StreamTesting.inBackground(() -> {
            send(json("{\"htype\":\"dheader-1.0\",\"series\":3,\"header_detail\":\"none\"}"));
            send(v1Image(3, 0, "<", raw(0), raw(0).length));
            send(json("{\"htype\":\"dimage-1.0\", \"series\": 3, \"frame\""));                 // not JSON
            send(v1Image(3, 1, "zstd<", raw(1), raw(1).length));                               // unknown encoding
            send(v1Image(3, 1, "<", java.util.Arrays.copyOf(raw(1), 100), raw(1).length));     // truncated data
            send(v1Image(3, 1, "<", raw(1), raw(1).length));
            send(v1Image(3, 0, "<", raw(0), raw(0).length));                                   // out of order
            send(v1Image(99, 2, "<", raw(2), raw(2).length));                                  // another series
            send(json("{\"htype\":\"dpixelmask-1.0\",\"series\":3}"));                          // wrong htype
            send(v1Image(3, 2, "lz4<", new ChunkEncoder().lz4Block(raw(2)), -1));
            send(json("{\"htype\":\"dseries_end-1.0\",\"series\":3}"));
            return null;
        });
        StreamTesting.Collected got = new StreamTesting.Collected();

        SeriesReport report = detector.receiveSeries(3, got::accept);
        sent.get(5, TimeUnit.SECONDS);
        detector.close();

        assertEquals(List.of(0L, 1L, 2L), got.indices());
        for (Frame f : got.frames) {
            StreamTesting.assertPattern(f, 16);
        }
        assertEquals(Map.of(Problem.MALFORMED, 1L, Problem.UNKNOWN_ENCODING, 1L, Problem.SIZE_MISMATCH, 1L,
                Problem.OUT_OF_ORDER, 1L, Problem.WRONG_SERIES, 1L, Problem.UNKNOWN_MESSAGE_TYPE, 1L),
                report.rejected());
        assertEquals(0, report.dropped());
        assertTrue(report.endReceived());
    }

    @Test
    void streamV2BadMessagesAreCountedAndTheSeriesGoesOn() throws Exception {
        DectrisStreamDetector detector = StreamTesting.receiver(endpoint, ProtocolVersion.V2, 5000);
        ChunkEncoder encoder = new ChunkEncoder();
        byte[] chunk1 = encoder.bslz4Chunk(raw(1), 2);
        Future<?> sent = StreamTesting.inBackground(() -> {
            send(List.of(v2Start(5)));
            send(List.of(v2Image(5, 0, "bslz4", encoder.bslz4Chunk(raw(0), 2))));
            send(List.of(new byte[] {(byte) 0xd9, (byte) 0xd9, (byte) 0xf7, (byte) 0xbf, 0x61}));     // broken CBOR
            send(List.of(v2Image(5, 1, "zstd", chunk1)));                                        // unknown compression
            send(List.of(v2Image(5, 1, "bslz4", java.util.Arrays.copyOf(chunk1, chunk1.length - 3)))); // truncated
            send(json("{\"htype\":\"dimage-1.0\",\"series\":5,\"frame\":1}"));                   // a v1 message
            send(List.of(v2Image(5, 1, "bslz4", chunk1)));
            send(List.of(v2Image(5, 3, "lz4", encoder.lz4Chunk(raw(3)))));                       // 2 never comes
            send(List.of(v2Image(5, 2, "lz4", encoder.lz4Chunk(raw(2)))));                       // too late
            send(List.of(v2End(5)));
            return null;
        });
        StreamTesting.Collected got = new StreamTesting.Collected();

        SeriesReport report = detector.receiveSeries(4, got::accept);
        sent.get(5, TimeUnit.SECONDS);
        detector.close();

        assertEquals(List.of(0L, 1L, 3L), got.indices());
        for (Frame f : got.frames) {
            StreamTesting.assertPattern(f, 16);
        }
        assertEquals(Map.of(Problem.MALFORMED, 1L, Problem.UNKNOWN_ENCODING, 1L, Problem.SIZE_MISMATCH, 1L,
                Problem.WRONG_PROTOCOL, 1L, Problem.OUT_OF_ORDER, 1L), report.rejected());
        assertEquals(1, report.skipped());
        assertEquals(1, report.dropped(), "frame 2 of 4 is missing");
    }

    private void send(List<byte[]> parts) {
        for (int i = 0; i < parts.size(); i++) {
            push.send(parts.get(i), i < parts.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    private static byte[] raw(long frame) {
        return PixelPattern.render(frame, W, H, 16);
    }

    private static List<byte[]> json(String s) {
        return List.of(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A v1 image; {@code size} -1 states the blob's real size. */
    private static List<byte[]> v1Image(long series, long frame, String encoding, byte[] blob, long size) {
        String d = "{\"htype\":\"dimage_d-1.0\",\"shape\":[" + W + "," + H + "],\"type\":\"uint16\",\"encoding\":\""
                + encoding + "\",\"size\":" + (size < 0 ? blob.length : size) + "}";
        return List.of(("{\"htype\":\"dimage-1.0\",\"series\":" + series + ",\"frame\":" + frame + ",\"hash\":\"\"}")
                .getBytes(StandardCharsets.UTF_8), d.getBytes(StandardCharsets.UTF_8), blob,
                "{\"htype\":\"dconfig-1.0\",\"start_time\":0,\"stop_time\":0,\"real_time\":0}"
                        .getBytes(StandardCharsets.UTF_8));
    }

    private interface Body {
        void write(CBORGenerator g) throws Exception;
    }

    private static byte[] cbor(Body body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = new CBORFactory().createGenerator(out)) {
            g.writeTag(55799);
            body.write(g);
        }
        return out.toByteArray();
    }

    private static byte[] v2Start(long series) throws Exception {
        return cbor(g -> {
            g.writeStartObject();
            g.writeStringField("type", "start");
            g.writeNumberField("series_id", series);
            g.writeStringField("image_dtype", "uint16");
            g.writeNumberField("image_size_x", W);
            g.writeNumberField("image_size_y", H);
            g.writeNumberField("number_of_images", 4);
            g.writeEndObject();
        });
    }

    private static byte[] v2Image(long series, long id, String algorithm, byte[] chunk) throws Exception {
        return cbor(g -> {
            g.writeStartObject();
            g.writeStringField("type", "image");
            g.writeNumberField("series_id", series);
            g.writeNumberField("image_id", id);
            g.writeFieldName("data");
            g.writeStartObject();
            g.writeFieldName("threshold_1");
            g.writeTag(40);
            g.writeStartArray();
            g.writeStartArray();
            g.writeNumber(H);
            g.writeNumber(W);
            g.writeEndArray();
            g.writeTag(69);
            g.writeTag(56500);
            g.writeStartArray();
            g.writeString(algorithm);
            g.writeNumber(algorithm.equals("lz4") ? 0 : 2);
            g.writeBinary(chunk);
            g.writeEndArray();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static byte[] v2End(long series) throws Exception {
        return cbor(g -> {
            g.writeStartObject();
            g.writeStringField("type", "end");
            g.writeNumberField("series_id", series);
            g.writeEndObject();
        });
    }
}
