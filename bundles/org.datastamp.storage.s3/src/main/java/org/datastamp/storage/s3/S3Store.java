package org.datastamp.storage.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;

import org.datastamp.storage.api.ObjectInfo;
import org.datastamp.storage.api.ObjectKey;
import org.datastamp.storage.api.StorageException;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Objects in one bucket under one key prefix. A key either holds a complete, checksum-verified object or nothing:
 * small objects go up in one PUT, larger ones in parts of a fixed size (so an upload holds one part in memory
 * whatever the object's size); every part and the whole object carry a CRC32C that the store checks before it
 * accepts them, a failed multipart upload is aborted, and the write is conditional ({@code If-None-Match: *}) so an
 * existing key is never replaced. Reads compare the bytes with the CRC32C recorded at upload.
 */
final class S3Store {

    /** S3 numbers parts 1 to 10,000. */
    static final int MAX_PARTS = 10_000;
    private static final String BINARY = "application/octet-stream";

    private final S3Settings settings;
    private final S3Client client;
    private final S3Failures failures;

    S3Store(S3Settings settings, S3Client client) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.failures = new S3Failures(settings);
    }

    S3Settings settings() {
        return settings;
    }

    /** Lists at most one key: fails with a clear message on wrong credentials, a missing bucket or no connection. */
    void checkAccess() throws StorageException {
        try {
            client.listObjectsV2(b -> b.bucket(settings.bucket()).prefix(settings.prefix()).maxKeys(1));
        } catch (RuntimeException e) {
            throw failures.of("list the tier", e);
        }
    }

    /**
     * Aborts the multipart uploads under the tier's prefix that began before {@code cutoff}: parts of uploads a
     * crash or a kill left behind, which the store would otherwise keep (and bill) for ever.
     *
     * @return the uploads aborted
     */
    List<MultipartUpload> abortUploadsStartedBefore(Instant cutoff) throws StorageException {
        List<MultipartUpload> aborted = new ArrayList<>();
        try {
            for (MultipartUpload upload : client.listMultipartUploadsPaginator(
                    b -> b.bucket(settings.bucket()).prefix(settings.prefix())).uploads()) {
                if (upload.initiated() == null || upload.initiated().isBefore(cutoff)) {
                    client.abortMultipartUpload(b -> b.bucket(settings.bucket()).key(upload.key())
                            .uploadId(upload.uploadId()));
                    aborted.add(upload);
                }
            }
        } catch (RuntimeException e) {
            throw failures.of("abort unfinished multipart uploads", e);
        }
        return aborted;
    }

    void put(String key, InputStream content) throws StorageException {
        Objects.requireNonNull(content, "content");
        String s3Key = s3Key(key);
        if (exists(key, s3Key)) {
            throw alreadyExists(key);
        }
        byte[] head;
        int next;
        try {
            head = content.readNBytes((int) settings.multipartThreshold());
            next = content.read();
        } catch (IOException e) {
            throw failures.of("store '" + key + "' (reading its content failed)", e);
        }
        if (next < 0) {
            putInOnePiece(key, s3Key, head);
        } else {
            putInParts(key, s3Key, head, next, content);
        }
    }

    private void putInOnePiece(String key, String s3Key, byte[] bytes) throws StorageException {
        String crc = Crc32c.base64(bytes, bytes.length);
        PutObjectRequest request = PutObjectRequest.builder().bucket(settings.bucket()).key(s3Key).ifNoneMatch("*")
                .contentLength((long) bytes.length).checksumCRC32C(crc).build();
        try {
            client.putObject(request, RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes),
                    bytes.length, BINARY));
        } catch (S3Exception e) {
            if (!isConflict(e)) {
                throw failures.of("store '" + key + "'", e);
            }
            if (!sameObject(key, s3Key, bytes.length, crc)) {
                throw alreadyExists(key, e);
            }
        } catch (RuntimeException e) {
            throw failures.of("store '" + key + "'", e);
        }
    }

    private void putInParts(String key, String s3Key, byte[] head, int next, InputStream content)
            throws StorageException {
        String uploadId;
        try {
            uploadId = client.createMultipartUpload(CreateMultipartUploadRequest.builder().bucket(settings.bucket())
                    .key(s3Key).checksumAlgorithm(ChecksumAlgorithm.CRC32_C).checksumType(ChecksumType.FULL_OBJECT)
                    .contentType(BINARY).build()).uploadId();
        } catch (RuntimeException e) {
            throw failures.of("start a multipart upload of '" + key + "'", e);
        }
        try {
            byte[] part = new byte[settings.partSize()];
            System.arraycopy(head, 0, part, 0, head.length);
            // the byte read to learn that the object is larger than the threshold comes next
            InputStream rest = new SequenceInputStream(new ByteArrayInputStream(new byte[] { (byte) next }), content);
            Parts parts = uploadParts(key, s3Key, uploadId, part, head.length, rest);
            try {
                client.completeMultipartUpload(CompleteMultipartUploadRequest.builder().bucket(settings.bucket())
                        .key(s3Key).uploadId(uploadId).ifNoneMatch("*").checksumType(ChecksumType.FULL_OBJECT)
                        .checksumCRC32C(parts.wholeObjectCrc())
                        .multipartUpload(CompletedMultipartUpload.builder().parts(parts.parts()).build()).build());
            } catch (S3Exception e) {
                if (!isConflict(e)) {
                    throw e;
                }
                if (!sameObject(key, s3Key, parts.length(), parts.wholeObjectCrc())) {
                    throw alreadyExists(key, e);
                }
            }
        } catch (IOException | RuntimeException | StorageException e) {
            StorageException failure = e instanceof StorageException se ? se : failures.of("store '" + key + "'", e);
            abort(s3Key, uploadId, failure);
            throw failure;
        }
    }

    /** The uploaded parts and the CRC32C of all their bytes in order, which S3 checks on completion. */
    private record Parts(List<CompletedPart> parts, long length, String wholeObjectCrc) {
    }

    private Parts uploadParts(String key, String s3Key, String uploadId, byte[] part, int alreadyFilled,
            InputStream content) throws IOException, StorageException {
        CRC32C whole = new CRC32C();
        long total = 0;
        List<CompletedPart> parts = new ArrayList<>();
        int filled = alreadyFilled;
        for (int number = 1;; number++) {
            filled += content.readNBytes(part, filled, part.length - filled);
            if (filled == 0) {
                break;
            }
            if (number > MAX_PARTS) {
                throw new StorageException("Could not store '" + key + "' in " + settings.capabilityId() + ": it is"
                        + " larger than " + MAX_PARTS + " parts of " + (part.length >> 20) + " MiB; raise partSizeMiB");
            }
            whole.update(part, 0, filled);
            total += filled;
            String partCrc = Crc32c.base64(part, filled);
            int length = filled;
            String eTag = client.uploadPart(UploadPartRequest.builder().bucket(settings.bucket()).key(s3Key)
                    .uploadId(uploadId).partNumber(number).contentLength((long) length).checksumCRC32C(partCrc).build(),
                    RequestBody.fromContentProvider(() -> new ByteArrayInputStream(part, 0, length), length, BINARY))
                    .eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).checksumCRC32C(partCrc).build());
            if (filled < part.length) {
                break;
            }
            filled = 0;
        }
        return new Parts(parts, total, Crc32c.base64(whole));
    }

    private void abort(String s3Key, String uploadId, StorageException failure) {
        try {
            client.abortMultipartUpload(b -> b.bucket(settings.bucket()).key(s3Key).uploadId(uploadId));
        } catch (RuntimeException e) {
            failure.addSuppressed(new IllegalStateException("Could not abort multipart upload " + uploadId + " of '"
                    + s3Key + "'; it is aborted when the tier next starts", e));
        }
    }

    InputStream get(String key) throws StorageException {
        String s3Key = s3Key(key);
        try {
            ResponseInputStream<GetObjectResponse> in = client.getObject(GetObjectRequest.builder()
                    .bucket(settings.bucket()).key(s3Key).checksumMode(ChecksumMode.ENABLED).build());
            GetObjectResponse response = in.response();
            // A composite checksum (parts written by another tool) covers the parts, not the bytes: nothing to compare.
            if (response.checksumCRC32C() != null && response.checksumType() != ChecksumType.COMPOSITE) {
                return new VerifyingInputStream(in, response.checksumCRC32C(),
                        "'" + key + "' in " + settings.capabilityId() + " (" + settings.location() + ")");
            }
            return in;
        } catch (NoSuchKeyException e) {
            throw missing(key, e);
        } catch (RuntimeException e) {
            throw failures.of("read '" + key + "'", e);
        }
    }

    boolean contains(String key) throws StorageException {
        String s3Key = s3Key(key);
        return exists(key, s3Key);
    }

    ObjectInfo stat(String key) throws StorageException {
        HeadObjectResponse head = head(key, s3Key(key));
        if (head == null) {
            throw missing(key, null);
        }
        return new ObjectInfo(key, head.contentLength());
    }

    List<ObjectInfo> list(String prefix) throws StorageException {
        if (prefix == null || prefix.startsWith("/") || prefix.contains("..") || prefix.contains("\\")) {
            throw new StorageException(settings.capabilityId() + ": list prefix '" + prefix + "' must be relative and"
                    + " must not contain '..' or a backslash");
        }
        List<ObjectInfo> objects = new ArrayList<>();
        try {
            client.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(settings.prefix() + prefix))
                    .contents().forEach(o -> objects.add(new ObjectInfo(o.key().substring(settings.prefix().length()),
                            o.size())));
        } catch (RuntimeException e) {
            throw failures.of("list '" + prefix + "'", e);
        }
        // S3 sorts by UTF-8 bytes; the contract sorts like Java strings.
        objects.sort(Comparator.comparing(ObjectInfo::key));
        return objects;
    }

    void delete(String key) throws StorageException {
        String s3Key = s3Key(key);
        if (!exists(key, s3Key)) {
            throw missing(key, null);
        }
        try {
            client.deleteObject(b -> b.bucket(settings.bucket()).key(s3Key));
        } catch (RuntimeException e) {
            throw failures.of("delete '" + key + "'", e);
        }
    }

    private boolean exists(String key, String s3Key) throws StorageException {
        return head(key, s3Key) != null;
    }

    /** The object's metadata, or {@code null} if there is none. */
    private HeadObjectResponse head(String key, String s3Key) throws StorageException {
        try {
            return client.headObject(b -> b.bucket(settings.bucket()).key(s3Key));
        } catch (NoSuchKeyException e) {
            return null;
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !bucketMissing(e)) {
                return null;
            }
            throw failures.of("look up '" + key + "'", e);
        } catch (RuntimeException e) {
            throw failures.of("look up '" + key + "'", e);
        }
    }

    /** A HEAD answer carries no error code: ask again with a listing, which says NoSuchBucket if that is it. */
    private boolean bucketMissing(S3Exception notFound) {
        try {
            client.listObjectsV2(b -> b.bucket(settings.bucket()).maxKeys(1));
            return false;
        } catch (S3Exception e) {
            return e.statusCode() == 404;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The bucket key of an object key, after checking the key as every tier does. */
    private String s3Key(String key) throws StorageException {
        try {
            return settings.prefix() + new ObjectKey(key).value();
        } catch (IllegalArgumentException e) {
            throw new StorageException(settings.capabilityId() + ": " + e.getMessage(), e);
        }
    }

    /** 412: the If-None-Match condition failed; 409: a concurrent conditional write of the same key won. */
    private static boolean isConflict(S3Exception e) {
        return e.statusCode() == 412 || e.statusCode() == 409;
    }

    private StorageException alreadyExists(String key) {
        return alreadyExists(key, null);
    }

    private StorageException alreadyExists(String key, Exception cause) {
        return new StorageException("Object '" + key + "' already exists in " + settings.capabilityId() + " ("
                + settings.location() + "); stored objects are never replaced", cause);
    }

    /**
     * After a conditional write was refused: whether the object now under the key has exactly our length and CRC32C.
     * That is the case when the client retried a write the store had already applied (the retry then finds the key
     * taken), and then the write has succeeded.
     */
    private boolean sameObject(String key, String s3Key, long length, String crc) throws StorageException {
        try {
            HeadObjectResponse head = client.headObject(b -> b.bucket(settings.bucket()).key(s3Key)
                    .checksumMode(ChecksumMode.ENABLED));
            return head.contentLength() == length && crc.equals(head.checksumCRC32C());
        } catch (NoSuchKeyException e) {
            return false;
        } catch (RuntimeException e) {
            throw failures.of("look up '" + key + "'", e);
        }
    }

    private StorageException missing(String key, Exception cause) {
        return new StorageException("No object '" + key + "' in " + settings.capabilityId() + " ("
                + settings.location() + ")", cause);
    }
}
