package com.erp.approvalrequest.api;

import java.util.List;

/**
 * Schema AgreementRequest: a 합의 (agreement) step of these people, who decide in parallel, placed before the
 * {@code position}-th approver of the line (1-based; the last approver when left out).
 */
public record AgreementRequest(List<Long> agreerIds, Integer position) {
}
