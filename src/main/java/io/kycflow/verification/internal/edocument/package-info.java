/**
 * The e-document technology (ED): a provider interface ({@link io.kycflow.verification.internal.edocument.EDocumentProvider}),
 * the HTTP adapter for a government e-document gateway (timeouts, retries with backoff, a circuit breaker; contract in
 * docs/integration/e-document-gateway.md), the sandbox provider with documented test identities for TEST/DEMO
 * organizations, and the engines that turn a fetched document into {@code edocument_result} and a reference face.
 */
@org.jspecify.annotations.NullMarked
package io.kycflow.verification.internal.edocument;
