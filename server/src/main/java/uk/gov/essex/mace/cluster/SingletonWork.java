package uk.gov.essex.mace.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Work that must happen on one instance at a time: it runs only while this instance holds the
 * {@value #LEASE} lease, one document in the {@code leases} collection.
 *
 * <p>Every {@code hub.cluster.renew-every} each instance tries one conditional
 * {@code findAndModify}: set the holder to itself and the expiry to now plus
 * {@code hub.cluster.lease-duration}, where the holder is already itself or the lease has expired.
 * The database applies it atomically (no transaction needed), so at most one instance gets it.
 * When the document does not exist yet, an insert under the fixed {@code _id} creates it; two
 * first inserts race on the unique {@code _id} and one fails. A holder that dies stops renewing,
 * and another instance takes over at most {@code lease-duration + renew-every} after the last
 * renewal. A holder shut down cleanly expires its lease at once.
 *
 * <p>This instance believes it holds the lease only until {@code lease-duration} after the moment
 * it <em>sent</em> its last successful renewal (measured on its own monotonic clock), so it stops
 * before anyone can take over even if the reply was slow. Expiry times in the database are from
 * each instance's wall clock: clocks must agree to well within the lease duration (NTP). A job
 * that outlasts a lost lease may overlap the new holder's run for a while; every scheduled job is
 * written to be safe under that (compare-and-set, insert-if-absent, one tree head per size), the
 * lease only keeps them from running everywhere all the time.
 *
 * <p>Renewal runs on a thread of its own, not the shared scheduler, so a long job (the nightly
 * re-evaluation) can never hold up the renewal of the lease it runs under.
 */
@Component
public class SingletonWork implements SmartLifecycle {

    static final String COLLECTION = "leases";
    static final String LEASE = "scheduled-work";
    private static final Logger log = LoggerFactory.getLogger(SingletonWork.class);

    private final MongoTemplate mongo;
    private final HubInstance instance;
    private final Duration leaseDuration;
    private final Duration renewEvery;
    private volatile ScheduledExecutorService ticker;
    private final boolean command;
    private final Clock wallClock = Clock.systemUTC();
    private volatile long heldUntilNanos;
    private volatile boolean held;

    SingletonWork(MongoTemplate mongo, HubInstance instance, ClusterProperties properties,
            @Value("${hub.command:}") String command) {
        this.mongo = mongo;
        this.instance = instance;
        this.leaseDuration = properties.leaseDuration();
        this.renewEvery = properties.renewEvery();
        this.command = !command.isBlank();
    }

    /** Whether this instance holds the lease now. */
    public boolean held() {
        return held && System.nanoTime() - heldUntilNanos < 0;
    }

    /** Runs {@code work} if this instance holds the lease; returns whether it ran. */
    public boolean runIfHolder(String job, Runnable work) {
        if (!held()) {
            log.debug("{}: skipped, instance {} does not hold the {} lease", job, instance.id(), LEASE);
            return false;
        }
        work.run();
        return true;
    }

    @Override
    public void start() {
        if (command) {
            return; // a one-shot operator command runs no scheduled work and takes no lease
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cluster-lease");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tick, 0, renewEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }

    /** A clean shutdown hands the lease over at once rather than after it expires. */
    @Override
    public void stop() {
        ScheduledExecutorService running = ticker;
        if (running == null) {
            return;
        }
        ticker = null;
        running.shutdown(); // no interrupt: a renewal in flight finishes, the next is not started
        try {
            running.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        release();
    }

    void tick() {
        long sentAt = System.nanoTime();
        Instant now = wallClock.instant();
        try {
            instance.heartbeat(now);
            String previous = acquire(now);
            boolean wasHeld = held();
            if (previous != null) {
                heldUntilNanos = sentAt + leaseDuration.toNanos();
                held = true;
                if (!wasHeld) {
                    log.info("Instance {} took the {} lease (previous holder: {})", instance.id(), LEASE,
                            previous.isEmpty() ? "none" : previous);
                }
            } else if (wasHeld || held) {
                held = false;
                log.warn("Instance {} lost the {} lease", instance.id(), LEASE);
            }
        } catch (RuntimeException e) { // DataAccessException, MongoException: the database is unreachable
            // cannot reach the database: keep believing only until the local deadline passes
            log.warn("Could not renew the {} lease: {}", LEASE, e.getMessage());
        }
    }

    /**
     * Takes or renews the lease. Returns the previous holder ("" if there was none) when this
     * instance holds it afterwards, null when another instance does.
     */
    private String acquire(Instant now) {
        Date until = Date.from(now.plus(leaseDuration));
        Query takeable = Query.query(Criteria.where("_id").is(LEASE).orOperator(
                Criteria.where("holder").is(instance.id()), Criteria.where("expiresAt").lt(Date.from(now))));
        Document before = mongo.findAndModify(takeable,
                new Update().set("holder", instance.id()).set("expiresAt", until).set("renewedAt", Date.from(now)),
                FindAndModifyOptions.options().returnNew(false), Document.class, COLLECTION);
        if (before != null) {
            String previous = before.getString("holder");
            if (!instance.id().equals(previous)) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(LEASE).and("holder").is(instance.id())),
                        new Update().set("acquiredAt", Date.from(now)).set("previousHolder", previous), COLLECTION);
            }
            return previous == null ? "" : previous;
        }
        try {
            mongo.insert(new Document("_id", LEASE).append("holder", instance.id()).append("expiresAt", until)
                    .append("renewedAt", Date.from(now)).append("acquiredAt", Date.from(now)), COLLECTION);
            return "";
        } catch (DuplicateKeyException heldElsewhere) {
            return null;
        }
    }

    private void release() {
        held = false;
        try {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(LEASE).and("holder").is(instance.id())),
                    new Update().set("expiresAt", new Date(0)), COLLECTION);
            instance.leaving();
        } catch (RuntimeException e) {
            log.debug("Could not release the {} lease at shutdown; it expires by itself", LEASE, e);
        }
    }
}
