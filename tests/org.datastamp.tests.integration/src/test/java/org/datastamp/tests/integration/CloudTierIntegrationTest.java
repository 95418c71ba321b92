package org.datastamp.tests.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import java.util.Random;

import org.datastamp.storage.api.Checksums;
import org.datastamp.storage.api.FixityService;
import org.datastamp.storage.api.ManagedBackend;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The S3 tier inside the platform: the AWS SDK runs from its wrapped bundles, a factory configuration (as an
 * etc/org.datastamp.storage.s3-NAME.cfg would be) brings a tier up against a real S3 API server (S3Proxy, started
 * here), a multipart object goes through it, fixity computes its checksums, and deleting the configuration takes
 * the tier away.
 */
class CloudTierIntegrationTest {

    private static final String PID = "org.datastamp.storage.s3";

    private final Platform platform = new Platform();

    @Test
    void aConfiguredS3TierStoresAMultipartObjectThatFixityChecks() throws Exception {
        Path root = Files.createTempDirectory("s3proxy-it");
        ConfigurationAdmin configAdmin = platform.service(ConfigurationAdmin.class, "org.apache.felix.configadmin");
        FixityService fixity = platform.service(FixityService.class, "org.datastamp.storage.fixity");
        try (S3ProxyServer server = S3ProxyServer.start(root, "datastamp-it")) {
            Path secret = Files.writeString(root.resolve("secret"), S3ProxyServer.SECRET + "\n");
            Configuration configuration = configAdmin.getFactoryConfiguration(PID, "it", "?");
            try {
                configuration.update(new Hashtable<>(Map.of("capabilityId", "cloud-it", "endpoint",
                        server.endpoint().toString(), "bucket", "datastamp-it", "accessKey",
                        S3ProxyServer.ACCESS_KEY, "secretFile", secret.toString(), "partSizeMiB", 5,
                        "multipartThresholdMiB", 5)));
                Platform.await("an S3 StorageBackend cloud-it", Platform.SERVICE_TIMEOUT, () -> tier() != null);
                ManagedBackend tier = (ManagedBackend) tier();
                byte[] content = new byte[11 * 1024 * 1024 + 5];
                new Random(7).nextBytes(content);

                Checksums stored = fixity.putWithChecksums(tier, "raw/it/scan.h5", new ByteArrayInputStream(content));

                assertEquals(content.length, tier.stat("raw/it/scan.h5").size());
                try (InputStream in = tier.get("raw/it/scan.h5")) {
                    assertArrayEquals(content, in.readAllBytes());
                }
                assertEquals(stored, fixity.checksum(tier, "raw/it/scan.h5"));
            } finally {
                configuration.delete();
            }
            Platform.await("the S3 tier to go with its configuration", Platform.SERVICE_TIMEOUT, () -> tier() == null);
        }
    }

    /** The StorageBackend service with capability id cloud-it, or null. */
    private StorageBackend tier() {
        BundleContext context = platform.context();
        try {
            for (ServiceReference<StorageBackend> reference : context.getServiceReferences(StorageBackend.class,
                    null)) {
                StorageBackend backend = context.getService(reference);
                if (backend != null && "cloud-it".equals(backend.capabilityId())) {
                    return backend;
                }
            }
            return null;
        } catch (InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
