package io.kycflow.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param adminApiKey the operator's key for {@code /api/v1/admin/}; unset disables the admin API */
@ConfigurationProperties("kycflow")
record AdminProperties(@Nullable String adminApiKey) {
}
