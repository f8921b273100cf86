package com.erp.employee.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

@Entity
@NamedQuery(name = Department.ALL, query = "select distinct d from Department d "
        + "left join fetch d.head left join fetch d.teams t left join fetch t.lead order by d.code")
public class Department {

    public static final String ALL = "Department.all";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "head_id")
    private Employee head;

    /** 조직 폐지: when it was closed; null while it is open. */
    private Instant closedAt;

    @OneToMany(mappedBy = "department")
    @OrderBy("name")
    private List<Team> teams = new ArrayList<>();

    @Version
    private long version;

    protected Department() {
    }

    public Department(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Employee getHead() {
        return head;
    }

    public void setHead(Employee head) {
        this.head = head;
    }

    public List<Team> getTeams() {
        return teams;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    /** Closed: off the org chart, nobody heads it any more. */
    public void close(Instant at) {
        this.closedAt = at;
        this.head = null;
    }
}
