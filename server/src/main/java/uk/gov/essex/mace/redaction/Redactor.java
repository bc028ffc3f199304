package uk.gov.essex.mace.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.Partnership;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.HandlingLabel;
import uk.gov.essex.mace.policy.Labels;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.policy.Visibility;

/**
 * Builds what one viewer may see of labelled content, on the server, from the policy decision
 * point's answer. Every record kind's projection (intelligence, indicators, minutes, disruption
 * updates) is made with these methods, for every channel: API bodies, lists, exports, live frames.
 * Withheld text is never decrypted for that viewer, let alone serialised.
 */
@Component
public class Redactor {

    private final PolicyDecisionPoint policy;
    private final Labels labels;
    private final Partnership partnership;

    public Redactor(PolicyDecisionPoint policy, Labels labels, Partnership partnership) {
        this.policy = policy;
        this.labels = labels;
        this.partnership = partnership;
    }

    /** What {@code who} may see of content labelled {@code labelId} on the case. */
    public Visibility visibility(HubPrincipal who, CaseFacts facts, String labelId) {
        return policy.visibility(who, facts, labels.get(labelId));
    }

    /**
     * As {@link #visibility(HubPrincipal, CaseFacts, String)}, but content under a label in
     * {@code alsoWithheld} is a placeholder even where the viewer could read it: a subject access
     * export withholds source-protected material from its recipient, whoever produces it. Such
     * placeholders only ever reach that export's own accounting.
     */
    public Visibility visibility(HubPrincipal who, CaseFacts facts, String labelId, Set<String> alsoWithheld) {
        Visibility visibility = visibility(who, facts, labelId);
        return visibility == Visibility.FULL && alsoWithheld.contains(labelId) ? Visibility.PLACEHOLDER : visibility;
    }

    /** The placeholder for content labelled {@code labelId} owned by {@code owningAgency}. */
    public WithheldResponse placeholder(String labelId, String owningAgency) {
        HandlingLabel label = labels.get(labelId);
        String agencyName = partnership.agency(owningAgency).map(a -> a.name()).orElse(owningAgency);
        return new WithheldResponse(label.id(), label.name(), owningAgency, agencyName, label.ask());
    }

    private RestrictedResponse restricted(String labelId) {
        HandlingLabel label = labels.get(labelId);
        return new RestrictedResponse(label.id(), label.name());
    }

    /**
     * The viewer's parts of a text whose record they may see in full: restricted segments they may
     * not see become placeholders, or vanish when their label withholds even that; those they may
     * see carry their label.
     */
    public List<TextPart> redact(HubPrincipal who, CaseFacts facts, List<Segment> segments, String owningAgency) {
        return redact(who, facts, segments, owningAgency, Set.of());
    }

    /**
     * As {@link #redact(HubPrincipal, CaseFacts, List, String)}, with segments under a label in
     * {@code alsoWithheld} withheld even where the viewer could read them (see
     * {@link #visibility(HubPrincipal, CaseFacts, String, Set)}).
     */
    public List<TextPart> redact(HubPrincipal who, CaseFacts facts, List<Segment> segments, String owningAgency,
            Set<String> alsoWithheld) {
        List<TextPart> parts = new ArrayList<>(segments.size());
        for (Segment segment : segments) {
            if (segment.label() == null) {
                parts.add(TextPart.text(segment.text().get()));
                continue;
            }
            switch (visibility(who, facts, segment.label(), alsoWithheld)) {
                case FULL -> parts.add(TextPart.restricted(segment.text().get(), restricted(segment.label())));
                case PLACEHOLDER -> parts.add(TextPart.withheld(placeholder(segment.label(), owningAgency)));
                case NOTHING -> { }
            }
        }
        return List.copyOf(parts);
    }

    /** The parts joined into one readable text, placeholders shown in brackets. */
    public static String flatten(List<TextPart> parts) {
        StringBuilder text = new StringBuilder();
        for (TextPart part : parts) {
            if (part.text() != null) {
                text.append(part.text());
            } else {
                text.append("[withheld: ").append(part.withheld().labelName())
                        .append(" - ask ").append(part.withheld().ask().isBlank()
                                ? part.withheld().owningAgencyName() : part.withheld().ask())
                        .append(']');
            }
        }
        return text.toString();
    }
}
