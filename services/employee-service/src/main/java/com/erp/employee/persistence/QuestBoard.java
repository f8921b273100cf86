package com.erp.employee.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.erp.employee.api.EmployeeViews;
import com.erp.employee.api.PostQuestRequest;
import com.erp.employee.api.QuestApprovalRequest;
import com.erp.employee.api.QuestReportRequest;
import com.erp.employee.api.QuestSendBackRequest;
import com.erp.employee.domain.Employee;
import com.erp.employee.domain.Quest;
import com.erp.employee.domain.OutboxMessage;
import com.erp.routes.common.CurrentTrace;
import com.erp.routes.common.events.LeaveRules;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.QuestEvent;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.FieldError;
import com.erp.routes.common.web.ProblemException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to quests (bean {@code questBoard}), each one transaction on the locked quest: two people acting on one
 * quest at once are served one after the other, and the second sees what the first did. Approving a quest earns its
 * reward in the same transaction ({@link LeaveLedger#earn}): both or neither. Each change but the posting also writes
 * a {@link QuestEvent} to the outbox in that transaction, which the relay publishes (the people concerned are told).
 */
public class QuestBoard {

    static final String MANAGER = "MANAGER";

    private final EntityManager em;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ZoneId zone;
    private final LeaveLedger ledger;
    private final ObjectMapper json;
    /** The most half days one person earns by quests in a year ({@code erp.quests.max-reward-days-per-year}). */
    private final int rewardLimitHalfDays;

    private final CurrentTrace trace;

    /** @param trace the trace its outbox rows keep (the request's that wrote them) */
    public QuestBoard(EntityManager em, TransactionTemplate tx, Clock clock, ZoneId zone, LeaveLedger ledger,
                      ObjectMapper json, int rewardLimitHalfDays, CurrentTrace trace) {
        if (rewardLimitHalfDays < 0) {
            throw new IllegalArgumentException("erp.quests.max-reward-days-per-year must not be negative");
        }
        this.rewardLimitHalfDays = rewardLimitHalfDays;
        this.trace = trace;
        this.em = em;
        this.tx = tx;
        this.clock = clock;
        this.zone = zone;
        this.ledger = ledger;
        this.json = json;
    }

    /** A manager posts a quest; returns its id. */
    public long post(PostQuestRequest request, Caller caller) {
        if (!caller.hasRole(MANAGER)) {
            throw ProblemException.forbidden("Only managers post quests.");
        }
        if (request.title() == null || request.title().isBlank()) {
            throw ProblemException.unprocessable("The title must not be blank.");
        }
        if (!LeaveRules.inHalfDays(request.rewardDays())) {
            throw ProblemException.badRequest("A reward is in half days: " + request.rewardDays() + " is not a multiple of 0.5.",
                    List.of(new FieldError("/rewardDays", "must be a multiple of 0.5")));
        }
        LocalDate due = request.dueDate() == null ? null : LocalDate.parse(request.dueDate());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (due != null && due.isBefore(today)) {
            throw ProblemException.unprocessable("The due date " + due + " has passed.");
        }
        if (due != null && due.isAfter(today.plusYears(1))) {
            throw ProblemException.unprocessable("The due date " + due + " is more than a year away; post the quest "
                    + "closer to it.");
        }
        Quest quest = new Quest(request.title().strip(), request.description(), LeaveRules.halfDays(request.rewardDays()),
                due, caller.id(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return tx.execute(status -> {
            em.persist(quest);
            return quest.getId();
        });
    }

    /** Someone takes an open quest: theirs alone, and they may hold one at a time. */
    public long take(long questId, Caller caller) {
        return change(questId, QuestEvent.Type.TAKEN, caller, quest -> {
            List<Long> inHand = em.createNamedQuery(Quest.IN_HAND, Long.class).setParameter("employeeId", caller.id())
                    .getResultList();
            if (!inHand.isEmpty()) {
                throw ProblemException.conflict("You already have quest " + inHand.get(0) + " in hand; finish it first.");
            }
            quest.take(caller.id(), now(), zone);
            try {
                em.flush();
            } catch (PersistenceException e) {
                // the one-quest-in-hand key: the same person took another quest at the same moment
                throw ProblemException.conflict("You already have a quest in hand; finish it first.");
            }
        });
    }

    /** The assignee reports the quest done. */
    public long report(long questId, QuestReportRequest request, Caller caller) {
        return change(questId, QuestEvent.Type.REPORTED, caller,
                quest -> quest.submit(caller.id(), request == null ? null : blankToNull(request.report()), now()));
    }

    /**
     * The manager who posted it (an administrator, once they have left) signs it off, and the assignee earns the reward
     * in the year it is signed off, as far as their quest rewards of the year stay within the yearly limit (beyond it
     * the quest is approved and pays less, or nothing; the quest and its event say what it paid); not once the
     * assignee has left (their quest is open again then).
     */
    public long approve(long questId, QuestApprovalRequest request, Caller caller) {
        String note = request == null ? null : blankToNull(request.note());
        return change(questId, QuestEvent.Type.APPROVED, caller, quest -> {
            boolean inPlace = inPlaceOfPoster(quest, caller);
            if (!inPlace) {
                manager(caller);
            }
            quest.approve(caller.id(), inPlace, note, now());
            Employee assignee = em.find(Employee.class, quest.getAssigneeId());
            if (!assignee.isActive()) {
                throw ProblemException.conflict(assignee.getName() + " has left; no leave is earned by someone who left.");
            }
            quest.paid(ledger.earn(quest.getAssigneeId(), LocalDate.now(clock.withZone(zone)).getYear(),
                    quest.getRewardHalfDays(), rewardLimitHalfDays, quest.getId(), quest.getTitle(), caller.id()));
        });
    }

    /** The manager who posted it (an administrator, once they have left) sends the report back, with the reason. */
    public long sendBack(long questId, QuestSendBackRequest request, Caller caller) {
        String reason = blankToNull(request.reason());
        if (reason == null) {
            throw ProblemException.badRequest("Sending a quest back needs the reason.",
                    List.of(new FieldError("/reason", "must not be blank")));
        }
        return change(questId, QuestEvent.Type.SENT_BACK, caller, quest -> {
            boolean inPlace = inPlaceOfPoster(quest, caller);
            if (!inPlace) {
                manager(caller);
            }
            quest.sendBack(caller.id(), inPlace, reason, now());
        });
    }

    /** The assignee gives a taken quest up. */
    public long giveUp(long questId, Caller caller) {
        return change(questId, QuestEvent.Type.GIVEN_UP, caller, quest -> quest.giveUp(caller.id(), now()));
    }

    /**
     * The poster calls a quest off until it is reported done (also once no longer a manager: it is still theirs to
     * withdraw); an administrator any quest not finished.
     */
    public long cancel(long questId, Caller caller) {
        return change(questId, QuestEvent.Type.CANCELLED, caller, quest -> quest.cancel(caller.id(), caller.isAdmin(), now()));
    }

    /**
     * Someone left (in the transaction that records it, {@code admin} recording it): the quest they had in hand is open
     * again (its poster is told they gave it up), and the quests they posted that nobody took are called off. The ones
     * taken stay for their assignees to finish; an administrator reviews them in the poster's place.
     */
    void settleDeparture(Employee leaver, Caller admin) {
        Instant at = now();
        Person them = EmployeeViews.person(leaver);
        for (Long id : em.createNamedQuery(Quest.IN_HAND, Long.class).setParameter("employeeId", leaver.getId())
                .getResultList()) {
            Quest quest = em.find(Quest.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (quest.getStatus() == Quest.Status.TAKEN || quest.getStatus() == Quest.Status.SUBMITTED) {
                quest.release(at);
                record(quest, QuestEvent.Type.GIVEN_UP, them, leaver.getId());
            }
        }
        for (Long id : em.createNamedQuery(Quest.OPEN_POSTED_BY, Long.class).setParameter("employeeId", leaver.getId())
                .getResultList()) {
            Quest quest = em.find(Quest.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (quest.getStatus() == Quest.Status.OPEN) {
                quest.cancel(leaver.getId(), true, at);
                record(quest, QuestEvent.Type.CANCELLED, admin.person(), null);
            }
        }
    }

    /**
     * An administrator reviews the quests of a poster who no longer does ({@link Employee#reviewsQuests}: left, or no
     * longer a manager); not one they took themselves.
     */
    private boolean inPlaceOfPoster(Quest quest, Caller caller) {
        return caller.isAdmin() && caller.id() != quest.getPosterId()
                && (quest.getAssigneeId() == null || caller.id() != quest.getAssigneeId())
                && !em.find(Employee.class, quest.getPosterId()).reviewsQuests();
    }

    private long change(long questId, QuestEvent.Type type, Caller caller, java.util.function.Consumer<Quest> rule) {
        return tx.execute(status -> {
            Quest quest = em.find(Quest.class, questId, LockModeType.PESSIMISTIC_WRITE);
            if (quest == null) {
                throw ProblemException.notFound("No quest " + questId + ".");
            }
            // given up: the assignee is cleared by the change, and the poster hears who gave it up
            Long assignee = type == QuestEvent.Type.GIVEN_UP ? Long.valueOf(caller.id()) : null;
            rule.accept(quest);
            record(quest, type, caller.person(), assignee != null ? assignee : quest.getAssigneeId());
            return questId;
        });
    }

    private void record(Quest quest, QuestEvent.Type type, Person actor, Long assignee) {
        String note = switch (type) {
            case REPORTED -> quest.getReport();
            case APPROVED, SENT_BACK -> quest.getReviewNote();
            default -> null;
        };
        QuestEvent event = new QuestEvent(UUID.randomUUID().toString(), type.name(), QuestEvent.VERSION, now(),
                quest.getId(), quest.getTitle(), quest.getRewardHalfDays() / 2.0, quest.getPosterId(), assignee,
                actor, note, type == QuestEvent.Type.APPROVED ? quest.getRewardPaidHalfDays() / 2.0 : null,
                type == QuestEvent.Type.REPORTED ? reviewersInPlaceOfPoster(quest, assignee) : null);
        try {
            em.persist(new OutboxMessage(event.eventId(), OutboxMessage.Kind.QUEST, String.valueOf(quest.getId()),
                    json.writeValueAsString(event), event.occurredAt(), trace.traceparent()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Who reviews a reported quest when its poster no longer does (left, or no longer a manager): the active
     * administrators but its assignee ({@link #inPlaceOfPoster}); null while the poster does.
     */
    private List<Long> reviewersInPlaceOfPoster(Quest quest, Long assignee) {
        if (em.find(Employee.class, quest.getPosterId()).reviewsQuests()) {
            return null;
        }
        // roles are kept joined by commas (Employee.joined)
        return em.createQuery("select e.id from Employee e where e.active = true and e.id <> :poster "
                        + "and concat(',', e.roles, ',') like '%,ADMIN,%' order by e.id", Long.class)
                .setParameter("poster", quest.getPosterId()).getResultList().stream()
                .filter(id -> assignee == null || !id.equals(assignee)).toList();
    }

    /** Reviews are a manager's: someone who lost the role no longer reviews the quests they posted. */
    private static void manager(Caller caller) {
        if (!caller.hasRole(MANAGER)) {
            throw ProblemException.forbidden("Only a manager reviews quests.");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
