package io.kycflow.media;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.kycflow.media.MediaFixtures.Image;
import io.kycflow.security.MasterKey;
import io.kycflow.shared.KycException;
import io.kycflow.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.kycflow.media.MediaFixtures.get;
import static io.kycflow.media.MediaFixtures.pathAndQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the media store promises through its API and its links, run unchanged against each backend and database (one
 * subclass each): exact bytes back, private headers, refusals in our words, an access row per object served, and
 * nothing in the store that shows the image.
 */
abstract class MediaContract {

    @LocalServerPort int port;
    @Autowired MediaService media;
    @Autowired MasterKey masterKey;
    @Autowired JdbcClient jdbc;

    /** The sealed blob exactly as the backend holds it. */
    abstract byte[] rawBlob(MediaRef ref);

    MediaRef store(Image image) {
        return media.store(UUID.randomUUID(), UUID.randomUUID(), MediaKind.SELFIE, "image/png", image.bytes());
    }

    @Test
    void signedLinkServesTheExactBytesWithTheStoredTypeAndPrivateHeaders() {
        var image = MediaFixtures.image(200_000, 1);
        var ref = media.store(UUID.randomUUID(), UUID.randomUUID(), MediaKind.DOCUMENT_FRONT, "image/webp", image.bytes());
        var link = media.signedUrl(ref.id(), "org_api_key:1a2b3c4d");

        assertThat(link.url().toString()).startsWith(MediaFixtures.PUBLIC_BASE + "/media/" + ref.id() + "?expires=");
        assertThat(link.expiresAt()).isBetween(Instant.now().plusSeconds(290), Instant.now().plusSeconds(301));
        var response = get(port, pathAndQuery(link.url()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(image.bytes());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/webp");
        assertThat(response.headers().firstValue("Content-Length")).hasValue("200000");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("inline");
        assertThat(media.read(ref.id())).isEqualTo(image.bytes());
        assertThat(media.find(ref.id())).hasValue(ref);
        assertThat(ref.size()).isEqualTo(200_000);
    }

    @Test
    void aOneMegabyteImageRoundTrips() {
        var image = MediaFixtures.image(1 << 20, 2);
        var ref = store(image);
        var response = get(port, pathAndQuery(media.signedUrl(ref.id(), "cabinet:reviewer-7").url()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(image.bytes());
    }

    @Test
    void storedBlobIsNotTheImage() {
        var image = MediaFixtures.image(50_000, 3);
        var blob = rawBlob(store(image));
        assertThat(blob).hasSize(image.bytes().length + io.kycflow.security.SecretBox.OVERHEAD);
        assertThat(MediaFixtures.containsAnyRunOf(blob, image.marker())).as("the marker in the clear").isFalse();
        assertThat(MediaFixtures.containsAnyRunOf(blob, image.bytes())).as("any 32-byte run of the image").isFalse();
    }

    @Test
    void everyServedObjectIsRecordedInTheAccessLogAndRefusalsWriteNothing() {
        var ref = store(MediaFixtures.image(1_000, 4));
        var reviewer = media.signedUrl(ref.id(), "cabinet:reviewer-7");
        var backend = media.signedUrl(ref.id(), "org_api_key:1a2b3c4d");

        assertThat(get(port, pathAndQuery(reviewer.url())).statusCode()).isEqualTo(200);
        assertThat(get(port, pathAndQuery(backend.url())).statusCode()).isEqualTo(200);
        assertThat(get(port, pathAndQuery(reviewer.url())).statusCode()).isEqualTo(200);
        assertThat(get(port, pathAndQuery(reviewer.url()).replace("reviewer-7", "reviewer-8")).statusCode()).isEqualTo(403);

        var rows = jdbc.sql("SELECT media_id, organization_id, viewer, accessed_at FROM media_access WHERE media_id = ? ORDER BY id")
                .param(ref.id())
                .query((rs, n) -> new Access(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, java.time.OffsetDateTime.class).toInstant()))
                .list();
        assertThat(rows).extracting(Access::viewer).containsExactly("cabinet:reviewer-7", "org_api_key:1a2b3c4d", "cabinet:reviewer-7");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.mediaId()).isEqualTo(ref.id());
            assertThat(row.organizationId()).isEqualTo(ref.organizationId());
            assertThat(row.at()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        });
    }

    record Access(UUID mediaId, UUID organizationId, String viewer, Instant at) {
    }

    @Test
    void alteredLinksAreRefusedWith403InOurWords() {
        var ref = store(MediaFixtures.image(1_000, 5));
        var other = store(MediaFixtures.image(1_000, 6));
        var link = pathAndQuery(media.signedUrl(ref.id(), "org_api_key:1a2b3c4d").url());
        var query = URI.create("http://x" + link).getRawQuery();
        var expires = query.replaceAll(".*expires=([0-9]+).*", "$1");
        var signature = query.replaceAll(".*signature=([A-Za-z0-9_-]+).*", "$1");
        var flipped = (signature.charAt(10) == 'A' ? 'B' : 'A');

        var http = new Http(port);
        for (var altered : new String[] {
                link.replace(ref.id().toString(), other.id().toString()),
                link.replace("expires=" + expires, "expires=" + (Long.parseLong(expires) + 1)),
                link.replace("expires=" + expires, "expires=" + (Long.parseLong(expires) + 86_400)),
                link.replace("viewer=org_api_key", "viewer=org_api_kez"),
                link.replace(signature, signature.substring(0, 10) + flipped + signature.substring(11)),
                link.replace(signature, signature.substring(1)),
                link.replace("&signature=" + signature, ""),
                link.replace("&viewer=org_api_key:1a2b3c4d", ""),
                link + "&signature=" + signature,
                link.replace("expires=" + expires, "expires=-" + expires),
                link.replace("expires=" + expires, "expires=" + expires + "0000000000"),
                link.replace("viewer=org_api_key:1a2b3c4d", "viewer=" + "v".repeat(200)),
                "/media/not-a-uuid?" + query,
                "/media/" + ref.id()}) {
            http.get(altered).assertProblem(403, "media_url_invalid");
        }
        assertThat(get(port, link).statusCode()).as("the genuine link still serves").isEqualTo(200);
    }

    @Test
    void genuineLinkPastItsExpiryIsRefusedWith403() {
        var ref = store(MediaFixtures.image(1_000, 7));
        long past = Instant.now().getEpochSecond() - 1;
        var viewer = "org_api_key:1a2b3c4d";
        var expired = "/media/" + ref.id() + "?expires=" + past + "&viewer=" + viewer + "&signature="
                + MediaFixtures.signature(masterKey, ref.id(), past, viewer);

        var problem = new Http(port).get(expired).assertProblem(403, "media_url_expired");

        assertThat(problem.path("detail").asString()).contains("expired");
        long future = Instant.now().getEpochSecond() + 60;
        var fresh = "/media/" + ref.id() + "?expires=" + future + "&viewer=" + viewer + "&signature="
                + MediaFixtures.signature(masterKey, ref.id(), future, viewer);
        assertThat(get(port, fresh).statusCode()).as("the same recipe with a future expiry").isEqualTo(200);
    }

    @Test
    void genuineLinkToUnknownMediaIs404() {
        var unknown = UUID.randomUUID();
        new Http(port).get(pathAndQuery(media.signedUrl(unknown, "org_api_key:1a2b3c4d").url()))
                .assertProblem(404, "media_not_found");
        assertThatThrownBy(() -> media.read(unknown)).isInstanceOfSatisfying(KycException.class,
                e -> assertThat(e.code()).isEqualTo("media_not_found"));
    }

    @Test
    void onlyImagesWithinTheSizeLimitAreStored() {
        var org = UUID.randomUUID();
        var session = UUID.randomUUID();
        var image = MediaFixtures.image(100, 8).bytes();
        assertThatThrownBy(() -> media.store(org, session, MediaKind.SELFIE, "text/html", image))
                .isInstanceOfSatisfying(KycException.class, e -> assertThat(e.field()).isEqualTo("content_type"));
        assertThatThrownBy(() -> media.store(org, session, MediaKind.SELFIE, "image/png", new byte[0]))
                .isInstanceOfSatisfying(KycException.class, e -> assertThat(e.field()).isEqualTo("bytes"));
        assertThatThrownBy(() -> media.store(org, session, MediaKind.SELFIE, "image/png", new byte[10 * 1024 * 1024 + 1]))
                .isInstanceOfSatisfying(KycException.class, e -> assertThat(e.field()).isEqualTo("bytes"));
        assertThatThrownBy(() -> media.signedUrl(UUID.randomUUID(), "has space")).isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM media WHERE session_id = ?").param(session).query(Long.class).single()).isZero();
    }
}
