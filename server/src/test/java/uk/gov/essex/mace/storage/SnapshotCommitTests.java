package uk.gov.essex.mace.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotCommitTests {

    @TempDir
    Path dataDir;

    @Test
    void whenInstalledOnTheHubsStoreThenItsExecutorIsInPlace() {
        MVStore store = StoreFile.open(dataDir.resolve("store.db"), StorageProperties.Durability.GROUP_COMMIT);
        try {
            // fails if an H2 upgrade moved the executor: commits would then hold writers for their whole length
            assertThat(SnapshotCommit.install(store).splits()).isTrue();
        } finally {
            store.close();
        }
    }

    @Test
    void whenAWriterWritesAfterTheSnapshotThenThatCommitReportsOnceAndLeavesItOut() throws Exception {
        Path file = dataDir.resolve("store.db");
        MVStore store = StoreFile.open(file, StorageProperties.Durability.GROUP_COMMIT);
        SnapshotCommit commit = SnapshotCommit.install(store);
        MVMap<String, String> items = store.openMap("items");
        items.put("before", "1");
        AtomicInteger reported = new AtomicInteger();

        commit.commit(() -> {
            reported.incrementAndGet();
            // another thread, while this one holds H2's store lock and has not written the chunk yet
            CompletableFuture.runAsync(() -> items.put("during", "2")).orTimeout(5, TimeUnit.SECONDS).join();
        });
        store.closeImmediately(); // as a killed process: nothing saved after that commit

        assertThat(reported).hasValue(1);
        MVStore reopened = StoreFile.open(file, StorageProperties.Durability.GROUP_COMMIT);
        try {
            MVMap<String, String> saved = reopened.openMap("items");
            assertThat(saved.get("before")).isEqualTo("1");
            assertThat(saved.containsKey("during")).as("written after the snapshot").isFalse();
        } finally {
            reopened.close();
        }
    }

    @Test
    void whenAWriterWritesDuringACommitThenTheNextCommitSavesIt() {
        Path file = dataDir.resolve("store.db");
        MVStore store = StoreFile.open(file, StorageProperties.Durability.GROUP_COMMIT);
        SnapshotCommit commit = SnapshotCommit.install(store);
        MVMap<String, String> items = store.openMap("items");
        items.put("before", "1");

        commit.commit(() -> CompletableFuture.runAsync(() -> items.put("during", "2")).orTimeout(5, TimeUnit.SECONDS).join());
        commit.commit(() -> {
        });
        store.closeImmediately();

        MVStore reopened = StoreFile.open(file, StorageProperties.Durability.GROUP_COMMIT);
        try {
            MVMap<String, String> saved = reopened.openMap("items");
            assertThat(saved.get("before")).isEqualTo("1");
            assertThat(saved.get("during")).isEqualTo("2");
        } finally {
            reopened.close();
        }
    }
}
