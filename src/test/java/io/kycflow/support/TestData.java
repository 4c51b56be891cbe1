package io.kycflow.support;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.kycflow.flow.FlowService;
import io.kycflow.flow.IssuedFlow;
import io.kycflow.flow.NewFlow;
import io.kycflow.organization.IssuedOrganization;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds organizations and flows through the real services (there is no REST endpoint for flows yet). Names are
 * unique per call so tests sharing a cached context never see each other's data by accident.
 */
public final class TestData {

    private final OrganizationService organizations;
    private final FlowService flows;
    private final TechnologyCatalog catalog;

    public TestData(OrganizationService organizations, FlowService flows, TechnologyCatalog catalog) {
        this.organizations = organizations;
        this.flows = flows;
        this.catalog = catalog;
    }

    public IssuedOrganization org(OrganizationStatus status, TechnologyCode... codes) {
        return organizations.create("org " + unique(), status, List.of(codes));
    }

    /** A TEST organization subscribed to every technology. */
    public IssuedOrganization org() {
        return org(OrganizationStatus.TEST, TechnologyCode.values());
    }

    public IssuedFlow flow(UUID organizationId, TechnologyCode... codes) {
        return flow(organizationId, null, null, codes);
    }

    public IssuedFlow flow(UUID organizationId, @Nullable String flowConfig, @Nullable String technologyConfigs,
                     TechnologyCode... codes) {
        return flows.create(organizationId, newFlow("flow-" + unique(), flowConfig, technologyConfigs, codes));
    }

    public NewFlow newFlow(String name, @Nullable String flowConfig, @Nullable String technologyConfigs,
                           TechnologyCode... codes) {
        return new NewFlow(name, name, ids(codes), flowConfig == null ? null : json(flowConfig),
                technologyConfigs == null ? null : json(technologyConfigs));
    }

    public List<UUID> ids(TechnologyCode... codes) {
        return Arrays.stream(codes).map(code -> catalog.get(code).id()).toList();
    }

    public static ObjectNode json(String text) {
        return (ObjectNode) JsonMapper.shared().readTree(text);
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
