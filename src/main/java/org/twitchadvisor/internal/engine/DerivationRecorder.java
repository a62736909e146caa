package org.twitchadvisor.internal.engine;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches one session and records, for every fact a rule inserts, which rule inserted it and the facts
 * that rule matched. The explanations are built from this record, so they show what actually fired and
 * no rule has to describe itself. One recorder per session; not thread-safe.
 */
public final class DerivationRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    /**
     * How one fact was derived.
     *
     * @param rule the rule that inserted it
     * @param premises the facts the rule matched, in pattern order
     */
    public record Derivation(String rule, List<Object> premises) {
    }

    /**
     * Sized for the conclusions of a busy questionnaire (about 40 on the shared population, half of them advice):
     * grown from the default, the map was rehashed twice per questionnaire, a fifth of the recorder's time.
     */
    private final Map<Object, Derivation> derivations = new IdentityHashMap<>(96);
    private final KnowledgeBase kb;
    /**
     * Firings by the rule's position in name order: this runs on every firing, where boxing and hashing names
     * showed in profiles, and the rules fired then come out sorted without a sort.
     */
    private final int[] counts;
    private Match firing;

    /** @param kb the knowledge base whose sessions this recorder watches */
    public DerivationRecorder(KnowledgeBase kb) {
        this.kb = kb;
        this.counts = new int[kb.ruleCount()];
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        firing = event.getMatch();
        int i = kb.ruleIndex(firing.getRule());
        if (i >= 0) {
            counts[i]++;
        }
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        firing = null;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getRule() != null && firing != null) {
            derivations.put(event.getObject(), new Derivation(event.getRule().getName(), firing.getObjects()));
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Inputs are never modified and conclusions are replaced, not updated: nothing to record.
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // Truth maintenance withdraws a conclusion whose support is gone; so does its explanation.
        derivations.remove(event.getOldObject());
    }

    /** @return every conclusion still believed, with how it was derived */
    public Map<Object, Derivation> derivations() {
        return derivations;
    }

    /** @return the names of the rules that fired, each once, in name order */
    public List<String> firedRules() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                names.add(kb.ruleName(i));
            }
        }
        return names;
    }

    /** @return how many times each rule fired, by rule name */
    public Map<String, Integer> firings() {
        Map<String, Integer> firings = new HashMap<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                firings.put(kb.ruleName(i), counts[i]);
            }
        }
        return firings;
    }
}
