package org.twitchadvisor.internal.engine;

import org.twitchadvisor.internal.questions.QuestionCatalog;

import org.twitchadvisor.internal.explain.FindingAssembler;

import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.twitchadvisor.Assessment;
import org.twitchadvisor.Question;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.RunawayRulesException;
import org.twitchadvisor.facts.Answer;
import org.twitchadvisor.facts.Measurement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one questionnaire through the rules: a clean session, the reference facts and the answers in,
 * fire, then the recorded derivations out to the {@link FindingAssembler}. Thread-safe: a session serves
 * one call at a time.
 *
 * <p>Sessions come from a pool and go back to it reset, not disposed: a new session builds
 * its node and segment memories again on first use, about a tenth of an assessment in a batch profile, and
 * a reset session keeps them. There are about as many pools, of one session each, as threads assess at once.
 *
 * <p>At most as many questionnaires as the machine has cores are assessed at once; further callers wait their turn.
 * More at once only made each slower: 16 threads on 2 cores assessed about 3,000 questionnaires/s, the same 16
 * threads taking turns two at a time about 10,000/s (most likely, sessions preempted in mid-assessment crowd each
 * other out of the caches). The wait is for one assessment, a fraction of a millisecond.
 */
public final class Engine {
    /** Far above what the knowledge base needs (a few hundred firings at most), low enough to stop a loop fast. */
    public static final int DEFAULT_MAX_FIRINGS = 20_000;
    /** Firings per rule a questionnaire may cause before the default bound counts it as a loop. */
    private static final int FIRINGS_PER_RULE = 20;

    /**
     * The default firing bound for a knowledge base: a fixed bound would call a large, well-formed rule set a
     * loop just for being large.
     *
     * @param kb the knowledge base
     * @return {@link #DEFAULT_MAX_FIRINGS}, or more for a rule set of over a thousand rules
     */
    public static int defaultMaxFirings(KnowledgeBase kb) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(DEFAULT_MAX_FIRINGS, (long) FIRINGS_PER_RULE * kb.ruleCount()));
    }

    private final KnowledgeBase kb;
    private final FindingAssembler assembler;
    private final int maxFirings;
    /**
     * Session pools not in use, each on a KieBase its sessions may use from one thread at a time: one pool per
     * assessment running at once, made when a thread finds none free. Taken and returned at the head, so the pool
     * used last, whose memory is likeliest still in a cache, serves next.
     */
    private final Deque<KieSessionsPool> pools = new ConcurrentLinkedDeque<>();
    /** One permit per assessment that may run at once, so there are never more pools than permits. */
    private final Semaphore running;
    private final AtomicInteger poolsMade = new AtomicInteger();
    private final KieSessionConfiguration sessionConfiguration;
    /**
     * One {@link Answer} per question and value, shared by every questionnaire: an answer is an immutable
     * value, and a shared instance is compared and hashed at the cost of a reference by the explanation
     * cache, which keys its nodes by the answers a rule matched.
     */
    private final Map<String, Map<String, Answer>> answers = new HashMap<>();

    /**
     * An engine assessing as many questionnaires at once as the machine has cores.
     *
     * @param kb the compiled rules
     * @param maxFirings the most rule firings one questionnaire may cause before it counts as a loop
     */
    public Engine(KnowledgeBase kb, int maxFirings) {
        this(kb, maxFirings, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param kb the compiled rules
     * @param maxFirings the most rule firings one questionnaire may cause before it counts as a loop
     * @param atOnce the most questionnaires assessed at once; further callers wait
     */
    public Engine(KnowledgeBase kb, int maxFirings, int atOnce) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("at least one assessment must be able to run, not " + atOnce);
        }
        this.kb = kb;
        this.assembler = new FindingAssembler(kb);
        this.maxFirings = maxFirings;
        this.running = new Semaphore(atOnce);
        // A session serves one thread at a time, so it needs none of the locking and queued propagation a
        // session shared between threads does (they were a twentieth of an assessment in a batch profile).
        this.sessionConfiguration = KieServices.Factory.get().newKieSessionConfiguration();
        this.sessionConfiguration.setOption(ThreadSafeOption.NO);
        for (Question q : kb.data().questions().all()) {
            Map<String, Answer> byValue = new HashMap<>();
            QuestionCatalog.answerValues(q).forEach(v -> byValue.put(v, new Answer(q.id(), v)));
            answers.put(q.id(), byValue);
        }
    }

    /**
     * @return how many session pools (each with a rule base of its own) this engine has made: at most one per
     *         assessment it may run at once
     */
    public int sessionPools() {
        return poolsMade.get();
    }

    /**
     * Assesses one questionnaire.
     *
     * @param questionnaire validated answers
     * @return the assessment
     * @throws RunawayRulesException when the rules do not settle within the firing bound
     */
    public Assessment assess(Questionnaire questionnaire) {
        return reason(questionnaire).assessment();
    }

    /**
     * An assessment with the conclusions it was assembled from, for questions about how it was reached.
     *
     * @param assessment the assessment
     * @param derivations every conclusion the session still believed, with the rule and facts it came from
     */
    public record Reasoning(Assessment assessment, Map<Object, DerivationRecorder.Derivation> derivations) {
    }

    /**
     * Assesses one questionnaire and keeps what the rules concluded.
     *
     * @param questionnaire validated answers
     * @return the assessment and its conclusions
     * @throws RunawayRulesException when the rules do not settle within the firing bound
     */
    public Reasoning reason(Questionnaire questionnaire) {
        running.acquireUninterruptibly();
        KieSessionsPool pool = null;
        try {
            pool = pools.pollFirst();
            if (pool == null) {
                pool = kb.kieBaseForOneThread().newKieSessionsPool(0);
                poolsMade.incrementAndGet();
            }
            return reason(questionnaire, pool.newKieSession(sessionConfiguration));
        } finally {
            if (pool != null) {
                pools.offerFirst(pool);
            }
            running.release();
        }
    }

    private Reasoning reason(Questionnaire questionnaire, KieSession session) {
        try {
            DerivationRecorder recorder = new DerivationRecorder(kb);
            session.addEventListener((AgendaEventListener) recorder);
            session.addEventListener((RuleRuntimeEventListener) recorder);
            for (Object fact : kb.referenceFacts()) {
                session.insert(fact);
            }
            for (Object fact : inputFacts(questionnaire)) {
                session.insert(fact);
                if (fact instanceof Measurement m) {
                    for (Object range : kb.referenceRanges(m.question())) {
                        session.insert(range);
                    }
                }
            }
            int fired = session.fireAllRules(maxFirings);
            if (fired >= maxFirings && session.fireAllRules(1) > 0) {
                String culprit = recorder.firings().entrySet().stream()
                        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                        .map(Map.Entry::getKey).orElse("?");
                throw new RunawayRulesException(culprit, maxFirings);
            }
            return new Reasoning(assembler.assemble(questionnaire, recorder.derivations(), recorder.firedRules()),
                    recorder.derivations());
        } finally {
            // Back to the pool: reset clears the facts, the agenda and the listeners (also after a runaway or a
            // failing rule action, as Drools' own stateless sessions rely on).
            session.dispose();
        }
    }

    /**
     * The input facts of a questionnaire: one {@link Answer} per yes/no, one-of and chosen any-of value,
     * one {@link Measurement} per number. Unanswered questions give no fact, so rules cannot mistake
     * "unknown" for "no".
     *
     * @param questionnaire the answers
     * @return the facts, in question id order (the order of the answers; no result depends on it)
     */
    public List<Object> inputFacts(Questionnaire questionnaire) {
        List<Object> facts = new ArrayList<>(questionnaire.answers().size() + 8);
        QuestionCatalog questions = kb.data().questions();
        for (Map.Entry<String, Object> answer : questionnaire.answers().entrySet()) {
            String id = answer.getKey();
            Object value = answer.getValue();
            Question q = questions.get(id);
            if (q == null || value == null) {
                continue;
            }
            switch (q.type()) {
                case YES_NO -> facts.add(answer(id, Boolean.TRUE.equals(value) ? "yes" : "no"));
                case ONE_OF -> facts.add(answer(id, (String) value));
                case ANY_OF -> {
                    for (Object v : (List<?>) value) {
                        facts.add(answer(id, (String) v));
                    }
                }
                case NUMBER -> facts.add(new Measurement(id, ((BigDecimal) value).doubleValue()));
                case TEXT -> { }
            }
        }
        return facts;
    }

    /** The shared answer fact, or a new one for a value outside the catalogue (which validation does not let through). */
    private Answer answer(String question, String value) {
        Answer a = answers.getOrDefault(question, Map.of()).get(value);
        return a != null ? a : new Answer(question, value);
    }
}
