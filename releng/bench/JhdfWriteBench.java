import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

/**
 * For decision 0013: how fast io.jhdf 0.13 (pure Java, the skeleton's writer) writes EIGER 4M frames. It can only
 * build the whole file from Java arrays in memory and write it on close (no appending, no direct chunk write), so
 * this times a batch of raw uint32 frames from array to closed file.
 *
 * <pre>java -cp jhdf.jar:commons-lang3.jar:slf4j-api.jar JhdfWriteBench.java &lt;out-dir&gt; [frames]</pre>
 */
public final class JhdfWriteBench {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).resolve("jhdf.h5");
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int h = 2167;
        int w = 2070;
        int[][][] data = new int[frames][h][w];
        Random random = new Random(4);
        for (int[][] frame : data) {
            for (int[] row : frame) {
                for (int x = 0; x < w; x++) {
                    row[x] = random.nextInt(8);
                }
            }
        }
        long t0 = System.nanoTime();
        try (WritableHdfFile file = HdfFile.write(out)) {
            file.putGroup("entry").putGroup("data").putDataset("data", data);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long bytes = Files.size(out);
        System.out.printf(Locale.ROOT, "io.jhdf 0.13 (whole file from memory, raw uint32): %d frames, %.2f GB in %.1f s"
                + " = %.2f GB/s (%.0f frames/s), heap held %.2f GB of arrays%n", frames, bytes / 1e9, seconds,
                bytes / seconds / 1e9, frames / seconds, 4.0 * frames * h * w / 1e9);
        Files.delete(out);
    }
}
