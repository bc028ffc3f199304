package uk.gov.essex.mace.client.live;

import java.util.function.Function;

/**
 * What a live subscription needs besides the connection: the STOMP destination, how to read and
 * identify its items, how to catch up over REST, and whom to tell. Internal: the feature clients
 * make these and {@code HubClient} opens them.
 *
 * @param destination the user queue to subscribe to
 * @param type the JSON type of each message body
 * @param idOf the de-duplication key of an item: two items with one key are one delivery
 * @param catchUp fetches what was missed while not subscribed
 * @param listener receives the items
 * @param <T> the item type
 */
public record LiveSpec<T>(String destination, Class<T> type, Function<T, String> idOf, CatchUp<T> catchUp,
        LiveListener<T> listener) {}
