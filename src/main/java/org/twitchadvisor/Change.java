package org.twitchadvisor;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One difference between two assessments of a {@link WhatIf}.
 *
 * @param kind {@code triage_changed} (before and after are triage ids), {@code finding_added} and
 *             {@code finding_removed} (the finding's level, or {@code null} on the side without it),
 *             {@code level_changed} (levels), {@code score_changed} (scores), {@code advice_added} and
 *             {@code advice_removed} (the advice text, or {@code null} on the side without it)
 * @param subject the finding's subject, e.g. {@code potassium}; {@code null} for {@code triage_changed}
 * @param before the value before the change, or {@code null}
 * @param after the value after the change, or {@code null}
 */
@JsonPropertyOrder({"kind", "subject", "before", "after"})
public record Change(String kind, String subject, Object before, Object after) {
    /** The triage level changed. */
    public static final String TRIAGE_CHANGED = "triage_changed";
    /** A finding appeared. */
    public static final String FINDING_ADDED = "finding_added";
    /** A finding is gone. */
    public static final String FINDING_REMOVED = "finding_removed";
    /** A finding's level changed. */
    public static final String LEVEL_CHANGED = "level_changed";
    /** A finding's score changed. */
    public static final String SCORE_CHANGED = "score_changed";
    /** A finding gained a piece of advice. */
    public static final String ADVICE_ADDED = "advice_added";
    /** A piece of a finding's advice is gone. */
    public static final String ADVICE_REMOVED = "advice_removed";
}
