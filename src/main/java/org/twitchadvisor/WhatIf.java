package org.twitchadvisor;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * What changes when some answers are changed or removed ("what if I stopped the diuretic?"): both
 * assessments and the difference between them. Returned by {@link TwitchAdvisor#whatIf}.
 *
 * @param before the assessment of the answers as given
 * @param after the assessment with the changes applied
 * @param changes the differences, triage first, then findings in the order of {@code after} (findings gone last),
 *                then advice; empty when nothing changes
 */
@JsonPropertyOrder({"before", "after", "changes"})
public record WhatIf(Assessment before, Assessment after, List<Change> changes) {

    /** Unmodifiable copy: a what-if is a value. */
    public WhatIf {
        changes = List.copyOf(changes);
    }
}
