package com.erp.approvalprocessing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.erp.routes.common.events.Person;
import com.erp.routes.common.web.ProblemException;
import org.junit.jupiter.api.Test;

/** The inbox's pages: every item on exactly one page, in one order, whatever ties there are. */
class InboxTest {

    private static final Person KIM = new Person(11, "김기안", "STAFF", "D");
    private static final Person LEE = new Person(12, "이기안", "STAFF", "D");
    private static final Person AWAY = new Person(21, "부재자", "TEAM_LEAD", "D");
    private static final Person ALSO_AWAY = new Person(22, "또부재", "TEAM_LEAD", "D");
    private static final Instant T = Instant.parse("2026-12-07T01:00:00.123456Z");

    private static Inbox.Item item(String id, Person drafter, Instant at) {
        return new Inbox.Item(id, "문서 " + id, drafter, 1, 2, at);
    }

    private static String uuid(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    @Test
    void itemsOfOneMillisecondAndADocumentForTwoAreEachOnExactlyOnePage() {
        // the same millisecond (micros apart), one document three times: the caller's own and two they stand in for
        List<Inbox.Item> all = List.of(
                item(uuid(3), KIM, T.plusSeconds(1)),
                item(uuid(2), LEE, T.plusNanos(500_000)).forApprover(ALSO_AWAY),
                item(uuid(2), LEE, T.plusNanos(500_000)),
                item(uuid(2), LEE, T.plusNanos(500_000)).forApprover(AWAY),
                item(uuid(1), KIM, T.plusNanos(1_000)));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Inbox page = Inbox.page(all, Inbox.Filter.ALL, cursor, 2);
            assertThat(page.total()).isEqualTo(5);
            page.items().forEach(i -> seen.add(i.approvalId() + "/" + (i.onBehalfOf() == null ? "-" : i.onBehalfOf().name())));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(uuid(1) + "/-", uuid(2) + "/-", uuid(2) + "/부재자", uuid(2) + "/또부재",
                uuid(3) + "/-");
    }

    @Test
    void aDrafterChosenKeepsTheirsAndCountsThemOnly() {
        List<Inbox.Item> all = List.of(item(uuid(1), KIM, T), item(uuid(2), LEE, T.plusSeconds(1)),
                item(uuid(3), KIM, T.plusSeconds(2)));
        Inbox kims = Inbox.page(all, new Inbox.Filter(KIM.id(), null), null, null);
        assertThat(kims.items()).extracting(Inbox.Item::approvalId).containsExactly(uuid(1), uuid(3));
        assertThat(kims.total()).isEqualTo(2);
        assertThat(kims.nextCursor()).isNull();
        assertThat(Inbox.page(all, new Inbox.Filter(99L, null), null, null).total()).isZero();
    }

    @Test
    void aDocumentChosenKeepsItsItemsOnly() {
        List<Inbox.Item> all = List.of(item(uuid(1), KIM, T), item(uuid(2), LEE, T.plusSeconds(1)),
                item(uuid(3), KIM, T.plusSeconds(2)));
        Inbox one = Inbox.page(all, new Inbox.Filter(null, uuid(3)), null, null);
        assertThat(one.items()).extracting(Inbox.Item::approvalId).containsExactly(uuid(3));
        assertThat(one.total()).isEqualTo(1);
        // with a drafter too: both must hold
        assertThat(Inbox.page(all, new Inbox.Filter(LEE.id(), uuid(3)), null, null).total()).isZero();
        assertThat(Inbox.page(all, new Inbox.Filter(null, uuid(9)), null, null).items()).isEmpty();
    }

    @Test
    void aLimitIsKeptWithinItsBoundsAndAForeignCursorIsA400() {
        List<Inbox.Item> many = new ArrayList<>();
        for (int n = 1; n <= 250; n++) {
            many.add(item(uuid(n), KIM, T.plusSeconds(n)));
        }
        assertThat(Inbox.page(many, Inbox.Filter.ALL, null, null).items()).hasSize(Inbox.DEFAULT_PAGE);
        assertThat(Inbox.page(many, Inbox.Filter.ALL, null, 1_000).items()).hasSize(Inbox.MAX_PAGE);
        assertThat(Inbox.page(many, Inbox.Filter.ALL, null, 0).items()).hasSize(1);
        Throwable bad = catchThrowable(() -> Inbox.page(many, Inbox.Filter.ALL, "bm90LWEtY3Vyc29y", null));
        assertThat(bad).isInstanceOf(ProblemException.class);
        assertThat(((ProblemException) bad).status()).isEqualTo(400);
    }
}
