import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.datastamp.detector.api.AcquisitionSummary;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.datastamp.detector.dectris.DectrisStreamDetector;
import org.datastamp.detector.dectris.DectrisStreamSettings;
import org.datastamp.detector.dectris.ProtocolVersion;
import org.datastamp.detector.dectris.simulator.Compression;
import org.datastamp.detector.dectris.simulator.SeriesEncoder;
import org.datastamp.detector.dectris.simulator.SimulatorSettings;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Receiver throughput over TCP loopback: the DECTRIS stream detector receiving a series of pre-encoded SIMPLON
 * stream messages, against a baseline of a bare JeroMQ PULL socket receiving the same messages. Both runs send the
 * same bytes from the same pre-encoded list, so the difference is the receiver's decoding and checking.
 * Arguments: frames version width height bits compression runs.
 */
public final class DectrisStreamBench {

    public static void main(String[] args) throws Exception {
        int frames = Integer.parseInt(arg(args, 0, "200"));
        int version = Integer.parseInt(arg(args, 1, "2"));
        int width = Integer.parseInt(arg(args, 2, "2070"));
        int height = Integer.parseInt(arg(args, 3, "2167"));
        int bits = Integer.parseInt(arg(args, 4, "32"));
        Compression compression = Compression.parse(arg(args, 5, "bslz4"));
        int runs = Integer.parseInt(arg(args, 6, "3"));

        SimulatorSettings s = new SimulatorSettings(version, width, height, bits, compression, frames, 0, "-", 1,
                "basic");
        SeriesEncoder encoder = SeriesEncoder.of(s);
        List<List<byte[]>> messages = new ArrayList<>(frames + 2);
        messages.add(encoder.start());
        long wireBytes = 0;
        for (int i = 0; i < frames; i++) {
            List<byte[]> m = encoder.image(i);
            messages.add(m);
            wireBytes += m.stream().mapToLong(p -> p.length).sum();
        }
        messages.add(encoder.end());
        long rawBytes = (long) width * height * (bits / 8) * frames;
        System.out.printf("series: %d frames, %dx%d %d-bit, %s, stream v%d; %.1f MB per frame on the wire"
                + " (raw %.1f MB, ratio %.1f)%n", frames, width, height, bits, compression, version,
                wireBytes / 1e6 / frames, rawBytes / 1e6 / frames, (double) rawBytes / wireBytes);

        double[] base = new double[runs];
        double[] recv = new double[runs];
        long lost = 0;
        for (int r = 0; r < runs; r++) {
            base[r] = baseline(messages);
            Result result = receiver(messages, frames, version);
            recv[r] = result.seconds;
            lost += result.lost;
        }
        Arrays.sort(base);
        Arrays.sort(recv);
        report("baseline: bare JeroMQ PUSH/PULL", frames, wireBytes, rawBytes, base[runs / 2]);
        report("DECTRIS stream receiver", frames, wireBytes, rawBytes, recv[runs / 2]);
        System.out.printf("frames lost by the receiver over %d runs: %d%n", runs, lost);
        System.out.printf("receiver / baseline throughput: %.2f (median of %d runs)%n", base[runs / 2] / recv[runs / 2],
                runs);
    }

    private static void report(String what, int frames, long wire, long raw, double seconds) {
        System.out.printf("%-34s %8.0f frames/s  %6.2f GB/s on the wire  %6.2f GB/s of pixels%n", what,
                frames / seconds, wire / seconds / 1e9, raw / seconds / 1e9);
    }

    private record Result(double seconds, long lost) {
    }

    /** Seconds for a bare PULL socket to receive every message, counting bytes. */
    private static double baseline(List<List<byte[]>> messages) throws Exception {
        try (ZContext ctx = new ZContext(1)) {
            ZMQ.Socket push = push(ctx);
            ZMQ.Socket pull = ctx.createSocket(SocketType.PULL);
            pull.setRcvHWM(1000);
            pull.connect(push.getLastEndpoint());
            AtomicLong received = new AtomicLong();
            Thread sender = sender(push, messages);
            long t0 = System.nanoTime();
            sender.start();
            int got = 0;
            while (got < messages.size()) {
                byte[] part = pull.recv(0);
                received.addAndGet(part.length);
                if (!pull.hasReceiveMore()) {
                    got++;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            sender.join();
            // everything was received: nothing may hold the context's close
            push.setLinger(0);
            pull.setLinger(0);
            return seconds;
        }
    }

    /** Seconds for the DECTRIS stream detector to receive the series; frames it did not deliver are lost. */
    private static Result receiver(List<List<byte[]>> messages, int frames, int version) throws Exception {
        try (ZContext ctx = new ZContext(1)) {
            ZMQ.Socket push = push(ctx);
            DectrisStreamDetector detector = new DectrisStreamDetector(new DectrisStreamSettings(push.getLastEndpoint(),
                    "bench", "bench", ProtocolVersion.parse(String.valueOf(version)), 10_000,
                    new FrameGeometry(1, 1, PixelType.UINT32), "", 1000));
            AtomicLong bytes = new AtomicLong();
            Thread sender = sender(push, messages);
            long t0 = System.nanoTime();
            sender.start();
            AcquisitionSummary summary = detector.acquire(frames, f -> bytes.addAndGet(f.pixels().remaining()));
            double seconds = (System.nanoTime() - t0) / 1e9;
            sender.join();
            push.setLinger(0);
            detector.close();
            return new Result(seconds, frames - summary.framesDelivered());
        }
    }

    private static ZMQ.Socket push(ZContext ctx) {
        ZMQ.Socket push = ctx.createSocket(SocketType.PUSH);
        push.setSndHWM(1000);
        push.setLinger(-1);
        push.bind("tcp://127.0.0.1:*");
        return push;
    }

    private static Thread sender(ZMQ.Socket push, List<List<byte[]>> messages) {
        return new Thread(() -> {
            for (List<byte[]> m : messages) {
                for (int i = 0; i < m.size(); i++) {
                    push.send(m.get(i), i < m.size() - 1 ? ZMQ.SNDMORE : 0);
                }
            }
        }, "bench-sender");
    }

    private static String arg(String[] args, int i, String dflt) {
        return args.length > i ? args[i] : dflt;
    }
}
