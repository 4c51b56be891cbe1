package io.kycflow.media.internal;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param store   {@code file} (under {@code ${kycflow.data-dir}/media}) or {@code s3}
 * @param urlTtl  how long a signed media URL serves its object
 * @param maxSize largest object accepted
 * @param s3      the S3-compatible store, when {@code store=s3}
 */
@ConfigurationProperties("kycflow.media")
public record MediaProperties(@DefaultValue("file") Store store, @DefaultValue("5m") Duration urlTtl,
                              @DefaultValue("10MB") DataSize maxSize, @DefaultValue S3 s3) {

    public enum Store { FILE, S3 }

    public MediaProperties {
        if (urlTtl.isNegative() || urlTtl.toSeconds() < 1 || urlTtl.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("kycflow.media.url-ttl must be between 1s and 7d");
        }
        if (maxSize.toBytes() < 1 || maxSize.toBytes() > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("kycflow.media.max-size must be between 1B and 2GB");
        }
    }

    /**
     * @param bucket    the bucket (required with {@code store=s3}); it must exist
     * @param endpoint  the store's URL for S3-compatible servers (MinIO, Ceph, …); unset for AWS
     * @param region    the signing region
     * @param accessKey with {@code secretKey}: static credentials; both unset: the AWS default chain (environment,
     *                  instance profile, …)
     * @param pathStyle {@code bucket} in the path instead of the host name; defaults to true when an endpoint is set
     */
    public record S3(@Nullable String bucket, @Nullable URI endpoint, @DefaultValue("us-east-1") String region,
                     @Nullable String accessKey, @Nullable String secretKey, @Nullable Boolean pathStyle) {

        boolean usePathStyle() {
            return pathStyle != null ? pathStyle : endpoint != null;
        }

        @Override
        public String toString() { // the secret key never reaches a log line or an error message
            return "S3[bucket=" + bucket + ", endpoint=" + endpoint + ", region=" + region + ", pathStyle=" + usePathStyle() + "]";
        }
    }
}
