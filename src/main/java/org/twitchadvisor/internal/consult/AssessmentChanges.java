package org.twitchadvisor.internal.consult;

import org.twitchadvisor.Assessment;
import org.twitchadvisor.Change;
import org.twitchadvisor.Finding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The differences between two assessments of the same person, in the order a person reads them. */
public final class AssessmentChanges {

    private AssessmentChanges() {
    }

    /**
     * @param before the first assessment
     * @param after the second
     * @return triage first, then each finding's appearance, level and score in the order of {@code after}, then
     *         the findings gone, then advice added and gone
     */
    public static List<Change> between(Assessment before, Assessment after) {
        List<Change> changes = new ArrayList<>();
        if (before.triage() != after.triage()) {
            changes.add(new Change(Change.TRIAGE_CHANGED, null, before.triage().id(), after.triage().id()));
        }
        Map<String, Finding> was = byKey(before);
        Map<String, Finding> now = byKey(after);
        now.forEach((key, f) -> {
            Finding old = was.get(key);
            if (old == null) {
                changes.add(new Change(Change.FINDING_ADDED, f.subject(), null, f.level()));
                return;
            }
            if (!old.level().equals(f.level())) {
                changes.add(new Change(Change.LEVEL_CHANGED, f.subject(), old.level(), f.level()));
            }
            if (old.score() != f.score()) {
                changes.add(new Change(Change.SCORE_CHANGED, f.subject(), old.score(), f.score()));
            }
        });
        was.forEach((key, f) -> {
            if (!now.containsKey(key)) {
                changes.add(new Change(Change.FINDING_REMOVED, f.subject(), f.level(), null));
            }
        });
        now.forEach((key, f) -> advice(f, was.get(key), Change.ADVICE_ADDED, changes));
        was.forEach((key, f) -> advice(f, now.get(key), Change.ADVICE_REMOVED, changes));
        return changes;
    }

    /** Findings by type and subject: a subject names one finding per type. */
    private static Map<String, Finding> byKey(Assessment a) {
        Map<String, Finding> out = new LinkedHashMap<>();
        a.findings().forEach(f -> out.put(f.type() + "/" + f.subject(), f));
        return out;
    }

    /** The advice of {@code f} that {@code other} (the same finding on the other side, or null) lacks. */
    private static void advice(Finding f, Finding other, String kind, List<Change> changes) {
        for (String text : f.advice()) {
            if (other == null || !other.advice().contains(text)) {
                boolean added = kind.equals(Change.ADVICE_ADDED);
                changes.add(new Change(kind, f.subject(), added ? null : text, added ? text : null));
            }
        }
    }
}
