package org.datastamp.storage.tape.simulator;

/**
 * Timing of a tape library, in simulated seconds. Seeking is modelled as linear in the distance travelled on the
 * tape (a full-length locate takes {@code fullSeekSeconds}); reading streams at {@code streamingBytesPerSecond}.
 *
 * @param drives                  number of drives
 * @param cartridgeBytes          native capacity of one cartridge (LTO-8: 12 TB)
 * @param mountSeconds            robot move + load + thread
 * @param unmountSeconds          rewind + unload + robot move back
 * @param fullSeekSeconds         locate from the start to the end of the tape
 * @param streamingBytesPerSecond native read speed of one drive (LTO-8: 360 MB/s)
 */
public record LibraryModel(int drives, long cartridgeBytes, double mountSeconds, double unmountSeconds,
        double fullSeekSeconds, double streamingBytesPerSecond) {

    /** An LTO-8 library with six drives. */
    public static final LibraryModel LTO8 = new LibraryModel(6, 12_000_000_000_000L, 15, 15, 100, 360_000_000);

    public LibraryModel {
        if (drives < 1) {
            throw new IllegalArgumentException("A tape library needs at least one drive, not " + drives);
        }
        if (cartridgeBytes < 1 || streamingBytesPerSecond <= 0) {
            throw new IllegalArgumentException("Cartridge capacity and streaming speed must be positive");
        }
        if (mountSeconds < 0 || unmountSeconds < 0 || fullSeekSeconds < 0) {
            throw new IllegalArgumentException("Mount, unmount and seek times must not be negative");
        }
    }

    double seekSeconds(long from, long to) {
        return fullSeekSeconds * Math.abs(to - from) / cartridgeBytes;
    }

    double readSeconds(long bytes) {
        return bytes / streamingBytesPerSecond;
    }
}
