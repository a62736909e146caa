package org.twitchadvisor;

import org.twitchadvisor.internal.engine.KnowledgeBase;
import org.twitchadvisor.internal.engine.RuleFolder;

import java.nio.file.Path;
import java.util.Set;

/** Shared test access to the repository's rules folder. */
final class TestRules {
    static final Path RULES = Path.of("rules");
    private static KnowledgeBase kb;

    private TestRules() {
    }

    static synchronized KnowledgeBase knowledgeBase() {
        if (kb == null) {
            kb = KnowledgeBase.load(RuleFolder.read(RULES));
        }
        return kb;
    }

    static Set<String> ruleNames() {
        return knowledgeBase().rules().keySet();
    }
}
