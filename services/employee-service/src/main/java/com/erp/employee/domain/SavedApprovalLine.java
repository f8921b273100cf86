package com.erp.employee.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * 자주 쓰는 결재선: an approval line its owner keeps under a name: approvers in order, a 합의 (agreement) step's agreers
 * and where it comes, people in cc and receivers, and receiving departments (수신처). Only its owner sees, changes or removes it.
 */
@Entity
@Table(name = "saved_approval_line")
@NamedQuery(name = SavedApprovalLine.BY_OWNER, query = "select l from SavedApprovalLine l where l.ownerId = :ownerId "
        + "order by l.name, l.id")
@NamedQuery(name = SavedApprovalLine.COUNT_NAMED, query = "select count(l) from SavedApprovalLine l "
        + "where l.ownerId = :ownerId and l.name = :name and l.id <> :except")
public class SavedApprovalLine {

    public static final String BY_OWNER = "SavedApprovalLine.byOwner";
    /** Lines of the owner with this name (the column's collation compares), other than {@code except}. */
    public static final String COUNT_NAMED = "SavedApprovalLine.countNamed";

    /** What a person is on a saved line. */
    public enum Role { APPROVER, AGREER, CC, RECEIVER }

    @Embeddable
    public static class Member {

        @Enumerated(EnumType.STRING)
        @Column(name = "role")
        private Role role;

        @Column(name = "employee_id")
        private long employeeId;

        protected Member() {
        }

        public Member(Role role, long employeeId) {
            this.role = role;
            this.employeeId = employeeId;
        }

        public Role getRole() {
            return role;
        }

        public long getEmployeeId() {
            return employeeId;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_id")
    private long ownerId;

    private String name;

    @Column(name = "agreement_position")
    private Integer agreementPosition;

    @Column(name = "saved_at")
    private Instant savedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "saved_approval_line_member", joinColumns = @JoinColumn(name = "line_id"))
    @OrderColumn(name = "seq")
    private List<Member> members = new ArrayList<>();

    /** 수신처: the departments a document made with the line is sent to once approved. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "saved_approval_line_department", joinColumns = @JoinColumn(name = "line_id"))
    @OrderColumn(name = "seq")
    @Column(name = "department_id")
    private List<Long> departmentIds = new ArrayList<>();

    protected SavedApprovalLine() {
    }

    public SavedApprovalLine(long ownerId) {
        this.ownerId = ownerId;
    }

    /** Replaces what the line holds. */
    public void change(String name, List<Member> members, List<Long> departmentIds, Integer agreementPosition,
                       Instant savedAt) {
        this.name = name;
        this.members.clear();
        this.members.addAll(members);
        this.departmentIds.clear();
        this.departmentIds.addAll(departmentIds);
        this.agreementPosition = agreementPosition;
        this.savedAt = savedAt;
    }

    /** Whose the line's people of {@code role} are, in order. */
    public List<Long> ids(Role role) {
        return members.stream().filter(m -> m.getRole() == role).map(Member::getEmployeeId).toList();
    }

    public Long getId() {
        return id;
    }

    public long getOwnerId() {
        return ownerId;
    }

    public String getName() {
        return name;
    }

    public Integer getAgreementPosition() {
        return agreementPosition;
    }

    public Instant getSavedAt() {
        return savedAt;
    }

    public List<Member> getMembers() {
        return List.copyOf(members);
    }

    public List<Long> getDepartmentIds() {
        return List.copyOf(departmentIds);
    }
}
