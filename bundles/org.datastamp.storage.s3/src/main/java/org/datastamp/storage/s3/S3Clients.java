package org.datastamp.storage.s3;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Builds the AWS SDK client for one tier, with nothing taken from the environment or ~/.aws. */
final class S3Clients {

    private S3Clients() {
    }

    static S3Client create(S3Settings settings) {
        // The SDK looks some things up through the context class loader; inside OSGi that must be one that sees the
        // SDK's bundles, so build with the S3 bundle's own loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(S3Client.class.getClassLoader());
        try {
            return S3Client.builder()
                    .endpointOverride(settings.endpoint())
                    .region(Region.of(settings.region()))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(settings.accessKey(), settings.secret())))
                    .forcePathStyle(settings.pathStyle())
                    // The store sends its own CRC32C per part and per object and checks it on read: no second,
                    // SDK-chosen checksum on every request.
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .httpClient(UrlConnectionHttpClient.builder()
                            .connectionTimeout(Duration.ofSeconds(10))
                            .socketTimeout(Duration.ofMinutes(5))
                            .build())
                    .build();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
