/**
 * Cluster: what several identical hub instances sharing one database need to agree on, kept in
 * that database (MongoDB; a replica set in production) with single-document atomic operations, so
 * there is no home-made clustering protocol. {@link uk.gov.essex.mace.cluster.HubInstance} names
 * this process and tells which others are alive; {@link uk.gov.essex.mace.cluster.SingletonWork}
 * runs work that must happen once (scheduled re-evaluation, escalation, retention, tree-head
 * signing) only on the instance that holds the lease.
 */
package uk.gov.essex.mace.cluster;
