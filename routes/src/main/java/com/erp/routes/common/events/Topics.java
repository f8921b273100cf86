package com.erp.routes.common.events;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Topic names, in one place ({@code erp.topics.*}, defaults in {@code META-INF/erp/common.yml}). Routes
 * refer to them as property placeholders ({@code kafka:{{erp.topics.submitted}}}); this class is for code
 * that needs them as values. Every topic has a dead-letter topic named {@code <topic><dlqSuffix>}.
 */
@ConfigurationProperties("erp.topics")
public record Topics(String submitted, String stepActivated, String decided, String completed, String rejected,
                     String withdrawn, String leaveReserved, String leaveRefused, String questChanged, String delegationChanged,
                     String reminded, String commented, String lineChanged, String received, String leaveCancelled, String tokensRevoked,
                     String reportingLines, String dlqSuffix,
                     int partitions) {

    public String topicOf(EventType type) {
        return switch (type) {
            case SUBMITTED -> submitted;
            case STEP_ACTIVATED -> stepActivated;
            case DECIDED -> decided;
            case COMPLETED -> completed;
            case REJECTED -> rejected;
            case WITHDRAWN -> withdrawn;
            case LEAVE_RESERVED -> leaveReserved;
            case LEAVE_REFUSED -> leaveRefused;
            case COMMENTED -> commented;
            case LINE_CHANGED -> lineChanged;
            case RECEIVED -> received;
            case LEAVE_CANCELLED -> leaveCancelled;
            case REFUSED -> rejected;
        };
    }

    public List<String> all() {
        return List.of(submitted, stepActivated, decided, completed, rejected, withdrawn, leaveReserved, leaveRefused,
                questChanged, delegationChanged, reminded, commented, lineChanged, received, leaveCancelled,
                tokensRevoked, reportingLines);
    }

    /**
     * The topics whose last record of a key is the state (compacted): each approver's last delegation event is their
     * delegation, each person's last revocation holds for good, the last reporting lines are the org chart.
     */
    public java.util.Set<String> compacted() {
        return java.util.Set.of(delegationChanged, tokensRevoked, reportingLines);
    }

    public String dlqOf(String topic) {
        return topic + dlqSuffix;
    }
}
