package io.kycflow.flow;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import io.kycflow.flow.internal.FlowRepository;
import io.kycflow.flow.internal.FlowValidator;
import io.kycflow.security.ApiKeys;
import io.kycflow.security.MasterKey;
import io.kycflow.security.StoredApiKeys;
import io.kycflow.shared.ResolutionCache;
import io.kycflow.shared.KycException;
import io.kycflow.technology.Technology;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Designing flows: validate, create, change, list — always within one organization. */
@Service
public class FlowService {

    public static final int MAX_PAGE = 100;

    private final FlowRepository flows;
    private final FlowValidator validator;
    private final StoredApiKeys storedKeys;
    /*
     * The runtime API resolves a flow by its key on every request; flows change rarely, so the resolution is
     * cached briefly and dropped on every update made here (another instance sees an update within the TTL).
     */
    private final ResolutionCache<String, FlowRepository.KeyedFlow> byKeyHash =
            new ResolutionCache<>(Duration.ofSeconds(30), 10_000);

    FlowService(FlowRepository flows, FlowValidator validator, MasterKey masterKey) {
        this.flows = flows;
        this.validator = validator;
        this.storedKeys = StoredApiKeys.of(masterKey, StoredApiKeys.Owner.FLOW);
    }

    /** Validates without storing; tells which technologies would get default configs. */
    public FlowDraft validate(UUID organizationId, NewFlow request) {
        var draft = validator.validate(organizationId, request);
        if (flows.nameTaken(organizationId, request.name(), null)) {
            throw nameTaken(request.name());
        }
        return draft;
    }

    /** Creates the flow with a new API key, which is stored sealed and returned in plain this once. */
    @Transactional
    public IssuedFlow create(UUID organizationId, NewFlow request) {
        var draft = validate(organizationId, request);
        var now = now();
        var flow = new Flow(UUID.randomUUID(), organizationId, request.name(), request.displayName(),
                draft.technologies().stream().map(Technology::id).toList(), draft.flowConfig(),
                draft.technologyConfigs(), now, now);
        var key = ApiKeys.generate();
        try {
            flows.insert(flow, storedKeys.seal(flow.id(), key), ApiKeys.lookupHash(key));
        } catch (DuplicateKeyException e) {
            throw nameTaken(request.name()); // a concurrent create won the race for the name
        }
        return new IssuedFlow(flow, key);
    }

    @Transactional
    public Flow update(UUID organizationId, FlowPatch patch) {
        var current = get(organizationId, patch.flowId());
        var name = patch.name() == null ? current.name() : patch.name();
        if (!name.equals(current.name()) && flows.nameTaken(organizationId, name, current.id())) {
            throw nameTaken(name);
        }
        var technologyIds = patch.technologyIds() == null ? current.technologyIds() : patch.technologyIds();
        var technologies = validator.technologies(organizationId, technologyIds, current.technologyIds());
        var updated = new Flow(current.id(), organizationId, name,
                patch.displayName() == null ? current.displayName() : patch.displayName(), technologyIds,
                validator.patchFlowConfig(current.flowConfig(), patch.flowConfig()),
                validator.patchConfigs(technologies, current.technologyConfigs(), patch.technologyConfigs()),
                current.createdAt(), now());
        try {
            flows.update(updated);
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        byKeyHash.clear();
        return updated;
    }

    public Flow get(UUID organizationId, UUID flowId) {
        return flows.find(organizationId, flowId).orElseThrow(() -> KycException.notFound("flow_not_found",
                "No flow with id " + flowId + " in this organization; list_flows shows the available ones."));
    }

    /**
     * The flow's API key, to show it (MCP {@code get_flow}): the only place a stored flow key is opened; the runtime
     * API finds flows by the hash of the key presented.
     *
     * @throws StoredApiKeys.Unreadable when the configured master key is not the one the key was stored with
     */
    public String apiKey(UUID organizationId, UUID flowId) {
        var sealed = flows.sealedApiKey(organizationId, flowId).orElseThrow(() -> KycException.notFound("flow_not_found",
                "No flow with id " + flowId + " in this organization; list_flows shows the available ones."));
        return storedKeys.open(flowId, sealed);
    }

    /**
     * Issues the flow a new API key, sealed like {@link #create}'s, and drops the key cache, so the previous key stops
     * working on the runtime API at once (on other instances within the cache's TTL).
     *
     * @return the new key in plain, for the caller to show this once
     */
    @Transactional
    public String rotateApiKey(UUID organizationId, UUID flowId) {
        var key = ApiKeys.generate();
        if (!flows.replaceApiKey(organizationId, flowId, storedKeys.seal(flowId, key), ApiKeys.lookupHash(key))) {
            throw KycException.notFound("flow_not_found",
                    "No flow with id " + flowId + " in this organization; list_flows shows the available ones.");
        }
        byKeyHash.clear();
        return key;
    }

    public FlowPage list(UUID organizationId, int limit, int offset) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw KycException.invalid("limit", "limit must be between 1 and " + MAX_PAGE);
        }
        if (offset < 0) {
            throw KycException.invalid("offset", "offset must be 0 or greater");
        }
        var page = flows.page(organizationId, limit, offset);
        Integer next = offset + page.flows().size() < page.count() ? offset + limit : null;
        Integer previous = offset > 0 ? Math.max(0, offset - limit) : null;
        return new FlowPage(page.count(), next, previous, page.flows());
    }

    /** The flow owning a presented flow API key (runtime entry point of the customer's backend). */
    public Optional<Flow> findByApiKey(String presentedKey) {
        if (!ApiKeys.plausible(presentedKey)) {
            return Optional.empty();
        }
        var hash = ApiKeys.lookupHash(presentedKey);
        return byKeyHash.get(hash, flows::findByKeyHash)
                .filter(found -> ApiKeys.sameHash(hash, found.apiKeyHash()))
                .map(FlowRepository.KeyedFlow::flow);
    }

    private static KycException nameTaken(String name) {
        return KycException.conflict("flow_name_taken", "request_data.name",
                "A flow named '" + name + "' already exists in this organization; choose another name.");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
