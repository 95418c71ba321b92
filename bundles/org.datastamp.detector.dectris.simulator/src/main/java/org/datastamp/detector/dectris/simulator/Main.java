package org.datastamp.detector.dectris.simulator;

import java.util.Properties;

/**
 * Command line: {@code dectris-simulator [--version 1|2] [--frames N] [--width W] [--height H] [--bits 8|16|32]
 * [--compression none|lz4|bslz4] [--rate FPS] [--bind ENDPOINT] [--series ID] [--header-detail all|basic|none]
 * [--repeat N]}. Sends the series (N times with {@code --repeat}) and exits once every message is taken.
 */
public final class Main {

    static final String USAGE = """
            usage: dectris-simulator [options]
              --version 1|2               SIMPLON stream version (default 2)
              --frames N                  images per series (default 10)
              --width W --height H        frame size in pixels (default 1028x512)
              --bits 8|16|32              unsigned pixel depth (default 32)
              --compression none|lz4|bslz4  (default bslz4)
              --rate FPS                  frames per second, 0 = as fast as possible (default 0)
              --bind ENDPOINT             PUSH socket endpoint (default tcp://*:9999; use tcp://*:31001 for v2 like a DCU)
              --series ID                 first series number (default 1)
              --header-detail all|basic|none  stream v1 global header detail (default basic)
              --repeat N                  series to send, numbered from --series (default 1)
            """;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Properties opts;
        SimulatorSettings first;
        int repeat;
        try {
            opts = parse(args);
            if (opts.containsKey("help")) {
                System.out.print(USAGE);
                return;
            }
            first = settings(opts);
            repeat = Integer.parseInt(opts.getProperty("repeat", "1"));
        } catch (IllegalArgumentException e) {
            System.err.println("dectris-simulator: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        try (StreamSimulator simulator = new StreamSimulator(first.endpoint(), -1)) {
            System.out.println("dectris-simulator: PUSH bound at " + simulator.endpoint());
            for (int r = 0; r < repeat; r++) {
                SimulatorSettings s = new SimulatorSettings(first.version(), first.width(), first.height(), first.bits(),
                        first.compression(), first.frames(), first.rate(), first.endpoint(), first.seriesId() + r,
                        first.headerDetail());
                long t0 = System.nanoTime();
                simulator.sendSeries(s);
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf("dectris-simulator: series %d sent, %d frames in %.2f s%n", s.seriesId(), s.frames(),
                        seconds);
            }
        }
    }

    static SimulatorSettings settings(Properties o) {
        try {
            return new SimulatorSettings(Integer.parseInt(o.getProperty("version", "2")),
                    Integer.parseInt(o.getProperty("width", "1028")), Integer.parseInt(o.getProperty("height", "512")),
                    Integer.parseInt(o.getProperty("bits", "32")),
                    Compression.parse(o.getProperty("compression", "bslz4")),
                    Integer.parseInt(o.getProperty("frames", "10")), Double.parseDouble(o.getProperty("rate", "0")),
                    o.getProperty("bind", "tcp://*:9999"), Long.parseLong(o.getProperty("series", "1")),
                    o.getProperty("header-detail", "basic"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a number: " + e.getMessage(), e);
        }
    }

    static Properties parse(String[] args) {
        Properties o = new Properties();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                o.setProperty("help", "true");
                continue;
            }
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + a + "'");
            }
            String key = a.substring(2);
            if (!USAGE.contains("--" + key + " ")) {
                throw new IllegalArgumentException("unknown option " + a);
            }
            o.setProperty(key, args[++i]);
        }
        return o;
    }
}
