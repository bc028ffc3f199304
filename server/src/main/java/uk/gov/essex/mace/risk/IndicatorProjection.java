package uk.gov.essex.mace.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.partnership.Partnership;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.Visibility;
import uk.gov.essex.mace.redaction.Redactor;
import uk.gov.essex.mace.redaction.Segment;
import uk.gov.essex.mace.redaction.TextPart;
import uk.gov.essex.mace.redaction.WithheldResponse;

/**
 * The one function that turns a stored indicator into what one viewer may see of it, for every
 * channel that shows indicators (the API, the SDK, the web page), exactly as intelligence items are
 * projected: nothing when its label withholds even its existence from the viewer, a labelled
 * placeholder when it withholds the content, else the indicator with its note's restricted segments
 * redacted. Parts the viewer may not see are never decrypted.
 */
@Component
class IndicatorProjection {

    private final Redactor redactor;
    private final IndicatorContent content;
    private final Partnership partnership;

    IndicatorProjection(Redactor redactor, IndicatorContent content, Partnership partnership) {
        this.redactor = redactor;
        this.content = content;
        this.partnership = partnership;
    }

    /** The viewer's projection; empty when they may not know the indicator exists. */
    Optional<IndicatorResponse> project(HubPrincipal who, CaseFacts facts, StoredIndicator i) {
        return project(who, facts, i, Set.of());
    }

    /**
     * As {@link #project(HubPrincipal, CaseFacts, StoredIndicator)}, but content under a label in
     * {@code alsoWithheld} becomes a placeholder even where the viewer could read it (a subject
     * access export withholds source-protected material from its recipient).
     */
    Optional<IndicatorResponse> project(HubPrincipal who, CaseFacts facts, StoredIndicator i, Set<String> alsoWithheld) {
        Visibility visibility = redactor.visibility(who, facts, i.label(), alsoWithheld);
        if (visibility == Visibility.NOTHING) {
            return Optional.empty();
        }
        WithheldResponse placeholder = redactor.placeholder(i.label(), i.recordedByAgency());
        String agencyName = partnership.agency(i.recordedByAgency()).map(a -> a.name()).orElse(i.recordedByAgency());
        if (visibility == Visibility.PLACEHOLDER) {
            return Optional.of(new IndicatorResponse(i.id(), facts.caseId(), i.label(), placeholder.labelName(),
                    i.recordedByAgency(), agencyName, i.recordedAt(), placeholder, null, null, null, null, null));
        }
        List<Segment> segments = new ArrayList<>(i.sourceNote().size());
        for (StoredIndicator.NotePart part : i.sourceNote()) {
            segments.add(new Segment(part.label(), () -> content.open(facts.caseId(), i.id(), part)));
        }
        List<TextPart> parts = redactor.redact(who, facts, segments, i.recordedByAgency(), alsoWithheld);
        return Optional.of(new IndicatorResponse(i.id(), facts.caseId(), i.label(), placeholder.labelName(),
                i.recordedByAgency(), agencyName, i.recordedAt(), null, i.indicator(), i.observedOn(),
                Redactor.flatten(parts), parts, i.recordedBy()));
    }
}
