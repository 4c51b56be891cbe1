package io.kycflow.organization;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kycflow.organization.internal.OrganizationRepository;
import io.kycflow.security.ApiKeys;
import io.kycflow.security.MasterKey;
import io.kycflow.security.StoredApiKeys;
import io.kycflow.shared.ResolutionCache;
import io.kycflow.shared.KycException;
import io.kycflow.technology.Technology;
import io.kycflow.technology.TechnologyCatalog;
import io.kycflow.technology.TechnologyCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organizations, their API keys and their technology subscriptions. */
@Service
public class OrganizationService {

    private static final int MAX_NAME = 200;

    private final OrganizationRepository organizations;
    private final TechnologyCatalog catalog;
    private final StoredApiKeys storedKeys;
    /*
     * Every MCP request authenticates by key and every session create needs its organization's status: both are
     * read far more often than they change, so they are cached briefly and dropped on every change made here.
     * Another instance sees a change after at most the TTL.
     */
    private final ResolutionCache<String, OrganizationRepository.KeyedOrganization> byKeyHash =
            new ResolutionCache<>(Duration.ofSeconds(30), 10_000);
    private final ResolutionCache<UUID, Organization> byId = new ResolutionCache<>(Duration.ofSeconds(30), 10_000);

    OrganizationService(OrganizationRepository organizations, TechnologyCatalog catalog, MasterKey masterKey) {
        this.organizations = organizations;
        this.catalog = catalog;
        this.storedKeys = StoredApiKeys.of(masterKey, StoredApiKeys.Owner.ORGANIZATION);
    }

    private void changed() {
        byKeyHash.clear();
        byId.clear();
    }

    @Transactional
    public IssuedOrganization create(String name, OrganizationStatus status, Collection<TechnologyCode> technologies) {
        var trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw KycException.invalid("name", "name must be 1 to " + MAX_NAME + " characters");
        }
        var org = new Organization(UUID.randomUUID(), trimmed, status, now());
        var key = ApiKeys.generate();
        organizations.insert(org, storedKeys.seal(org.id(), key), ApiKeys.lookupHash(key));
        technologies.stream().distinct().forEach(code -> organizations.subscribe(org.id(), catalog.get(code).id()));
        return new IssuedOrganization(org, key);
    }

    public List<Organization> list() {
        return organizations.findAll();
    }

    public boolean noneExist() {
        return organizations.isEmpty();
    }

    public Organization get(UUID id) {
        return byId.get(id, organizations::find).orElseThrow(() -> KycException.notFound("organization_not_found",
                "No organization with id " + id + "."));
    }

    /**
     * The operator's view of the organization's key: the only place it is opened (authentication compares hashes).
     *
     * @throws StoredApiKeys.Unreadable when the configured master key is not the one the key was stored with
     */
    public String apiKey(UUID id) {
        var sealed = organizations.sealedApiKey(id).orElseThrow(() -> KycException.notFound("organization_not_found",
                "No organization with id " + id + "."));
        return storedKeys.open(id, sealed);
    }

    /** The organization owning {@code presentedKey}, if any. */
    public Optional<Organization> authenticate(String presentedKey) {
        if (!ApiKeys.plausible(presentedKey)) {
            return Optional.empty();
        }
        var hash = ApiKeys.lookupHash(presentedKey);
        return byKeyHash.get(hash, organizations::findByKeyHash)
                .filter(found -> ApiKeys.sameHash(hash, found.apiKeyHash()))
                .map(OrganizationRepository.KeyedOrganization::organization);
    }

    @Transactional
    public Organization changeStatus(UUID id, OrganizationStatus status) {
        get(id);
        organizations.updateStatus(id, status);
        changed();
        return get(id);
    }

    /** Issues a new key; the old one stops working at once. */
    @Transactional
    public String rotateKey(UUID id) {
        get(id);
        var key = ApiKeys.generate();
        organizations.updateKey(id, storedKeys.seal(id, key), ApiKeys.lookupHash(key));
        changed();
        return key;
    }

    /** The technologies the organization may put in a flow, in catalog order. */
    public List<Technology> subscriptions(UUID orgId) {
        return organizations.subscribedTechnologyIds(orgId).stream()
                .map(id -> catalog.find(id).orElseThrow())
                .toList();
    }

    public boolean isSubscribed(UUID orgId, UUID technologyId) {
        return organizations.subscribedTechnologyIds(orgId).contains(technologyId);
    }

    @Transactional
    public List<Technology> grant(UUID orgId, TechnologyCode code) {
        get(orgId);
        organizations.subscribe(orgId, catalog.get(code).id());
        return subscriptions(orgId);
    }

    /** Existing flows keep working; the technology can no longer be put into new or updated flows. */
    @Transactional
    public List<Technology> revoke(UUID orgId, TechnologyCode code) {
        get(orgId);
        organizations.unsubscribe(orgId, catalog.get(code).id());
        return subscriptions(orgId);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
