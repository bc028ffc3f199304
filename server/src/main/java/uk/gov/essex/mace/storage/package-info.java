/**
 * Storage: where the hub keeps its data. Owns the embedded MongoDB wire-protocol server that
 * serves a file under {@code hub.storage.data-dir} when no {@code spring.mongodb.uri} is set,
 * and makes an acknowledged write survive a killed process (group commit, see
 * {@link uk.gov.essex.mace.storage.StorageProperties.Durability}). Features reach the database
 * through Spring Data's {@code MongoTemplate} against either that server or a real MongoDB; the
 * only storage API they call directly is {@link uk.gov.essex.mace.storage.Sequences} for
 * gap-free counters.
 */
package uk.gov.essex.mace.storage;
