/**
 * Keys and encryption at rest. Owns the hub's one keystore file ({@link uk.gov.essex.mace.crypto.HubKeys}:
 * token-signing, audit-signing, key-encryption and blind-index keys), the per-case data keys kept
 * wrapped in the {@code case_keys} collection, field encryption bound to where a value belongs
 * ({@link uk.gov.essex.mace.crypto.FieldCipher}), key rotation, crypto-shredding of an erased case
 * ({@link uk.gov.essex.mace.crypto.CaseKeys}) and the keyed blind index used to find an existing child
 * without storing the name in clear ({@link uk.gov.essex.mace.crypto.BlindIndex}). Operator notes:
 * {@code security/KEY-MANAGEMENT.md}.
 */
package uk.gov.essex.mace.crypto;
