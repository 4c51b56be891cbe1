package io.kycflow.organization;

import java.util.List;
import java.util.UUID;

/**
 * Something another module sets up for the demo organization on the very first start, announced in the same
 * one-time message as the organization's key (e.g. the Cabinet's demo owner and its password).
 */
public interface DemoAnnouncement {

    /** Lines to print once; they may hold a secret shown only this time (standard output, never the log). */
    List<String> demoOrganizationCreated(UUID organizationId);
}
