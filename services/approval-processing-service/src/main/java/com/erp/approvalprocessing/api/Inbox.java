package com.erp.approvalprocessing.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.erp.routes.common.events.Person;
import com.erp.routes.common.web.PageCursor;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Schema Inbox: a page of the documents waiting for the caller's decision, oldest first; {@code total}: how many
 * wait in all (of the drafter asked for, if one was); {@code nextCursor} when another page follows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Inbox(List<Item> items, int total, String nextCursor) {

    public static final int DEFAULT_PAGE = 100;
    public static final int MAX_PAGE = 200;

    /**
     * Where an item stands: oldest first, to the millisecond (as the cursor keeps it); then by document, then by whom
     * a deputy's item is for (the caller's own before), so that every item has one place and a page ends at a point
     * the next can start after.
     */
    private record Place(long at, String approvalId, long by) implements Comparable<Place> {

        private static final Comparator<Place> ORDER = Comparator.comparingLong(Place::at)
                .thenComparing(Place::approvalId).thenComparingLong(Place::by);

        static Place of(Item i) {
            return new Place(i.activatedAt().toEpochMilli(), i.approvalId(), i.forWhom());
        }

        static Place of(PageCursor c) {
            return new Place(c.at().toEpochMilli(), c.id(), c.by());
        }

        @Override
        public int compareTo(Place other) {
            return ORDER.compare(this, other);
        }
    }

    /** Which items a page is of: one drafter's documents, one document's, or (nulls) all. */
    public record Filter(Long drafterId, String approvalId) {

        public static final Filter ALL = new Filter(null, null);

        boolean keeps(Item item) {
            return (drafterId == null || item.drafter() != null && item.drafter().id() == drafterId)
                    && (approvalId == null || approvalId.equals(item.approvalId()));
        }
    }

    /**
     * A page of {@code all}: of those the filter keeps, after {@code cursor} if given (400 if it is not one this API
     * gave), at most {@code limit} items (the contract bounds it: 1–200, 100 if not given).
     */
    public static Inbox page(List<Item> all, Filter filter, String cursor, Integer limit) {
        PageCursor after = PageCursor.fromQuery(cursor, true);
        // each item's place made once, for the sort and the cut
        List<Map.Entry<Place, Item>> chosen = all.stream().filter(filter::keeps).map(i -> Map.entry(Place.of(i), i))
                .sorted(Map.Entry.comparingByKey()).toList();
        Place start = after == null ? null : Place.of(after);
        List<Item> rest = chosen.stream().filter(e -> start == null || e.getKey().compareTo(start) > 0)
                .map(Map.Entry::getValue).toList();
        int size = limit == null ? DEFAULT_PAGE : Math.max(1, Math.min(MAX_PAGE, limit));
        if (rest.size() <= size) {
            return new Inbox(rest, chosen.size(), null);
        }
        Item last = rest.get(size - 1);
        return new Inbox(rest.subList(0, size), chosen.size(),
                new PageCursor(last.activatedAt(), last.approvalId(), last.forWhom()).encode());
    }

    /**
     * {@code onBehalfOf}: the approver whose step this is, when the caller decides it as their deputy (대결).
     * {@code agreement}: true on a 합의 step, which the caller agrees to or not.
     * {@code heldAt}: since when the step has been on hold (보류), if it is.
     * {@code finalAuthority}: true when the caller may approve it with final authority (전결) now; never for a deputy.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String approvalId, String title, Person drafter, int step, int stepCount, Instant activatedAt,
                       Person onBehalfOf, Boolean agreement, Instant heldAt, Boolean finalAuthority) {

        public Item(String approvalId, String title, Person drafter, int step, int stepCount, Instant activatedAt) {
            this(approvalId, title, drafter, step, stepCount, activatedAt, null, null, null, null);
        }

        /** The item as a deputy finds it: theirs to decide for {@code approver}, whose 전결 stays their own. */
        public Item forApprover(Person approver) {
            return new Item(approvalId, title, drafter, step, stepCount, activatedAt, approver, agreement, heldAt, null);
        }

        /** Whom the item is for: 0 for the caller's own, else the approver the caller stands in for. */
        long forWhom() {
            return onBehalfOf == null ? 0 : onBehalfOf.id();
        }
    }
}
