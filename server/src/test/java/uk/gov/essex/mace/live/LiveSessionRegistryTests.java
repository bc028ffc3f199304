package uk.gov.essex.mace.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import uk.gov.essex.mace.identity.HubAuthentication;
import uk.gov.essex.mace.support.InMemoryMongo;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.AgencyType;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.partnership.Role;

/**
 * The shared session registry of relay mode: a session's principal comes
 * back whole (it is the policy decision's only input on another instance), unsubscribing and
 * closing take effect, and expired sessions and those of silent instances are not chosen (on
 * mongo-java-server, the embedded store's engine).
 */
class LiveSessionRegistryTests {

    // ScaleOutTests runs the real embedded store, in a process of its own
    private InMemoryMongo store;
    private MongoTemplate mongo;

    @BeforeEach
    void store() {
        store = new InMemoryMongo();
        mongo = store.template();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static HubAuthentication auth(HubPrincipal principal, Instant expiresAt) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject(principal.subject())
                .issuedAt(expiresAt.minusSeconds(900)).expiresAt(expiresAt).build();
        return new HubAuthentication(jwt, principal);
    }

    @Test
    void sessionsAreChosenByDestinationExpiryAndLiveInstanceWithTheirWholePrincipal() {
        HubPrincipal police = new HubPrincipal("police.north", "essex-police", AgencyType.POLICE,
                Set.of(Role.POLICE_INTELLIGENCE, Role.PRACTITIONER), Set.of(Quadrant.NORTH), "hub-cli", "http://localhost:8080");
        HubPrincipal csc = new HubPrincipal("csc.north", "essex-csc", AgencyType.CHILDRENS_SOCIAL_CARE,
                Set.of(Role.PRACTITIONER), Set.of(Quadrant.NORTH), "hub-cli", "http://localhost:8080");
        Instant now = Instant.now();
        LiveSessionRegistry onA = new LiveSessionRegistry(mongo, "a");
        LiveSessionRegistry onB = new LiveSessionRegistry(mongo, "b");
        onA.connected("s1", auth(police, now.plusSeconds(600)));
        onB.connected("s2", auth(csc, now.plusSeconds(600)));
        onB.connected("s3", auth(csc, now.minusSeconds(1)));
        onA.subscribed("s1", "sub-0", "/user/queue/cases/c1");
        onA.subscribed("s1", "sub-1", "/user/queue/alerts");
        onB.subscribed("s2", "sub-0", "/user/queue/cases/c1");
        onB.subscribed("s3", "sub-0", "/user/queue/cases/c1");

        List<LiveSessionRegistry.Remote> feed = onA.subscribedTo("/user/queue/cases/c1", now, Set.of("a", "b"));
        assertThat(feed).extracting(LiveSessionRegistry.Remote::sessionId).containsExactlyInAnyOrder("s1", "s2");
        assertThat(feed).filteredOn(r -> r.sessionId().equals("s1")).singleElement()
                .satisfies(r -> {
                    assertThat(r.principal()).isEqualTo(police);
                    assertThat(r.instance()).isEqualTo("a");
                });
        assertThat(onA.subscribedTo("/user/queue/cases/c1", now, Set.of("a")))
                .extracting(LiveSessionRegistry.Remote::sessionId).containsExactly("s1");

        onA.unsubscribed("s1", "sub-0");
        assertThat(onA.subscribedTo("/user/queue/cases/c1", now, Set.of("a", "b")))
                .extracting(LiveSessionRegistry.Remote::sessionId).containsExactly("s2");
        assertThat(onA.subscribedTo("/user/queue/alerts", now, Set.of("a", "b")))
                .extracting(LiveSessionRegistry.Remote::sessionId).containsExactly("s1");

        onB.closed("s2");
        assertThat(onA.subscribedTo("/user/queue/cases/c1", now, Set.of("a", "b"))).isEmpty();

        onA.forgetInstancesOtherThan(Set.of("b"), now.plusSeconds(120));
        assertThat(onA.subscribedTo("/user/queue/alerts", now, Set.of("a", "b"))).isEmpty();
    }

    @Test
    void whenACaseIsErasedThenEverySubscriptionToItsFeedIsForgottenAndNoOther() {
        HubPrincipal csc = new HubPrincipal("csc.north", "essex-csc", AgencyType.CHILDRENS_SOCIAL_CARE,
                Set.of(Role.PRACTITIONER), Set.of(Quadrant.NORTH), "hub-cli", "http://localhost:8080");
        Instant now = Instant.now();
        LiveSessionRegistry registry = new LiveSessionRegistry(mongo, "a");
        String erased = "3f1c2a4e-0000-4000-8000-000000000001";
        registry.connected("s1", auth(csc, now.plusSeconds(600)));
        registry.connected("s2", auth(csc, now.plusSeconds(600)));
        registry.subscribed("s1", "sub-0", "/user/queue/cases/" + erased);
        registry.subscribed("s1", "sub-1", "/user/queue/cases/c2");
        registry.subscribed("s2", "sub-0", "/user/queue/cases/" + erased);
        registry.subscribed("s2", "sub-1", "/user/queue/alerts");

        assertThat(registry.forgetCase(erased)).isEqualTo(2);

        assertThat(registry.subscribedTo("/user/queue/cases/" + erased, now, Set.of("a"))).isEmpty();
        assertThat(registry.subscribedTo("/user/queue/cases/c2", now, Set.of("a")))
                .extracting(LiveSessionRegistry.Remote::sessionId).containsExactly("s1");
        assertThat(registry.subscribedTo("/user/queue/alerts", now, Set.of("a")))
                .extracting(LiveSessionRegistry.Remote::sessionId).containsExactly("s2");
        mongo.getCollection(LiveSessionRegistry.COLLECTION).find()
                .forEach(doc -> assertThat(doc.toJson()).doesNotContain(erased));
        assertThat(registry.forgetCase(erased)).isZero();
    }
}
