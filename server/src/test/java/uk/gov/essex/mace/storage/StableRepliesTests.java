package uk.gov.essex.mace.storage;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class StableRepliesTests {

    @Test
    void whenCommandNamesACollectionThenItsNamespaceIsTheDatabaseAndThatCollection() {
        assertThat(StableReplies.namespace(new Document("find", "cases").append("$db", "macehub"))).isEqualTo("macehub.cases");
        assertThat(StableReplies.namespace(new Document("findAndModify", "counters").append("$db", "macehub")))
                .isEqualTo("macehub.counters");
        assertThat(StableReplies.namespace(new Document("getMore", 42L).append("collection", "audit_entries").append("$db", "macehub")))
                .isEqualTo("macehub.audit_entries");
    }

    @Test
    void whenCommandIsNotOnOneCollectionThenItHasNoNamespace() {
        assertThat(StableReplies.namespace(new Document("aggregate", 1).append("$db", "macehub"))).isNull();
        assertThat(StableReplies.namespace(new Document("ping", 1).append("$db", "admin"))).isNull();
        assertThat(StableReplies.namespace(new Document("find", "cases"))).isNull();
        assertThat(StableReplies.namespace(new Document())).isNull();
    }

    @Test
    void whenTheStoredDocumentChangesAfterTheReplyThenTheReplyKeepsWhatItSaw() {
        Document stored = new Document("_id", "counter").append("value", 11L).append("history", new java.util.ArrayList<>(List.of(1L)));
        StableReplies replies = new StableReplies();

        Document reply = replies.handle(new Document("findAndModify", "counters").append("$db", "macehub"),
                () -> new Document("value", stored).append("ok", 1.0));
        stored.put("value", 12L);
        ((List<Object>) stored.get("history")).add(2L);

        Document value = (Document) reply.get("value");
        assertThat(value.get("value")).isEqualTo(11L);
        assertThat(value.get("history")).isEqualTo(List.of(1L));
    }
}
