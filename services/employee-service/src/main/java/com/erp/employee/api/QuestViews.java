package com.erp.employee.api;

import java.time.Instant;
import java.util.List;

import com.erp.employee.domain.Employee;
import com.erp.employee.domain.Quest;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.ProblemException;

/**
 * Quests as the contract shows them (bean {@code questViews}); every employee sees the board, and a quest's report and
 * review note only its poster, its assignee and administrators (a manager's criticism of someone's work is not the
 * company's to read).
 */
public class QuestViews {

    /** Schema Quest. */
    public record QuestView(long id, String title, String description, double rewardDays, Double rewardPaidDays,
                            String dueDate, String status, Person poster, Person assignee, String report,
                            String reviewNote, Instant postedAt, Instant updatedAt, Instant reportedAt,
                            Boolean posterLeft, Boolean reviewedInPostersPlace) {
    }

    /** Schema QuestList. */
    public record QuestList(List<QuestView> items) {
    }

    /** The status filter of a list: null for all. */
    public Quest.Status status(String status) {
        return status == null ? null : Quest.Status.valueOf(status);
    }

    /** Whether a list asks for the caller's quests only. */
    public boolean mine(String mine) {
        return Boolean.parseBoolean(mine);
    }

    public QuestList list(List<Quest> found, Caller caller) {
        return new QuestList(found.stream().map(q -> view(q, caller)).toList());
    }

    public QuestView one(List<Quest> found, Caller caller) {
        if (found.isEmpty()) {
            throw ProblemException.notFound("No such quest.");
        }
        return view(found.get(0), caller);
    }

    private static QuestView view(Quest q, Caller caller) {
        boolean concerned = caller.isAdmin() || caller.id() == q.getPosterId()
                || (q.getAssigneeId() != null && caller.id() == q.getAssigneeId());
        return new QuestView(q.getId(), q.getTitle(), q.getDescription(), q.getRewardHalfDays() / 2.0,
                q.getRewardPaidHalfDays() == null ? null : q.getRewardPaidHalfDays() / 2.0, q.getDueDate() == null ? null : q.getDueDate().toString(), q.getStatus().name(), person(q.getPoster()),
                person(q.getAssignee()), concerned ? q.getReport() : null, concerned ? q.getReviewNote() : null,
                q.getPostedAt(), q.getUpdatedAt(), q.getReportedAt(), q.getPoster().isActive() ? null : Boolean.TRUE,
                q.getPoster().reviewsQuests() ? null : Boolean.TRUE);
    }

    private static Person person(Employee e) {
        return e == null ? null : new Person(e.getId(), e.getName(), e.getPosition().name(), e.getDepartment().getName());
    }
}
