package com.erp.employee.api;

import java.util.List;

/**
 * Body of POST /api/employees/me/approval-lines and PUT …/{lineId} (schema SavedLineRequest): the line's name, its
 * approvers in order, an optional 합의 (agreement) step, people in cc and receivers, by employee id, and receiving departments (수신처), by department id.
 */
public record SavedLineRequest(String name, List<Long> approverIds, Agreement agreement, List<Long> ccIds,
                               List<Long> receiverIds, List<Long> receiverDepartmentIds) {

    public SavedLineRequest(String name, List<Long> approverIds, Agreement agreement, List<Long> ccIds,
                            List<Long> receiverIds) {
        this(name, approverIds, agreement, ccIds, receiverIds, null);
    }

    /** The agreers, and the approver (1-based) the step comes before; null: the last one. */
    public record Agreement(List<Long> agreerIds, Integer position) {
    }
}
