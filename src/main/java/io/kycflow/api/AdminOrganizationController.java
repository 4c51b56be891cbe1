package io.kycflow.api;

import io.kycflow.shared.Timestamps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.kycflow.cabinet.CabinetInvitations;
import io.kycflow.cabinet.Invitation;
import io.kycflow.organization.Organization;
import io.kycflow.organization.OrganizationService;
import io.kycflow.organization.OrganizationStatus;
import io.kycflow.shared.KycException;
import io.kycflow.shared.RequestFields;
import io.kycflow.technology.Technology;
import io.kycflow.technology.TechnologyCode;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The platform operator's API (guarded by the admin key filter): organizations, keys and subscriptions. */
@RestController
@RequestMapping("/api/v1/admin/organizations")
class AdminOrganizationController {

    private static final RequestFields CREATE = new RequestFields("body", List.of("name", "status", "technologies"));
    private static final RequestFields PATCH = new RequestFields("body", List.of("status"));

    private static final RequestFields INVITE = new RequestFields("body", List.of("email"));

    private final OrganizationService organizations;
    private final CabinetInvitations invitations;

    AdminOrganizationController(OrganizationService organizations, CabinetInvitations invitations) {
        this.organizations = organizations;
        this.invitations = invitations;
    }

    /** The first owner's way in: a one-time link to set a password (the Cabinet shows nothing before it). */
    @PostMapping(path = "/{id}/owner-invitations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Invitation inviteOwner(@PathVariable UUID id, @RequestBody JsonNode body) {
        var request = INVITE.object(body);
        return invitations.inviteOwner(id, INVITE.requiredText(request, "email", 254));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    OrganizationView create(@RequestBody JsonNode body) {
        var request = CREATE.object(body);
        var name = CREATE.requiredText(request, "name", 200);
        var status = request.has("status") ? status(request.get("status")) : OrganizationStatus.TEST;
        var issued = organizations.create(name, status, technologies(request.get("technologies")));
        return view(issued.organization(), issued.apiKey());
    }

    @GetMapping
    OrganizationList list() {
        return new OrganizationList(organizations.list().stream().map(org -> view(org, null)).toList());
    }

    @GetMapping("/{id}")
    OrganizationView get(@PathVariable UUID id) {
        return view(organizations.get(id), organizations.apiKey(id));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    OrganizationView changeStatus(@PathVariable UUID id, @RequestBody JsonNode body) {
        var request = PATCH.object(body);
        if (!request.has("status")) {
            throw KycException.invalid("body.status", "body.status is required");
        }
        return view(organizations.changeStatus(id, status(request.get("status"))), null);
    }

    @PostMapping("/{id}/api-key")
    OrganizationView rotateKey(@PathVariable UUID id) {
        var key = organizations.rotateKey(id);
        return view(organizations.get(id), key);
    }

    @GetMapping("/{id}/subscriptions")
    Subscriptions subscriptions(@PathVariable UUID id) {
        organizations.get(id);
        return subscriptions(organizations.subscriptions(id));
    }

    @PutMapping("/{id}/subscriptions/{code}")
    Subscriptions grant(@PathVariable UUID id, @PathVariable String code) {
        return subscriptions(organizations.grant(id, code(code, "code")));
    }

    @DeleteMapping("/{id}/subscriptions/{code}")
    Subscriptions revoke(@PathVariable UUID id, @PathVariable String code) {
        return subscriptions(organizations.revoke(id, code(code, "code")));
    }

    private OrganizationView view(Organization org, @Nullable String apiKey) {
        return new OrganizationView(org.id(), org.name(), org.status(), org.sandbox(), Timestamps.format(org.createdAt()),
                organizations.subscriptions(org.id()).stream().map(t -> t.code().name()).toList(), apiKey);
    }

    private static Subscriptions subscriptions(List<Technology> technologies) {
        return new Subscriptions(technologies.stream().map(t -> t.code().name()).toList());
    }

    private static OrganizationStatus status(JsonNode node) {
        if (node.isString()) {
            for (var status : OrganizationStatus.values()) {
                if (status.name().equals(node.stringValue())) {
                    return status;
                }
            }
        }
        throw KycException.invalid("body.status", "body.status must be one of " + Arrays.toString(OrganizationStatus.values()));
    }

    private static List<TechnologyCode> technologies(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isString() && "ALL".equals(node.stringValue())) {
            return List.of(TechnologyCode.values());
        }
        if (!node.isArray()) {
            throw KycException.invalid("body.technologies", "body.technologies must be \"ALL\" or an array of codes such as [\"LD\", \"DR\"]");
        }
        var codes = new ArrayList<TechnologyCode>();
        for (int i = 0; i < node.size(); i++) {
            var item = node.get(i);
            codes.add(code(item.isString() ? item.stringValue() : "", "body.technologies[" + i + "]"));
        }
        return codes;
    }

    private static TechnologyCode code(String code, String field) {
        for (var candidate : TechnologyCode.values()) {
            if (candidate.name().equals(code)) {
                return candidate;
            }
        }
        throw KycException.invalid(field, field + " must be one of " + Arrays.toString(TechnologyCode.values()));
    }

    record OrganizationView(UUID id, String name, OrganizationStatus status, boolean sandbox, String createdAt,
                            List<String> technologies,
                            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                            @Nullable String apiKey) {
    }

    record OrganizationList(List<OrganizationView> results) {
    }

    record Subscriptions(List<String> technologies) {
    }
}
