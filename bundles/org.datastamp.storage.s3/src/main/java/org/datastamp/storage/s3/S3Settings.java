package org.datastamp.storage.s3;

import java.net.URI;
import java.util.Objects;

/**
 * Everything needed to reach one S3 tier, checked once so that the store can trust it.
 *
 * @param capabilityId       the tier's id, e.g. {@code cloud}
 * @param endpoint           e.g. {@code https://s3.eu-central-1.amazonaws.com} or {@code http://minio:9000}
 * @param region             signing region; any value for most non-AWS stores
 * @param bucket             existing bucket
 * @param prefix             key prefix inside the bucket, empty or ending with '/'
 * @param accessKey          access key id
 * @param secret             secret key; never printed ({@link #toString()} hides it)
 * @param pathStyle          {@code http://host/bucket/key} instead of {@code http://bucket.host/key}
 * @param multipartThreshold objects longer than this many bytes are sent in parts
 * @param partSize           bytes per part; also the memory one upload holds
 */
record S3Settings(String capabilityId, URI endpoint, String region, String bucket, String prefix, String accessKey,
        String secret, boolean pathStyle, long multipartThreshold, int partSize) {

    /** S3's smallest part (except the last). */
    static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    /** S3's largest part. */
    static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;

    S3Settings {
        Objects.requireNonNull(capabilityId, "capabilityId");
        require(!capabilityId.isBlank(), "needs a capabilityId");
        String tier = "S3 tier '" + capabilityId + "'";
        require(endpoint != null && endpoint.getScheme() != null && endpoint.getHost() != null,
                tier + ": endpoint '" + endpoint + "' is not an absolute URL such as https://s3.example.org");
        require(region != null && !region.isBlank(), tier + ": region must not be empty (e.g. us-east-1)");
        require(bucket != null && !bucket.isBlank(), tier + ": bucket must not be empty");
        prefix = normalisePrefix(tier, prefix);
        require(accessKey != null && !accessKey.isBlank(), tier + ": accessKey must not be empty");
        require(secret != null && !secret.isEmpty(), tier + ": no secret key; set secretFile or secretEnv");
        require(partSize >= MIN_PART_SIZE, tier + ": partSizeMiB must be at least 5 (S3's smallest part)");
        require(multipartThreshold >= 0 && multipartThreshold <= partSize,
                tier + ": multipartThresholdMiB must be between 0 and partSizeMiB (" + (partSize >> 20) + ")");
    }

    /** Where the tier's objects are, for messages: {@code s3://bucket/prefix at endpoint}. */
    String location() {
        return "s3://" + bucket + "/" + prefix + " at " + endpoint;
    }

    /** The secret stays out of logs and exception messages. */
    @Override
    public String toString() {
        return "S3Settings[" + capabilityId + ", " + location() + ", region " + region + ", access key " + accessKey
                + ", path-style " + pathStyle + ", multipart above " + multipartThreshold + " bytes in parts of "
                + partSize + "]";
    }

    private static String normalisePrefix(String tier, String prefix) {
        String p = prefix == null ? "" : prefix.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        require(!p.contains("..") && !p.contains("\\") && !p.contains("//"),
                tier + ": prefix '" + prefix + "' must not contain '..', '//' or a backslash");
        return p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
