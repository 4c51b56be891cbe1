package io.kycflow.media.internal;

import java.time.Duration;

import org.springframework.boot.diagnostics.FailureAnalyzedException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** An S3-compatible bucket (AWS S3, MinIO, Ceph, …) through the AWS SDK v2; S3 acknowledges a put once it is durable. */
final class S3MediaStore implements MediaStore, AutoCloseable {

    private final S3Client client;
    private final String bucket;
    private final String description;

    S3MediaStore(MediaProperties.S3 settings) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new FailureAnalyzedException("kycflow.media.store is s3, but no bucket is configured.",
                    "Set KYCFLOW_MEDIA_S3_BUCKET (kycflow.media.s3.bucket) to an existing bucket.");
        }
        this.bucket = settings.bucket().strip();
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.usePathStyle())
                .credentialsProvider(credentials(settings))
                // Integrity is the GCM tag's job end to end; the SDK's default trailing checksums are refused by some
                // S3-compatible servers, so they are sent only where an operation requires them.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        this.client = builder.build();
        this.description = "S3 bucket " + bucket + (settings.endpoint() == null ? "" : " at " + settings.endpoint());
    }

    private static AwsCredentialsProvider credentials(MediaProperties.S3 settings) {
        boolean access = settings.accessKey() != null && !settings.accessKey().isBlank();
        boolean secret = settings.secretKey() != null && !settings.secretKey().isBlank();
        if (access != secret) {
            throw new FailureAnalyzedException("Only one of kycflow.media.s3.access-key and kycflow.media.s3.secret-key is set.",
                    "Set both KYCFLOW_MEDIA_S3_ACCESS_KEY and KYCFLOW_MEDIA_S3_SECRET_KEY, or neither (then the AWS default "
                            + "credentials chain applies: environment, profile, instance role).");
        }
        return access ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey().strip(),
                settings.secretKey().strip())) : DefaultCredentialsProvider.builder().build();
    }

    @Override
    public void put(String key, byte[] sealed) {
        try {
            client.putObject(request -> request.bucket(bucket).key(key).contentType("application/octet-stream")
                    .contentLength((long) sealed.length), RequestBody.fromBytes(sealed));
        } catch (SdkException e) {
            throw new MediaStore.Failure("media blob " + key + " could not be stored in " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] get(String key) {
        try {
            return client.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArrayUnsafe();
        } catch (NoSuchKeyException e) {
            throw new MediaStore.Missing(key);
        } catch (SdkException e) {
            throw new MediaStore.Failure("media blob " + key + " could not be read from " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            client.deleteObject(request -> request.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new MediaStore.Failure("media blob " + key + " could not be deleted from " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        client.close();
    }
}
