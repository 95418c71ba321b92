package org.datastamp.storage.s3;

import java.net.ConnectException;
import java.net.UnknownHostException;

import org.datastamp.storage.api.StorageException;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns the S3 client's exceptions into messages that say what to fix (credentials, bucket, endpoint). */
final class S3Failures {

    private final S3Settings settings;

    S3Failures(S3Settings settings) {
        this.settings = settings;
    }

    /**
     * @param action what was attempted, e.g. {@code "store 'raw/a.nxs'"}
     */
    StorageException of(String action, Exception e) {
        String prefix = "Could not " + action + " in " + settings.capabilityId() + " (" + settings.location() + "): ";
        if (e instanceof AwsServiceException service) {
            return new StorageException(prefix + explain(service), e);
        }
        if (e instanceof SdkException && hasCause(e, ConnectException.class)) {
            return new StorageException(prefix + "the endpoint refused the connection; check that the S3 service is"
                    + " running and that 'endpoint' is right", e);
        }
        if (e instanceof SdkException && hasCause(e, UnknownHostException.class)) {
            return new StorageException(prefix + "unknown host " + settings.endpoint().getHost() + "; check 'endpoint'"
                    + (settings.pathStyle() ? "" : " (or set pathStyle=true: the bucket name is put in front of the"
                            + " host name otherwise)"), e);
        }
        return new StorageException(prefix + e.getMessage(), e);
    }

    private String explain(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        int status = e.statusCode();
        if ("InvalidAccessKeyId".equals(code)) {
            return "the store does not know access key '" + settings.accessKey() + "' (InvalidAccessKeyId); check"
                    + " 'accessKey'";
        }
        if ("SignatureDoesNotMatch".equals(code)) {
            return "the secret key does not belong to access key '" + settings.accessKey() + "' (SignatureDoesNotMatch);"
                    + " check the file named by 'secretFile' or the variable named by 'secretEnv'";
        }
        if ("NoSuchBucket".equals(code) || (status == 404 && code == null)) {
            return "bucket '" + settings.bucket() + "' does not exist (NoSuchBucket); create it or correct 'bucket'";
        }
        if ("AccessDenied".equals(code) || status == 403) {
            return "access key '" + settings.accessKey() + "' may not use bucket '" + settings.bucket() + "' (HTTP "
                    + status + (code == null ? "" : " " + code) + "); check the bucket policy and credentials";
        }
        return "HTTP " + status + (code == null ? "" : " " + code) + ": "
                + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
