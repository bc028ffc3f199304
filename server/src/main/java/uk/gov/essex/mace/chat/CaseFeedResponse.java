package uk.gov.essex.mace.chat;

import uk.gov.essex.mace.intel.IntelItemResponse;
import uk.gov.essex.mace.intel.IntelShared;

/**
 * One message on a case feed: what happened to an item, and the receiving viewer's own projection
 * of it as it now stands (the same projection the intelligence API would return them).
 */
public record CaseFeedResponse(IntelShared.Change change, IntelItemResponse item) {}
