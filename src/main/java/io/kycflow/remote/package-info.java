/**
 * The end user's side: the hosted verification UI at {@code /flow/{session_id}} and the session-scoped endpoints
 * its browser calls (no key in the browser). For now, the checks every capture passes before anything stores or
 * verifies it.
 */
@org.jspecify.annotations.NullMarked
package io.kycflow.remote;
