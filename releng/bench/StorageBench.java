import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.datastamp.storage.api.AuditSummary;
import org.datastamp.storage.api.Checksums;
import org.datastamp.storage.api.ExpectedObject;
import org.datastamp.storage.disk.HotDiskStorage;
import org.datastamp.storage.fixity.FixityAuditService;
import org.datastamp.storage.s3.CloudS3Storage;
import org.datastamp.storage.testing.InMemoryExpectedCopies;
import org.datastamp.storage.testing.S3ProxyServer;
import org.osgi.framework.BundleContext;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Throughput of the S3 tier against a local S3Proxy and of fixity audits, each beside a baseline from the same run.
 * The components are built and configured as Declarative Services would (activate with a configuration), through
 * reflection because their activate methods are package-private. Files are random bytes of mixed sizes, written
 * first, so every reader (baselines included) finds them in the page cache: the figures compare code paths, not
 * disks. Arguments: work directory, total megabytes.
 */
public final class StorageBench {

    private static final int MIB = 1024 * 1024;

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        long totalBytes = Long.parseLong(args[1]) * MIB;
        Path source = work.resolve("source");
        List<Path> files = makeFiles(source, totalBytes);
        long bytes = size(files);
        System.out.printf("%d files, %.0f MiB (half in 256 MiB files, 40%% in 16 MiB, 10%% in 256 KiB); %d cores%n",
                files.size(), bytes / (double) MIB, Runtime.getRuntime().availableProcessors());
        s3(work, source, files, bytes);
        fixity(work, source, files, bytes);
    }

    private static void s3(Path work, Path source, List<Path> files, long bytes) throws Exception {
        double javaCopy = rate(bytes, time(() -> {
            Path target = Files.createDirectories(work.resolve("copy-java"));
            for (Path f : files) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }));
        double cp = rate(bytes, time(() -> run("cp", "-r", source.toString(), work.resolve("copy-cp").toString())));
        double javaRead = rate(bytes, time(() -> {
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
        }));
        deleteTree(work.resolve("copy-java"));
        deleteTree(work.resolve("copy-cp"));

        try (S3ProxyServer server = S3ProxyServer.start(Files.createDirectories(work.resolve("s3")), "bench")) {
            Path secret = Files.writeString(work.resolve("s3-secret"), S3ProxyServer.SECRET);
            CloudS3Storage tier = new CloudS3Storage();
            call(tier, "activate", config(CloudS3Storage.Config.class, Map.of("capabilityId", "cloud-bench",
                    "endpoint", server.endpoint().toString(), "bucket", "bench", "accessKey",
                    S3ProxyServer.ACCESS_KEY, "secretFile", secret.toString())));
            S3Client raw = rawClient(server);
            // A first round of every file warms up both JVMs (S3Proxy's and ours); it is not counted.
            for (Path f : files) {
                raw.putObject(b -> b.bucket("bench").key("warm-up/" + f.getFileName()), RequestBody.fromFile(f));
            }
            // Best of two rounds, the SDK baseline and the tier alternating, against the noise of a shared machine.
            double rawUpload = 0;
            double rawDownload = 0;
            double upload = 0;
            double download = 0;
            for (int round = 0; round < 2; round++) {
                String r = "round-" + round + "/";
                rawUpload = Math.max(rawUpload, rate(bytes, time(() -> {
                    for (Path f : files) {
                        raw.putObject(b -> b.bucket("bench").key("raw/" + r + f.getFileName()), RequestBody.fromFile(f));
                    }
                })));
                upload = Math.max(upload, rate(bytes, time(() -> {
                    for (Path f : files) {
                        try (InputStream in = Files.newInputStream(f)) {
                            tier.put(r + f.getFileName(), in);
                        }
                    }
                })));
                rawDownload = Math.max(rawDownload, rate(bytes, time(() -> {
                    for (Path f : files) {
                        try (InputStream in = raw.getObject(b -> b.bucket("bench").key("raw/" + r + f.getFileName()))) {
                            in.transferTo(OutputStream.nullOutputStream());
                        }
                    }
                })));
                download = Math.max(download, rate(bytes, time(() -> {
                    for (Path f : files) {
                        try (InputStream in = tier.get(r + f.getFileName())) {
                            in.transferTo(OutputStream.nullOutputStream());
                        }
                    }
                })));
            }
            raw.close();
            call(tier, "deactivate");
            System.out.println();
            System.out.println("| S3 tier, S3Proxy 4.1.0 on loopback (filesystem storage), best of 2 | MB/s | of baseline |");
            System.out.println("| --- | --- | --- |");
            System.out.printf("| baseline: Java `Files.copy` of the files | %.0f | |%n", javaCopy);
            System.out.printf("| baseline: `cp -r` of the files | %.0f | |%n", cp);
            System.out.printf("| baseline: Java read of the files | %.0f | |%n", javaRead);
            System.out.printf("| baseline: AWS SDK `PutObject` of each whole file (SDK default CRC32), same server | %.0f |"
                    + " |%n", rawUpload);
            System.out.printf("| baseline: AWS SDK `GetObject`, same server | %.0f | |%n", rawDownload);
            System.out.printf("| S3 tier upload (`put`: HEAD, then PUT or 64 MiB parts with CRC32C) | %.0f | %.0f %% of"
                    + " SDK PutObject, %.0f %% of Java copy |%n", upload, 100 * upload / rawUpload,
                    100 * upload / javaCopy);
            System.out.printf("| S3 tier download (`get`, CRC32C verified) | %.0f | %.0f %% of SDK GetObject, %.0f %% of"
                    + " Java read |%n", download, 100 * download / rawDownload, 100 * download / javaRead);
        }
    }

    /** A plain SDK client as most applications build it (default checksum settings), for the baseline. */
    private static S3Client rawClient(S3ProxyServer server) {
        return S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static void fixity(Path work, Path source, List<Path> files, long bytes) throws Exception {
        BundleContext context = bundleContext(work.resolve("data"));
        HotDiskStorage hot = new HotDiskStorage();
        call(hot, "activate", config(HotDiskStorage.Config.class, Map.of("root", source.toString())), context);
        FixityAuditService fixity = new FixityAuditService();
        call(fixity, "addTier", hot);
        call(fixity, "activate", config(FixityAuditService.Config.class, Map.of("auditIntervalHours", 0,
                "megabytesPerSecond", 0.0)), context);
        InMemoryExpectedCopies expected = new InMemoryExpectedCopies();
        for (Path f : files) {
            String key = f.getFileName().toString();
            Checksums sums = fixity.checksum(hot, key); // also warms up
            expected.expect(new ExpectedObject(key, Files.size(f), sums, Set.of(hot.capabilityId())));
        }
        call(fixity, "setExpectedCopies", expected);
        List<String> command = new ArrayList<>(List.of("sha256sum"));
        files.forEach(f -> command.add(f.toString()));
        // Best of three, the audit and its baselines alternating, against the noise of a shared machine.
        double audit = 0;
        double sha256sum = 0;
        double[] limits = { 0, 0 };
        for (int round = 0; round < 3; round++) {
            AuditSummary[] summary = new AuditSummary[1];
            audit = Math.max(audit, rate(bytes, time(() -> summary[0] = fixity.auditAll())));
            if (summary[0].ok() != files.size()) {
                throw new IllegalStateException("Audit found problems: " + summary[0]);
            }
            sha256sum = Math.max(sha256sum, rate(bytes, time(() -> run(command.toArray(String[]::new)))));
            double[] l = hashLimits();
            limits[0] = Math.max(limits[0], l[0]);
            limits[1] = Math.max(limits[1], l[1]);
        }
        call(fixity, "deactivate");
        System.out.println();
        System.out.println("| Fixity audit of one tier (hot disk, files in page cache), single thread, best of 3 | GB/s |"
                + " of baseline |");
        System.out.println("| --- | --- | --- |");
        System.out.printf("| baseline: JDK SHA-256 of a 256 MiB memory buffer (the hash limit) | %.2f | |%n",
                limits[0] / 1e3);
        System.out.printf("| baseline: JDK CRC32C of the same buffer | %.2f | |%n", limits[1] / 1e3);
        System.out.printf("| baseline: `sha256sum` of the files | %.2f | |%n", sha256sum / 1e3);
        System.out.printf("| audit (`auditAll`: read, SHA-256 + CRC32C, compare, log) | %.2f | %.0f %% of the hash"
                + " limit, %.0f %% of sha256sum |%n", audit / 1e3, 100 * audit / limits[0], 100 * audit / sha256sum);
    }

    /** MB/s of SHA-256 and of CRC32C over a memory buffer, best of 2. */
    private static double[] hashLimits() throws Exception {
        byte[] buffer = new byte[256 * MIB];
        new Random(1).nextBytes(buffer);
        double sha = 0;
        double crc = 0;
        for (int i = 0; i < 2; i++) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            sha = Math.max(sha, rate(buffer.length, time(() -> {
                for (int off = 0; off < buffer.length; off += 256 * 1024) {
                    digest.update(buffer, off, 256 * 1024);
                }
                digest.digest();
            })));
            CRC32C c = new CRC32C();
            crc = Math.max(crc, rate(buffer.length, time(() -> c.update(buffer, 0, buffer.length))));
        }
        return new double[] { sha, crc };
    }

    private static List<Path> makeFiles(Path dir, long total) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        Random random = new Random(42);
        byte[] block = new byte[MIB];
        int n = 0;
        for (long[] share : new long[][] { { total / 2, 256L * MIB }, { total * 4 / 10, 16L * MIB },
                { total / 10, 256L * 1024 } }) {
            for (long left = share[0]; left >= share[1]; left -= share[1]) {
                Path file = dir.resolve(String.format("f%05d-%d.bin", n++, share[1]));
                try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    for (long written = 0; written < share[1]; written += block.length) {
                        random.nextBytes(block);
                        out.write(ByteBuffer.wrap(block, 0, (int) Math.min(block.length, share[1] - written)));
                    }
                }
                files.add(file);
            }
        }
        return files;
    }

    private interface Work {
        void run() throws Exception;
    }

    private static long time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    /** MB/s (10^6 bytes). */
    private static double rate(long bytes, long nanos) {
        return bytes / (nanos / 1e9) / 1e6;
    }

    private static long size(List<Path> files) throws IOException {
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        return total;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect
                .DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command[0] + " failed with " + p.exitValue());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Calls a (package-private) method by name, as Declarative Services would. */
    private static Object call(Object target, String name, Object... args) throws Exception {
        for (Method m : target.getClass().getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                m.setAccessible(true);
                return m.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + name);
    }

    /** A component configuration: the given values, the annotation's defaults for the rest. */
    private static <A extends Annotation> A config(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, m, a) -> {
            if (values.containsKey(m.getName())) {
                return values.get(m.getName());
            }
            if (m.getDefaultValue() != null) {
                return m.getDefaultValue();
            }
            if (m.getName().equals("annotationType")) {
                return type;
            }
            throw new IllegalArgumentException("No value for " + type.getSimpleName() + "." + m.getName());
        }));
    }

    /** Answers only getProperty, which is all the components ask of it. */
    private static BundleContext bundleContext(Path dataDir) {
        return (BundleContext) Proxy.newProxyInstance(StorageBench.class.getClassLoader(),
                new Class<?>[] { BundleContext.class }, (proxy, m, a) -> {
                    if (m.getName().equals("getProperty")) {
                        return "datastamp.data.dir".equals(a[0]) ? dataDir.toString() : null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}
