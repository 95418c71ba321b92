package org.datastamp.storage.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/** Multipart uploads, checksums, clean-up of unfinished uploads and error messages, against S3Proxy. */
class S3StoreTest {

    @TempDir
    static Path serverRoot;

    static S3ProxyServer server;
    static S3Client raw;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start(serverRoot, S3TestTier.BUCKET);
        raw = S3TestTier.rawClient(server);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (raw != null) {
            raw.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static byte[] random(int length) {
        byte[] content = new byte[length];
        new Random(length).nextBytes(content);
        return content;
    }

    @Test
    void anObjectLargerThanThePartSizeGoesUpInPartsWithAWholeObjectChecksum() throws Exception {
        String prefix = S3TestTier.freshPrefix();
        S3Store store = S3TestTier.store(server, prefix);
        byte[] content = random(2 * S3TestTier.PART_SIZE + 12345);

        store.put("raw/scan-1/big.h5", new ByteArrayInputStream(content));

        HeadObjectResponse head = raw.headObject(b -> b.bucket(S3TestTier.BUCKET).key(prefix + "raw/scan-1/big.h5")
                .checksumMode(ChecksumMode.ENABLED));
        assertEquals(ChecksumType.FULL_OBJECT, head.checksumType(), "a multipart upload with a whole-object CRC32C");
        assertEquals(Crc32c.base64(content, content.length), head.checksumCRC32C());
        assertEquals(content.length, store.stat("raw/scan-1/big.h5").size());
        try (InputStream in = store.get("raw/scan-1/big.h5")) {
            assertArrayEquals(content, in.readAllBytes());
        }
    }

    @Test
    void anObjectOfExactlyOnePartReadsBack() throws Exception {
        S3Store store = S3TestTier.store(server, S3TestTier.freshPrefix());
        byte[] content = random(S3TestTier.PART_SIZE + 1);

        store.put("a.bin", new ByteArrayInputStream(content));

        try (InputStream in = store.get("a.bin")) {
            assertArrayEquals(content, in.readAllBytes());
        }
    }

    @Test
    void anUploadWhoseStreamFailsHalfwayIsAbortedAndLeavesNothing() throws Exception {
        String prefix = S3TestTier.freshPrefix();
        S3Store store = S3TestTier.store(server, prefix);
        InputStream failing = new InputStream() {
            private long sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 2L * S3TestTier.PART_SIZE + 100) {
                    return 'x';
                }
                throw new IOException("detector link lost");
            }
        };

        StorageException e = assertThrows(StorageException.class, () -> store.put("raw/f.nxs", failing));

        assertTrue(e.getMessage().startsWith("Could not store 'raw/f.nxs' in cloud-test"), e.getMessage());
        assertTrue(e.getMessage().contains("detector link lost"), e.getMessage());
        assertFalse(store.contains("raw/f.nxs"));
        assertEquals(List.of(), unfinishedUploads(prefix), "the multipart upload was aborted");
    }

    @Test
    void uploadsAPreviousRunLeftUnfinishedAreAbortedWhenTheTierStarts() throws Exception {
        String prefix = S3TestTier.freshPrefix();
        String other = S3TestTier.freshPrefix();
        for (String key : List.of(prefix + "raw/killed.nxs", other + "raw/someone-elses.nxs")) {
            String uploadId = raw.createMultipartUpload(b -> b.bucket(S3TestTier.BUCKET).key(key)).uploadId();
            raw.uploadPart(b -> b.bucket(S3TestTier.BUCKET).key(key).uploadId(uploadId).partNumber(1),
                    RequestBody.fromBytes(random(1000)));
        }
        assertEquals(1, unfinishedUploads(prefix).size());

        CloudS3Storage.start(S3TestTier.store(server, prefix), Instant.now().plusSeconds(1));

        assertEquals(List.of(), unfinishedUploads(prefix));
        assertEquals(1, unfinishedUploads(other).size(), "uploads outside the tier's prefix are left alone");
    }

    @Test
    void bytesDamagedInTheStoreFailTheReadInsteadOfEndingNormally() throws Exception {
        String prefix = S3TestTier.freshPrefix();
        S3Store store = S3TestTier.store(server, prefix);
        byte[] content = random(100_000);
        store.put("raw/rot.h5", new ByteArrayInputStream(content));
        try (RandomAccessFile file = new RandomAccessFile(S3TestTier.file(server, prefix, "raw/rot.h5").toFile(),
                "rw")) {
            file.seek(50_000);
            file.write(content[50_000] ^ 0x10);
        }

        IOException e = assertThrows(IOException.class, () -> {
            try (InputStream in = store.get("raw/rot.h5")) {
                in.readAllBytes();
            }
        });

        assertTrue(e.getMessage().contains("CRC32C"), e.getMessage());
    }

    @Test
    void aWrongSecretIsReportedAsSuchWithoutShowingIt() {
        S3Settings settings = S3TestTier.settings(server, "x/", S3ProxyServer.ACCESS_KEY, "not-the-secret",
                S3TestTier.BUCKET);
        S3Store store = new S3Store(settings, S3Clients.create(settings));

        StorageException e = assertThrows(StorageException.class, store::checkAccess);

        assertTrue(e.getMessage().contains("the secret key does not belong to access key '"
                + S3ProxyServer.ACCESS_KEY + "'"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-secret"), e.getMessage());
    }

    @Test
    void anUnknownAccessKeyIsReported() {
        S3Settings settings = S3TestTier.settings(server, "x/", "nobody", S3ProxyServer.SECRET, S3TestTier.BUCKET);
        S3Store store = new S3Store(settings, S3Clients.create(settings));

        StorageException e = assertThrows(StorageException.class, store::checkAccess);

        assertTrue(e.getMessage().contains("'nobody'"), e.getMessage());
        assertTrue(e.getMessage().contains("check 'accessKey'"), e.getMessage());
    }

    @Test
    void aMissingBucketIsReportedByName() throws Exception {
        S3Settings settings = S3TestTier.settings(server, "x/", S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET,
                "no-such-bucket");
        S3Store store = new S3Store(settings, S3Clients.create(settings));

        StorageException e = assertThrows(StorageException.class, store::checkAccess);
        assertTrue(e.getMessage().contains("bucket 'no-such-bucket' does not exist"), e.getMessage());
        StorageException onPut = assertThrows(StorageException.class,
                () -> store.put("a", new ByteArrayInputStream(new byte[1])));
        assertTrue(onPut.getMessage().contains("bucket 'no-such-bucket' does not exist"), onPut.getMessage());
    }

    @Test
    void anEndpointThatIsNotListeningIsReported() throws Exception {
        S3Settings settings = new S3Settings("cloud-test", URI.create("http://127.0.0.1:1"), "us-east-1", "b", "",
                "k", "s", true, S3TestTier.PART_SIZE, S3TestTier.PART_SIZE);
        S3Store store = new S3Store(settings, S3Clients.create(settings));

        StorageException e = assertThrows(StorageException.class, store::checkAccess);

        assertTrue(e.getMessage().contains("refused the connection"), e.getMessage());
    }

    private static List<MultipartUpload> unfinishedUploads(String prefix) {
        return raw.listMultipartUploads(b -> b.bucket(S3TestTier.BUCKET).prefix(prefix)).uploads();
    }
}
