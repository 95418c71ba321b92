package org.datastamp.storage.s3;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.datastamp.storage.api.ManagedBackend;
import org.datastamp.storage.api.ObjectInfo;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.StorageTier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * A cloud tier on any S3-compatible object store (AWS S3, MinIO, Ceph RGW, ...). One instance per factory
 * configuration {@code etc/org.datastamp.storage.s3-<name>.cfg}; inactive until configured.
 */
@Component(service = { StorageBackend.class, ManagedBackend.class }, configurationPid = CloudS3Storage.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CloudS3Storage.Config.class, factory = true)
public class CloudS3Storage implements ManagedBackend {

    static final String PID = "org.datastamp.storage.s3";

    private static final Logger LOG = LoggerFactory.getLogger(CloudS3Storage.class);

    @ObjectClassDefinition(name = "DataSTaMP S3 cloud storage tier",
            description = "Stores objects in a bucket of an S3-compatible object store")
    public @interface Config {

        @AttributeDefinition(description = "Id of the tier (unique among tiers), e.g. cloud or ceph-site-b")
        String capabilityId() default "cloud";

        @AttributeDefinition(description = "Endpoint URL, e.g. https://s3.eu-central-1.amazonaws.com or"
                + " http://minio.example.org:9000")
        String endpoint();

        @AttributeDefinition(description = "Signing region (AWS region; most other stores accept any)")
        String region() default "us-east-1";

        @AttributeDefinition(description = "Existing bucket")
        String bucket();

        @AttributeDefinition(description = "Key prefix inside the bucket; this tier owns every key under it")
        String prefix() default "datastamp/";

        @AttributeDefinition(description = "Access key id")
        String accessKey();

        @AttributeDefinition(description = "File whose first line is the secret key (preferred)")
        String secretFile() default "";

        @AttributeDefinition(description = "Environment variable holding the secret key, if secretFile is empty")
        String secretEnv() default "";

        @AttributeDefinition(description = "Path-style addressing (host/bucket/key), needed by most non-AWS stores")
        boolean pathStyle() default true;

        @AttributeDefinition(description = "Objects larger than this (MiB) are uploaded in parts",
                type = AttributeType.INTEGER, min = "0")
        int multipartThresholdMiB() default 64;

        @AttributeDefinition(description = "Size of one part (MiB, 5 to 2047); an upload holds one part in memory",
                type = AttributeType.INTEGER, min = "5", max = "2047")
        int partSizeMiB() default 64;
    }

    private volatile S3Client client;
    private volatile S3Store store;

    /** For DS. */
    public CloudS3Storage() {
    }

    /** For tests: a tier over a store without a framework. */
    CloudS3Storage(S3Store store) {
        this.store = store;
    }

    @Activate
    void activate(Config config) throws StorageException {
        Instant started = Instant.now();
        S3Settings settings = settings(config, System.getenv());
        client = S3Clients.create(settings);
        store = new S3Store(settings, client);
        try {
            start(store, started);
        } catch (StorageException | RuntimeException e) {
            client.close(); // DS does not call deactivate after a failed activate
            throw e;
        }
    }

    /**
     * Checks that the tier can be reached with its credentials, then aborts the multipart uploads that a previous
     * run left unfinished under the prefix (the prefix belongs to this tier alone).
     */
    static void start(S3Store store, Instant started) throws StorageException {
        store.checkAccess();
        List<MultipartUpload> aborted = store.abortUploadsStartedBefore(started);
        for (MultipartUpload upload : aborted) {
            LOG.warn("Aborted unfinished multipart upload of {} in {} (begun {})", upload.key(),
                    store.settings().capabilityId(), upload.initiated());
        }
        LOG.info("S3 storage tier {}", store.settings());
    }

    static S3Settings settings(Config config, Map<String, String> env) {
        String id = config.capabilityId();
        if (config.endpoint() == null || config.endpoint().isBlank()) {
            throw new IllegalArgumentException("S3 tier '" + id + "': 'endpoint' is required");
        }
        URI endpoint;
        try {
            endpoint = URI.create(config.endpoint().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("S3 tier '" + id + "': endpoint '" + config.endpoint()
                    + "' is not a URL", e);
        }
        String secret = Secrets.read(config.secretFile(), config.secretEnv(), env, id);
        return new S3Settings(id, endpoint, config.region(), config.bucket(), config.prefix(), config.accessKey(),
                secret, config.pathStyle(), (long) config.multipartThresholdMiB() << 20, config.partSizeMiB() << 20);
    }

    @Deactivate
    void deactivate() {
        S3Client c = client;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public String capabilityId() {
        return store.settings().capabilityId();
    }

    @Override
    public String displayName() {
        return "Cloud (" + store.settings().location() + ")";
    }

    @Override
    public StorageTier tier() {
        return StorageTier.CLOUD;
    }

    @Override
    public void put(String key, InputStream content) throws StorageException {
        store.put(key, content);
        LOG.info("Stored {} in {}", key, capabilityId());
    }

    @Override
    public InputStream get(String key) throws StorageException {
        return store.get(key);
    }

    @Override
    public boolean contains(String key) throws StorageException {
        return store.contains(key);
    }

    @Override
    public ObjectInfo stat(String key) throws StorageException {
        return store.stat(key);
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws StorageException {
        return store.list(prefix);
    }

    @Override
    public void delete(String key) throws StorageException {
        store.delete(key);
        LOG.info("Deleted {} from {}", key, capabilityId());
    }
}
