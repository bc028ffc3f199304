package uk.gov.essex.mace.policy;

/** Everything a caller can ask the hub to do that the policy decision point rules on. */
public enum Action {
    CASE_OPEN,
    CASE_READ,
    CASE_MEMBERS_CHANGE,
    INTEL_SHARE,
    AUDIT_READ,
    ADMINISTER
}
