package uk.gov.essex.mace.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.bson.Document;
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

    private final MongoTemplate mongo;
    private final Clock clock;

    public IdempotencyKeys(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Runs {@code create} once per (caller, key): returns its resource id, or on a retry the id the
     * first call created, passed through {@code replay}.
     *
     * @param key the header value, or null to run without idempotency
     * @param requestFingerprint a canonical form of the request body
     */
    public <T> T once(String caller, String key, String requestFingerprint, Supplier<Created<T>> create,
            Function<String, T> replay) {
        if (key == null) {
            return create.get().result();
        }
        if (!SAFE_KEY.matcher(key).matches()) {
            throw new InvalidRequestProblem("invalid-idempotency-key",
                    "Idempotency-Key must be 8 to 128 letters, digits or . _ : -");
        }
        String id = sha256(caller + "\n" + key);
        String bodyHash = sha256(requestFingerprint);
        try {
            mongo.insert(new Document("_id", id).append("body", bodyHash).append("state", "PENDING")
                    .append("createdAt", clock.instant().toString()), COLLECTION);
        } catch (DuplicateKeyException e) {
            return replayExisting(id, bodyHash, replay);
        }
        Created<T> created;
        try {
            created = create.get();
        } catch (RuntimeException e) {
            mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
            throw e;
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("state", "DONE").set("resourceId", created.resourceId()), COLLECTION);
        return created.result();
    }

    private <T> T replayExisting(String id, String bodyHash, Function<String, T> replay) {
        Document existing = Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION))
                .orElseThrow(() -> new ConflictProblem("idempotency-in-progress", "A request with this Idempotency-Key is in progress; retry shortly."));
        if (!bodyHash.equals(existing.getString("body"))) {
            throw new ConflictProblem("idempotency-key-reused",
                    "This Idempotency-Key was used for a different request body.");
        }
        if (!"DONE".equals(existing.getString("state"))) {
            throw new ConflictProblem("idempotency-in-progress", "A request with this Idempotency-Key is in progress; retry shortly.");
        }
        return replay.apply(existing.getString("resourceId"));
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
