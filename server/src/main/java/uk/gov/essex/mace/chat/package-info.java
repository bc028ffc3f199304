/**
 * Chat: a case's real-time feed. Chat messages are intelligence items (shared through the
 * intelligence API, with its labels, restricted segments, encryption and audit); this feature
 * delivers each one, as it is shared, edited or withdrawn, to every connected viewer of the case
 * on {@code /user/queue/cases/{caseId}}, each receiving their own redacted projection, and keeps
 * per-person read markers for unread counts.
 */
package uk.gov.essex.mace.chat;
