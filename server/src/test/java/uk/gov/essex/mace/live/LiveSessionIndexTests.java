package uk.gov.essex.mace.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The destination index the fan-out reads follows subscriptions exactly. */
class LiveSessionIndexTests {

    private final List<String> events = new ArrayList<>();
    private final LiveSession session = new LiveSession("s1", null, new LiveSession.Listeners() {
        @Override
        public void started(String destination, LiveSession s) {
            events.add("+" + destination);
        }

        @Override
        public void stopped(String destination, LiveSession s) {
            events.add("-" + destination);
        }
    });

    @Test
    void whenTwoSubscriptionsNameOneDestinationThenItIsListenedToUntilBothEnd() {
        session.subscribe("a", "/user/queue/cases/1");
        session.subscribe("b", "/user/queue/cases/1");
        session.unsubscribe("a");

        assertThat(session.subscribedTo("/user/queue/cases/1")).isTrue();
        assertThat(events).containsExactly("+/user/queue/cases/1");

        session.unsubscribe("b");

        assertThat(session.subscribedTo("/user/queue/cases/1")).isFalse();
        assertThat(events).containsExactly("+/user/queue/cases/1", "-/user/queue/cases/1");
    }

    @Test
    void whenASubscriptionIdIsReusedForAnotherDestinationThenTheOldOneIsDropped() {
        session.subscribe("a", "/user/queue/cases/1");
        session.subscribe("a", "/user/queue/cases/2");

        assertThat(session.subscribedTo("/user/queue/cases/1")).isFalse();
        assertThat(session.subscribedTo("/user/queue/cases/2")).isTrue();
        assertThat(events).containsExactly("+/user/queue/cases/1", "-/user/queue/cases/1", "+/user/queue/cases/2");
    }

    @Test
    void whenClosedThenEveryDestinationStopsAndALateSubscribeIsNotIndexed() {
        session.subscribe("a", "/user/queue/cases/1");
        session.subscribe("b", "/user/queue/alerts");

        session.close();
        session.subscribe("c", "/user/queue/cases/3");

        assertThat(events).containsExactlyInAnyOrder(
                "+/user/queue/cases/1", "+/user/queue/alerts", "-/user/queue/cases/1", "-/user/queue/alerts");
    }
}
