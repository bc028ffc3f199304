package uk.gov.essex.mace.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class GroupCommitTests {

    private static final int WRITERS = 8;
    private static final int WRITES_EACH = 40;

    private final AtomicInteger commits = new AtomicInteger();

    @Test
    void whenWritersOverlapThenOneCommitCoversSeveralWrites() throws Exception {
        GroupCommit group = new GroupCommit(slowCommit(), true);

        runWriters(() -> group.write(() -> "ok"));

        assertThat(commits.get()).isLessThan(WRITERS * WRITES_EACH / 2);
    }

    @Test
    void whenWriteReturnsThenACommitThatStartedAfterItWasAppliedHasCompleted() throws Exception {
        AtomicLong clock = new AtomicLong();
        AtomicLong latestCompletedCommitStart = new AtomicLong();
        ConcurrentLinkedQueue<Long> unprotected = new ConcurrentLinkedQueue<>();
        GroupCommit group = new GroupCommit(() -> {
            long started = clock.incrementAndGet();
            pause();
            latestCompletedCommitStart.accumulateAndGet(started, Math::max);
        }, true);

        runWriters(() -> {
            long appliedAt = group.write(clock::incrementAndGet);
            if (latestCompletedCommitStart.get() < appliedAt) {
                unprotected.add(appliedAt);
            }
        });

        assertThat(unprotected).isEmpty();
    }

    @Test
    void whenCommitRunsThenNoChangeIsHalfApplied() throws Exception {
        AtomicInteger applying = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            if (applying.get() != 0) {
                overlaps.incrementAndGet();
            }
        }, true);

        runWriters(() -> group.write(() -> {
            applying.incrementAndGet();
            Thread.onSpinWait();
            return applying.decrementAndGet();
        }));

        assertThat(overlaps).hasValue(0);
    }

    @Test
    void whenTheStoreHasTakenItsSnapshotThenChangesApplyWhileTheCommitStillWrites() throws Exception {
        CountDownLatch appliedDuringCommit = new CountDownLatch(1);
        AtomicInteger seenWhileWriting = new AtomicInteger();
        GroupCommit group = new GroupCommit(snapshotTaken -> {
            snapshotTaken.run();
            // still writing the chunk: a change applied now must not wait for this commit
            try {
                if (appliedDuringCommit.await(5, TimeUnit.SECONDS)) {
                    seenWhileWriting.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> writer = pool.submit(() -> group.write(() -> "item"));
            while (seenWhileWriting.get() == 0 && !writer.isDone() && appliedDuringCommit.getCount() > 0) {
                Future<?> other = pool.submit(() -> group.apply(() -> {
                    appliedDuringCommit.countDown();
                    return null;
                }));
                other.get(10, TimeUnit.SECONDS);
            }

            assertThat(writer.get(10, TimeUnit.SECONDS)).isEqualTo("item");
            assertThat(seenWhileWriting).as("changes applied while the commit was writing").hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenTheSnapshotIsReportedEarlyThenAWriteIsStillAcknowledgedOnlyOnceASnapshotHoldingItIsWritten() throws Exception {
        AtomicLong state = new AtomicLong();
        AtomicLong writtenUpTo = new AtomicLong();
        ConcurrentLinkedQueue<Long> unprotected = new ConcurrentLinkedQueue<>();
        GroupCommit group = new GroupCommit(snapshotTaken -> {
            long held = state.get();
            snapshotTaken.run();
            pause(); // writing, while later changes apply
            writtenUpTo.accumulateAndGet(held, Math::max);
        }, true);

        runWriters(() -> {
            long mine = group.write(state::incrementAndGet);
            if (writtenUpTo.get() < mine) {
                unprotected.add(mine);
            }
        });

        assertThat(unprotected).isEmpty();
    }

    @Test
    void whenTheStoresOwnWorkHoldsItsLockThenACommitWaitingForItDoesNotHoldChangesOff() throws Exception {
        ReentrantLock storeLock = new ReentrantLock(); // H2's, which its compaction step and every commit take
        GroupCommit group = new GroupCommit(snapshotTaken -> {
            storeLock.lock();
            try {
                snapshotTaken.run();
            } finally {
                storeLock.unlock();
            }
        }, true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicReference<Thread> committer = new AtomicReference<>();
        try {
            boolean applied = group.betweenCommits(() -> {
                storeLock.lock();
                try {
                    Future<String> writer = pool.submit(() -> {
                        committer.set(Thread.currentThread());
                        return group.write(() -> "item");
                    });
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    while ((committer.get() == null || committer.get().getState() != Thread.State.WAITING)
                            && System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                    }
                    assertThat(writer).as("the write waits for the store's work").isNotDone();
                    pool.submit(() -> group.apply(() -> "counter")).get(2, TimeUnit.SECONDS);
                    return true;
                } catch (Exception e) {
                    return false;
                } finally {
                    storeLock.unlock();
                }
            });

            assertThat(applied).as("a change applied while a commit waited for the store's work").isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenCommitFailsThenWriterGetsAnErrorInsteadOfAnAcknowledgement() {
        GroupCommit group = new GroupCommit(() -> {
            throw new IllegalStateException("No space left on device");
        }, true);

        assertThatThrownBy(() -> group.write(() -> "applied"))
                .isInstanceOf(MongoServerError.class)
                .hasMessageContaining("could not be made durable")
                .hasRootCauseMessage("No space left on device");
    }

    @Test
    void whenChangeFailsThenWhatItAppliedIsStillCommittedAndItsOwnErrorIsThrown() {
        GroupCommit group = new GroupCommit(commits::incrementAndGet, true);
        IllegalArgumentException duplicate = new IllegalArgumentException("E11000 duplicate key");

        assertThatThrownBy(() -> group.write(() -> {
            throw duplicate;
        })).isSameAs(duplicate);
        assertThat(commits).hasValue(1);
    }

    @Test
    void whenCommittingEachWriteThenEveryWriteRunsItsOwnCommit() throws Exception {
        GroupCommit perWrite = new GroupCommit(slowCommit(), false);

        runWriters(() -> perWrite.write(() -> "ok"));

        assertThat(commits).hasValue(WRITERS * WRITES_EACH);
    }

    @Test
    void whenAppliedWithoutJournalThenItIsAnsweredWithoutACommitAndTheNextWriteCommitsIt() {
        List<String> state = new ArrayList<>();
        List<List<String>> committed = new ArrayList<>();
        GroupCommit group = new GroupCommit(() -> {
            commits.incrementAndGet();
            committed.add(List.copyOf(state));
        }, true);

        group.apply(() -> state.add("counter"));
        assertThat(commits.get()).isZero();

        group.write(() -> state.add("item"));

        assertThat(committed).containsExactly(List.of("counter", "item"));
    }

    @Test
    void whenFlushedThenACommitRunsEvenWithoutNewWrites() {
        GroupCommit group = new GroupCommit(commits::incrementAndGet, true);

        group.flush();

        assertThat(commits).hasValue(1);
    }

    @Test
    void whenListenedToThenEachCommitIsReportedWithItsLength() throws Exception {
        GroupCommit group = new GroupCommit(slowCommit(), true);
        ConcurrentLinkedQueue<Long> lengths = new ConcurrentLinkedQueue<>();
        group.onCommit(lengths::add);

        runWriters(() -> group.write(() -> "ok"));

        assertThat(lengths).hasSize(commits.get());
        // each slow commit pauses (see pause()), so a length of zero would mean the wrong span was timed
        assertThat(lengths).allSatisfy(nanos -> assertThat(nanos).isGreaterThanOrEqualTo(TimeUnit.MICROSECONDS.toNanos(900)));
    }

    private Runnable slowCommit() {
        return () -> {
            commits.incrementAndGet();
            pause();
        };
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void runWriters(Runnable write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < WRITES_EACH; i++) {
                        write.run();
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
