package uk.gov.essex.mace.storage;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WriteCommandsTests {

    @ParameterizedTest
    @ValueSource(strings = {"insert", "update", "delete", "findAndModify", "createIndexes", "dropIndexes",
            "create", "drop", "dropDatabase", "renameCollection", "someFutureCommand"})
    void whenCommandMayChangeDataThenItIsAWrite(String command) {
        assertThat(WriteCommands.isWrite(new Document(command, "cases"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"find", "getMore", "count", "distinct", "listCollections", "listIndexes", "hello",
            "isMaster", "ismaster", "ping", "buildInfo", "killCursors", "endSessions"})
    void whenCommandOnlyReadsThenItIsNotAWrite(String command) {
        assertThat(WriteCommands.isWrite(new Document(command, "cases"))).isFalse();
    }

    @Test
    void whenAggregationHasNoOutputStageThenItIsNotAWrite() {
        Document aggregate = new Document("aggregate", "cases")
                .append("pipeline", List.of(new Document("$match", new Document("quadrant", "RED"))));

        assertThat(WriteCommands.isWrite(aggregate)).isFalse();
    }

    @Test
    void whenAggregationWritesOutOrMergeThenItIsAWrite() {
        for (String stage : List.of("$out", "$merge")) {
            Document aggregate = new Document("aggregate", "cases")
                    .append("pipeline", List.of(new Document("$match", new Document()), new Document(stage, "copy")));

            assertThat(WriteCommands.isWrite(aggregate)).as(stage).isTrue();
        }
    }

    @Test
    void whenCommandDocumentIsEmptyThenItCountsAsAWrite() {
        assertThat(WriteCommands.isWrite(new Document())).isTrue();
    }

    @Test
    void whenWriteConcernTurnsTheJournalOffThenTheWriteDoesNotWaitForACommit() {
        Document insert = new Document("insert", "counters").append("writeConcern", new Document("w", 1).append("j", false));

        assertThat(WriteCommands.journaled(insert)).isFalse();
    }

    @Test
    void whenWriteConcernIsAbsentOrAsksForTheJournalThenTheWriteWaitsForACommit() {
        assertThat(WriteCommands.journaled(new Document("insert", "cases"))).isTrue();
        assertThat(WriteCommands.journaled(new Document("insert", "cases").append("writeConcern", new Document("w", "majority")))).isTrue();
        assertThat(WriteCommands.journaled(new Document("insert", "cases").append("writeConcern", new Document("j", true)))).isTrue();
        assertThat(WriteCommands.journaled(new Document("insert", "cases").append("writeConcern", "j:false"))).isTrue();
    }
}
