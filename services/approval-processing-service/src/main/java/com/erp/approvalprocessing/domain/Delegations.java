package com.erp.approvalprocessing.domain;

import java.util.Optional;

import com.erp.routes.common.events.DelegationEvent;

/** 대결 as approval-processing knows it: each approver's delegation, as employee-service last published it. */
public interface Delegations {

    /** Nobody has a deputy. */
    Delegations NONE = approverId -> Optional.empty();

    /** The approver's delegation; empty when they have none. */
    Optional<DelegationEvent> of(long approverId);
}
