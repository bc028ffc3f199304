package uk.gov.essex.mace.audit.web;

import java.util.List;

/**
 * Signed tree heads in ascending size.
 *
 * @param nextAfterSize pass as {@code afterSize} for more, or {@code null} when there are no more
 */
record TreeHeadsResponse(List<TreeHeadResponse> treeHeads, Long nextAfterSize) {}
