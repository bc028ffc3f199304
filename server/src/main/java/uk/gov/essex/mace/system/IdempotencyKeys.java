package uk.gov.essex.mace.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Makes a POST safe to retry: the first request with an {@code Idempotency-Key} claims the key
 * (insert-if-absent on a unique id, so concurrent retries race safely), and a retry gets the id of
 * what the first one created; the same key with a different body is refused. Stores the caller,
 * a hash of the key and of the body, and the created resource's id: never content.
 */
@Component
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final String COLLECTION = "idempotency_keys";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);
    /** This process: a pending claim carrying another process's value was made by a hub that may have died. */
    private static final String BOOT = UUID.randomUUID().toString();
    static final int ORPHANED_SECONDS = 5;
    static final int ABANDONED_SECONDS = 120;

    private final MongoTemplate mongo;
    private final Clock clock;

    public IdempotencyKeys(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Runs {@code create} once per (caller, key): returns its resource id, or on a retry the id the
     * first call created, passed through {@code replay}. For a resource whose id the caller makes
     * itself (deterministic); see the other form for one the hub names.
     *
     * @param key the header value, or null to run without idempotency
     * @param requestFingerprint a canonical form of the request body
     */
    public <T> T once(String caller, String key, String requestFingerprint, Supplier<Created<T>> create,
            Function<String, T> replay) {
        return once(caller, key, requestFingerprint, id -> create.get(), replay, null);
    }

    /**
     * As above, for a resource the hub names: the id is chosen before anything is created and kept
     * with the claim on the key, and {@code create} must create the resource under it. So when the
     * hub dies between claiming the key and recording what it created (a crash, a kill), a retry is
     * not refused forever as "in progress": once the claim is orphaned (made by another process
     * more than {@value #ORPHANED_SECONDS} s ago, or by anyone more than {@value #ABANDONED_SECONDS} s
     * ago) the retry asks {@code adopt} for the resource under that id, and either answers with
     * what it returns or takes the claim over and creates it under the same id. The id is the
     * resource's unique key, so two takers can never both create it: a retry never duplicates.
     *
     * @param adopt for a resource that a request left unfinished: empty if it does not exist;
     *     otherwise records what that request may not have (its audit entry: the resource can
     *     outlive a killed process without it) and returns the resource as a replay would
     */
    public <T> T once(String caller, String key, String requestFingerprint, Function<String, Created<T>> create,
            Function<String, T> replay, Function<String, Optional<T>> adopt) {
        String resourceId = UUID.randomUUID().toString();
        if (key == null) {
            return create.apply(resourceId).result();
        }
        if (!SAFE_KEY.matcher(key).matches()) {
            throw new InvalidRequestProblem("invalid-idempotency-key",
                    "Idempotency-Key must be 8 to 128 letters, digits or . _ : -");
        }
        String id = sha256(caller + "\n" + key);
        String bodyHash = sha256(requestFingerprint);
        try {
            mongo.insert(new Document("_id", id).append("body", bodyHash).append("state", "PENDING")
                    .append("resourceId", resourceId).append("boot", BOOT)
                    .append("createdAt", clock.instant().toString()), COLLECTION);
        } catch (DuplicateKeyException e) {
            return replayExisting(id, bodyHash, replay, create, adopt);
        }
        return createAndRecord(id, resourceId, create);
    }

    private <T> T createAndRecord(String id, String resourceId, Function<String, Created<T>> create) {
        Created<T> created;
        try {
            created = create.apply(resourceId);
        } catch (RuntimeException e) {
            mongo.remove(Query.query(Criteria.where("_id").is(id).and("boot").is(BOOT)), COLLECTION);
            throw e;
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("state", "DONE").set("resourceId", created.resourceId()), COLLECTION);
        return created.result();
    }

    private <T> T replayExisting(String id, String bodyHash, Function<String, T> replay, Function<String, Created<T>> create,
            Function<String, Optional<T>> adopt) {
        Document existing = Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION))
                .orElseThrow(() -> new ConflictProblem("idempotency-in-progress", "A request with this Idempotency-Key is in progress; retry shortly."));
        if (!bodyHash.equals(existing.getString("body"))) {
            throw new ConflictProblem("idempotency-key-reused",
                    "This Idempotency-Key was used for a different request body.");
        }
        if ("DONE".equals(existing.getString("state"))) {
            return replay.apply(existing.getString("resourceId"));
        }
        String resourceId = existing.getString("resourceId");
        if (adopt == null || resourceId == null || !orphaned(existing)) {
            throw new ConflictProblem("idempotency-in-progress", "A request with this Idempotency-Key is in progress; retry shortly.");
        }
        // claimed before anything else, so two retries at once never both adopt or both create
        Document claimed = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("state").is("PENDING").and("boot").is(existing.getString("boot"))
                        .and("createdAt").is(existing.getString("createdAt"))),
                new Update().set("boot", BOOT).set("createdAt", clock.instant().toString()),
                Document.class, COLLECTION);
        if (claimed == null) {
            throw new ConflictProblem("idempotency-in-progress", "A request with this Idempotency-Key is in progress; retry shortly.");
        }
        Optional<T> adopted = adopt.apply(resourceId);
        if (adopted.isPresent()) {
            // created before the claimant died, never recorded: adopted (and audited), now recorded
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                    new Update().set("state", "DONE"), COLLECTION);
            log.info("Idempotency key {} was left pending by {}; its resource exists and is adopted", id, existing.getString("boot"));
            return adopted.get();
        }
        log.info("Idempotency key {} was left pending by {} with nothing created; taken over", id, existing.getString("boot"));
        return createAndRecord(id, resourceId, create);
    }

    /** A claim its maker can no longer be finishing: another process's after a few seconds, anyone's after minutes. */
    private boolean orphaned(Document pending) {
        Duration age = Duration.between(Instant.parse(pending.getString("createdAt")), clock.instant());
        boolean otherProcess = !BOOT.equals(pending.getString("boot"));
        return (otherProcess && age.getSeconds() >= ORPHANED_SECONDS) || age.getSeconds() >= ABANDONED_SECONDS;
    }

    /**
     * Forgets the keys whose requests created any of {@code resourceIds}: those resources were erased,
     * and a retry must not be answered with the id of something that no longer exists.
     */
    public void forget(java.util.Collection<String> resourceIds) {
        if (!resourceIds.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("resourceId").in(resourceIds)), COLLECTION);
        }
    }

    /** What a first request created: its id (kept) and the response to return now. */
    public record Created<T>(String resourceId, T result) {}

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
