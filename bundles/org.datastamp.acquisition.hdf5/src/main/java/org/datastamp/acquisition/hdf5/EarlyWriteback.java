package org.datastamp.acquisition.hdf5;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts the kernel writing a data file's dirty pages to the device as frames arrive (Linux
 * {@code sync_file_range(SYNC_FILE_RANGE_WRITE)}: asynchronous, returns at once), so that the {@code fsync} of the
 * next flush finds little left to write instead of the whole flush interval. Measured on the acquisition benchmark,
 * the fsync wait dropped from about a quarter of the run time to almost nothing.
 *
 * <p>Durability is unchanged: frames are still only acknowledged after the flush's fsync; the kernel may write dirty
 * pages back at any time anyway, this only makes it happen sooner. On systems without {@code sync_file_range}
 * (not Linux) it does nothing.
 */
final class EarlyWriteback implements AutoCloseable {

    /** The writer's default: one system call per a few frames (EIGER 4M bitshuffle chunks are about 2 MB). */
    static final long DEFAULT_EVERY_BYTES = 8L << 20;

    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int SYNC_FILE_RANGE_WRITE = 2;
    private static final Optional<Libc> LIBC = Libc.find();

    private final Path file;
    private final int fd;
    private final long everyBytes;
    private long pending;

    private EarlyWriteback(Path file, int fd, long everyBytes) {
        this.file = file;
        this.fd = fd;
        this.everyBytes = everyBytes;
    }

    /**
     * Early writeback for {@code file}, started each time {@code everyBytes} more were appended; a no-op instance if
     * {@code everyBytes} is 0 (off) or the system lacks it.
     */
    static EarlyWriteback open(Path file, long everyBytes) throws IOException {
        if (everyBytes < 0) {
            throw new IllegalArgumentException("early writeback interval must be 0 (off) or positive, got "
                    + everyBytes + " bytes");
        }
        if (everyBytes == 0 || LIBC.isEmpty()) {
            return new EarlyWriteback(file, -1, 0);
        }
        return new EarlyWriteback(file, LIBC.get().open(file), everyBytes);
    }

    /** Whether this system supports early writeback (Linux). */
    static boolean supported() {
        return LIBC.isPresent();
    }

    boolean active() {
        return fd >= 0;
    }

    /** Counts appended bytes; past the interval asks the kernel to start writing the file's dirty pages. */
    void written(long bytes) throws IOException {
        if (fd < 0) {
            return;
        }
        pending += bytes;
        if (pending >= everyBytes) {
            pending = 0;
            LIBC.get().startWriteback(fd, file);
        }
    }

    @Override
    public void close() throws IOException {
        if (fd >= 0) {
            LIBC.get().close(fd, file);
        }
    }

    /** The three libc calls, with errno captured so failures name their cause. */
    private record Libc(MethodHandle open, MethodHandle syncFileRange, MethodHandle close, StructLayout state,
            VarHandle errno) {

        static Optional<Libc> find() {
            Linker linker = Linker.nativeLinker();
            var libc = linker.defaultLookup();
            var sfr = libc.find("sync_file_range");
            if (sfr.isEmpty() || !System.getProperty("os.name", "").startsWith("Linux")) {
                return Optional.empty();
            }
            Linker.Option errnoOption = Linker.Option.captureCallState("errno");
            StructLayout state = Linker.Option.captureStateLayout();
            return Optional.of(new Libc(
                    linker.downcallHandle(libc.find("open").orElseThrow(),
                            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), errnoOption),
                    linker.downcallHandle(sfr.get(),
                            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT), errnoOption),
                    linker.downcallHandle(libc.find("close").orElseThrow(),
                            FunctionDescriptor.of(JAVA_INT, JAVA_INT), errnoOption),
                    state, state.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"))));
        }

        int open(Path file) throws IOException {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment st = a.allocate(state);
                int fd = (int) open.invokeExact(st, a.allocateFrom(file.toString()), O_RDONLY | O_CLOEXEC);
                if (fd < 0) {
                    throw new IOException("Cannot open " + file + " for early writeback: errno " + errno(st));
                }
                return fd;
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IOException("open(" + file + ") failed: " + e, e);
            }
        }

        void startWriteback(int fd, Path file) throws IOException {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment st = a.allocate(state);
                int rc = (int) syncFileRange.invokeExact(st, fd, 0L, 0L, SYNC_FILE_RANGE_WRITE);
                if (rc != 0) {
                    throw new IOException("sync_file_range on " + file + " failed: errno " + errno(st));
                }
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IOException("sync_file_range(" + file + ") failed: " + e, e);
            }
        }

        void close(int fd, Path file) throws IOException {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment st = a.allocate(state);
                if ((int) close.invokeExact(st, fd) != 0) {
                    throw new IOException("Closing " + file + " (early writeback) failed: errno " + errno(st));
                }
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IOException("close(" + file + ") failed: " + e, e);
            }
        }

        private int errno(MemorySegment st) {
            return (int) errno.get(st, 0L);
        }
    }
}
