package io.kycflow.cabinet.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param invitationTtl      how long an invitation link works (once)
 * @param maxFailedLogins    consecutive wrong passwords that lock an account
 * @param lockDuration       how long a locked account refuses every sign-in, right password included
 * @param maxFailuresPerIp   failed sign-ins one address may make per {@code ipWindow} before its attempts are refused
 * @param ipWindow           the per-address window, counted from its first failure
 * @param secondStepTtl      how long the two-factor step after a right password stays open
 * @param mailFrom           the sender of invitation e-mails (sent only when {@code spring.mail.host} is set)
 */
@ConfigurationProperties("kycflow.cabinet")
record CabinetProperties(@DefaultValue("72h") Duration invitationTtl,
                         @DefaultValue("5") int maxFailedLogins,
                         @DefaultValue("15m") Duration lockDuration,
                         @DefaultValue("20") int maxFailuresPerIp,
                         @DefaultValue("15m") Duration ipWindow,
                         @DefaultValue("5m") Duration secondStepTtl,
                         @DefaultValue("no-reply@localhost") String mailFrom) {
}
