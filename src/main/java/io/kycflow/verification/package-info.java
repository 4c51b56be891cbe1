/**
 * Verification providers. For now the sandbox provider of TEST/DEMO organizations, whose results are always
 * labelled {@code "sandbox": true}; the offline engines for PRODUCTION organizations come with the hosted UI.
 */
@org.jspecify.annotations.NullMarked
package io.kycflow.verification;
