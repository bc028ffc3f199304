package uk.gov.essex.mace.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.intel.IntelItemResponse;
import uk.gov.essex.mace.intel.ItemViews.ItemView;
import uk.gov.essex.mace.partnership.AgencyType;
import uk.gov.essex.mace.partnership.Quadrant;
import uk.gov.essex.mace.partnership.Role;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.Visibility;

/** Each distinct projection of an item is built once, however many viewers share it. */
class ProjectionGroupsTests {

    private static final CaseFacts FACTS = new CaseFacts("case-1", Quadrant.NORTH, Set.of("essex-police", "essex-csc", "council"));

    private static HubPrincipal viewer(String subject, String agency, AgencyType type) {
        return new HubPrincipal(subject, agency, type, Set.of(Role.PRACTITIONER), Set.of(Quadrant.NORTH), "hub-web", "issuer");
    }

    private static final HubPrincipal POLICE = viewer("police.north", "essex-police", AgencyType.POLICE);
    private static final HubPrincipal CSC = viewer("csc.north", "essex-csc", AgencyType.CHILDRENS_SOCIAL_CARE);
    private static final HubPrincipal COUNCIL = viewer("council.north", "council", AgencyType.DISTRICT_COUNCIL);
    private static final HubPrincipal OUTSIDER = viewer("council.south", "basildon", AgencyType.DISTRICT_COUNCIL);

    /** The shipped labels' rule, for these four viewers: police see police-only, members see all-members. */
    private static Visibility visibility(HubPrincipal who, CaseFacts facts, String label) {
        if (!facts.memberAgencies().contains(who.agencyId())) {
            return Visibility.NOTHING;
        }
        return switch (label) {
            case "all-members" -> Visibility.FULL;
            case "police-only" -> who.agencyType() == AgencyType.POLICE ? Visibility.FULL : Visibility.PLACEHOLDER;
            case "police-source-protected" -> who.agencyType() == AgencyType.POLICE ? Visibility.FULL : Visibility.NOTHING;
            default -> throw new IllegalArgumentException(label);
        };
    }

    /** An item whose projections are counted; each projection names the viewer it was built for. */
    private static final class CountingItem implements ItemView {
        final AtomicInteger projected = new AtomicInteger();
        private final String label;
        private final List<String> segments;

        CountingItem(String label, List<String> segments) {
            this.label = label;
            this.segments = segments;
        }

        @Override
        public String id() {
            return "item-1";
        }

        @Override
        public long seq() {
            return 1;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public List<String> segmentLabels() {
            return segments;
        }

        @Override
        public Optional<IntelItemResponse> projectFor(HubPrincipal viewer, CaseFacts facts) {
            projected.incrementAndGet();
            return Optional.of(new IntelItemResponse("item-1", facts.caseId(), 1, "ACTIVE", null, null, label, null,
                    null, null, null, null, viewer.subject(), null, null, null, null, null, null, null, null, null, null));
        }
    }

    private static ProjectionGroups groups(CountingItem item) {
        return new ProjectionGroups(item, FACTS, ProjectionGroupsTests::visibility,
                view -> view.author().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void whenThreeViewersHaveTwoDistinctProjectionsThenTheProjectorRunsTwice() {
        CountingItem item = new CountingItem("all-members", List.of("police-only"));
        ProjectionGroups groups = groups(item);

        Optional<byte[]> police = groups.payloadFor(POLICE);
        Optional<byte[]> csc = groups.payloadFor(CSC);
        Optional<byte[]> council = groups.payloadFor(COUNCIL);

        assertThat(item.projected).hasValue(2);
        assertThat(groups.projections()).isEqualTo(2);
        assertThat(csc.orElseThrow()).isSameAs(council.orElseThrow());
        assertThat(police.orElseThrow()).isNotSameAs(csc.orElseThrow());
        assertThat(new String(csc.get(), StandardCharsets.UTF_8)).isEqualTo("csc.north");
    }

    @Test
    void whenAllViewersSeeTheSameThenOneProjectionServesThemAll() {
        CountingItem item = new CountingItem("all-members", List.of());
        ProjectionGroups groups = groups(item);

        List.of(POLICE, CSC, COUNCIL, POLICE).forEach(groups::payloadFor);

        assertThat(item.projected).hasValue(1);
    }

    @Test
    void whenAViewerMayNotKnowTheItemExistsThenNothingIsProjectedForThem() {
        CountingItem item = new CountingItem("police-source-protected", List.of());
        ProjectionGroups groups = groups(item);

        assertThat(groups.receives(CSC)).isFalse();
        assertThat(groups.payloadFor(CSC)).isEmpty();
        assertThat(groups.payloadFor(OUTSIDER)).isEmpty();
        assertThat(item.projected).hasValue(0);
        assertThat(groups.receives(POLICE)).isTrue();
        assertThat(groups.payloadFor(POLICE)).isPresent();
        assertThat(item.projected).hasValue(1);
    }

    @Test
    void whenTheItemIsAPlaceholderThenSegmentLabelsDoNotSplitTheGroup() {
        CountingItem item = new CountingItem("police-only", List.of("police-only"));

        ProjectionKey csc = groups(item).keyOf(CSC);
        ProjectionKey council = groups(item).keyOf(COUNCIL);

        assertThat(csc).isEqualTo(council);
        assertThat(csc.segments()).isEmpty();
    }
}
