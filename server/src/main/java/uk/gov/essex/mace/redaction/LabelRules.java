package uk.gov.essex.mace.redaction;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.essex.mace.identity.HubPrincipal;
import uk.gov.essex.mace.policy.CaseFacts;
import uk.gov.essex.mace.policy.HandlingLabel;
import uk.gov.essex.mace.policy.Labels;
import uk.gov.essex.mace.policy.PolicyDecisionPoint;
import uk.gov.essex.mace.policy.Visibility;
import uk.gov.essex.mace.system.InvalidRequestProblem;

/**
 * The label rules every labelled record of a case must meet before anything is stored, whatever
 * its kind (intelligence item, exploitation indicator, MACE minutes): the label is configured, the
 * author could read it, and each restricted segment of the text names a configured label at least
 * as strict as the record's, which the author could read too. Problems never quote the text.
 */
@Component
public class LabelRules {

    private final Labels labels;
    private final PolicyDecisionPoint policy;

    public LabelRules(Labels labels, PolicyDecisionPoint policy) {
        this.labels = labels;
        this.policy = policy;
    }

    /**
     * The record's label {@code id}, once it is known to be configured and readable by its author.
     *
     * @param field the request field named in the problem
     */
    public HandlingLabel label(HubPrincipal who, CaseFacts facts, String id, String field) {
        HandlingLabel label = labels.find(id).orElseThrow(() -> invalid("unknown-label", "No such handling label.", field));
        if (policy.visibility(who, facts, label) != Visibility.FULL) {
            throw invalid("label-excludes-author", "You cannot share under a label that you could not read yourself.", field);
        }
        return label;
    }

    /** As {@link #label}, defaulting to {@link Labels#ALL_MEMBERS} when no label is given. */
    public HandlingLabel labelOrAllMembers(HubPrincipal who, CaseFacts facts, String id, String field) {
        return label(who, facts, id == null || id.isBlank() ? Labels.ALL_MEMBERS : id, field);
    }

    /**
     * Parses {@code text} into plain pieces and restricted segments and checks each segment's label.
     *
     * @param field the request field named in the problem
     */
    public List<SegmentMarkup.Piece> segments(HubPrincipal who, CaseFacts facts, HandlingLabel recordLabel, String text,
            String field) {
        List<SegmentMarkup.Piece> pieces;
        try {
            pieces = SegmentMarkup.parse(text);
        } catch (SegmentMarkup.MalformedMarkup e) {
            throw invalid("malformed-segment", "Restricted segment markup is malformed: " + e.getMessage() + ".", field);
        }
        for (SegmentMarkup.Piece piece : pieces) {
            if (piece.label() == null) {
                continue;
            }
            HandlingLabel segment = labels.find(piece.label())
                    .orElseThrow(() -> invalid("unknown-label", "A restricted segment names no known handling label.", field));
            if (!labels.atLeastAsStrict(segment, recordLabel)) {
                throw invalid("segment-label-weaker", "A restricted segment's label ('" + segment.id()
                        + "') is less strict than the record's ('" + recordLabel.id() + "').", field);
            }
            if (policy.visibility(who, facts, segment) != Visibility.FULL) {
                throw invalid("label-excludes-author", "You cannot restrict a segment to a label you could not read yourself.", field);
            }
        }
        return pieces;
    }

    private static InvalidRequestProblem invalid(String slug, String message, String field) {
        return new InvalidRequestProblem(slug, message, Map.of(field, slug));
    }
}
