package org.datastamp.storage.s3;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.datastamp.storage.testing.S3ProxyServer;

import software.amazon.awssdk.services.s3.S3Client;

/** Tiers on the test S3 server, each under a fresh prefix so every test starts empty. */
final class S3TestTier {

    static final String BUCKET = "datastamp-test";
    static final int PART_SIZE = S3Settings.MIN_PART_SIZE;

    private static final AtomicInteger PREFIXES = new AtomicInteger();

    private S3TestTier() {
    }

    static S3Settings settings(S3ProxyServer server, String prefix) {
        return settings(server, prefix, S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET, BUCKET);
    }

    static S3Settings settings(S3ProxyServer server, String prefix, String accessKey, String secret, String bucket) {
        return new S3Settings("cloud-test", server.endpoint(), "us-east-1", bucket, prefix, accessKey, secret, true,
                PART_SIZE, PART_SIZE);
    }

    static String freshPrefix() {
        return "run-" + PREFIXES.incrementAndGet() + "/";
    }

    static S3Store store(S3ProxyServer server, String prefix) {
        S3Settings settings = settings(server, prefix);
        return new S3Store(settings, S3Clients.create(settings));
    }

    /** A raw client for looking behind the store's back. */
    static S3Client rawClient(S3ProxyServer server) {
        return S3Clients.create(settings(server, ""));
    }

    /** Where S3Proxy's filesystem backend keeps an object's bytes. */
    static Path file(S3ProxyServer server, String prefix, String key) {
        return server.bucketsRoot().resolve(BUCKET).resolve(prefix + key);
    }
}
