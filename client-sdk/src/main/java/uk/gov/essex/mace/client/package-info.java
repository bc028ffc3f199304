/**
 * The MACE Hub client SDK: {@link uk.gov.essex.mace.client.HubClient} (built by
 * {@link uk.gov.essex.mace.client.HubClientBuilder}), the one root exception
 * {@link uk.gov.essex.mace.client.HubException} and the subclasses callers branch on, per-call
 * {@link uk.gov.essex.mace.client.RequestOptions} and {@link uk.gov.essex.mace.client.PagedIterable}.
 * Feature calls and their records live in the sub-packages ({@code cases}, {@code intel},
 * {@code risk}, {@code alerts}, {@code audit}, {@code live}).
 */
package uk.gov.essex.mace.client;
