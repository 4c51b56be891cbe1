/**
 * The hosted verification page at {@code /flow/{session_id}}: a Thymeleaf template with every screen, small scripts
 * and a stylesheet served from {@code /flow/assets/}, its languages and its security headers.
 */
@org.jspecify.annotations.NullMarked
package io.kycflow.remote.internal.web;
