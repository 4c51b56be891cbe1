/**
 * The end user's side: the hosted verification UI at {@code /flow/{session_id}} (to come) and the session-scoped
 * endpoints its browser calls, with no key in the browser: {@code start} binds the session to the first browser (an
 * HttpOnly cookie), {@code handoff} / {@code claim} move it to a phone once, {@code captures} takes one attempt at the
 * current step through the verification module, {@code progress} says where it stands. {@link
 * io.kycflow.remote.CaptureImages} holds the checks every capture passes before anything stores or decodes it.
 */
@org.jspecify.annotations.NullMarked
package io.kycflow.remote;
