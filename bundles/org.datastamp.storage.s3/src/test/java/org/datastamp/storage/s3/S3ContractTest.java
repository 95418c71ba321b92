package org.datastamp.storage.s3;

import java.nio.file.Path;

import org.datastamp.storage.api.ManagedBackend;
import org.datastamp.storage.testing.S3ProxyServer;
import org.datastamp.storage.testing.StorageBackendContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 tier passes the storage backend contract against a real S3 API server (S3Proxy). Parts are 5 MiB, so the
 * contract's multi-megabyte object goes up in two parts.
 */
class S3ContractTest extends StorageBackendContract {

    @TempDir
    static Path serverRoot;

    static S3ProxyServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start(serverRoot, S3TestTier.BUCKET);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private S3Client client;

    @Override
    protected ManagedBackend createBackend() throws Exception {
        S3Settings settings = S3TestTier.settings(server, S3TestTier.freshPrefix());
        client = S3Clients.create(settings);
        return new CloudS3Storage(new S3Store(settings, client));
    }

    @AfterEach
    void closeClient() {
        client.close();
    }
}
