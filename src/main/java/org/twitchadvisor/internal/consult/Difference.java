package org.twitchadvisor.internal.consult;

import org.twitchadvisor.Assessment;
import org.twitchadvisor.Finding;
import org.twitchadvisor.StopRule;
import org.twitchadvisor.Triage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one candidate answer would change in an assessment: the triage, findings that appear or go, levels that
 * change. Scores alone are not a change of the result, only of its strength.
 *
 * @param before the triage now
 * @param after the triage with the answer
 * @param changed findings whose presence or level would change, by {@link #key}, to {@code level before -> after}
 *                ({@code null} for absent)
 */
record Difference(Triage before, Triage after, Map<String, String[]> changed) {
    /** Levels the quicker stop rule refines: a {@code possible} finding may stay as it is. */
    private static final Set<String> DECISIVE_LEVELS = Set.of("likely", "confirmed", "ruled_out");

    static Difference between(Assessment base, Assessment with) {
        Map<String, String> now = levels(base);
        Map<String, String> then = levels(with);
        Map<String, String[]> changed = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : then.entrySet()) {
            String was = now.get(e.getKey());
            if (!e.getValue().equals(was)) {
                changed.put(e.getKey(), new String[] {was, e.getValue()});
            }
        }
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (!then.containsKey(e.getKey())) {
                changed.put(e.getKey(), new String[] {e.getValue(), null});
            }
        }
        return new Difference(base.triage(), with.triage(), changed);
    }

    /** @return a finding's identity across assessments: its type and subject */
    static String key(Finding f) {
        return f.type() + ":" + f.subject();
    }

    private static Map<String, String> levels(Assessment a) {
        Map<String, String> levels = new LinkedHashMap<>();
        a.findings().forEach(f -> levels.put(key(f), f.level()));
        return levels;
    }

    /** @return whether the change counts under the stop rule */
    boolean matters(StopRule rule) {
        if (before != after) {
            return true;
        }
        if (rule == StopRule.ALL_FINDINGS) {
            return !changed.isEmpty();
        }
        return changed.values().stream().anyMatch(Difference::decisive);
    }

    /** @return whether a level change touches a decisive level ({@code null} is absent) */
    private static boolean decisive(String[] levels) {
        return (levels[0] != null && DECISIVE_LEVELS.contains(levels[0])) || (levels[1] != null && DECISIVE_LEVELS.contains(levels[1]));
    }

    /** @return how many steps more urgent the triage would be, 0 when it would not rise */
    int triageRise() {
        return Math.max(0, after.ordinal() - before.ordinal());
    }

    /** @return how much of the result would change: findings added, gone or at another level, a decisive one twice */
    int size() {
        int size = 0;
        for (String[] l : changed.values()) {
            size += decisive(l) ? 2 : 1;
        }
        return size;
    }
}
