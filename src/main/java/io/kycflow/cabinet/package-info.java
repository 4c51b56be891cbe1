/**
 * The Cabinet, an organization's web console under {@code /cabinet/}: its members and their roles, invitations,
 * sign-in (Spring Security, for {@code /cabinet/*} only) and the organization's audit log.
 */
@org.jspecify.annotations.NullMarked
package io.kycflow.cabinet;
