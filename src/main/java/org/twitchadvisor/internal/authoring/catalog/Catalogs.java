package org.twitchadvisor.internal.authoring.catalog;

import org.twitchadvisor.RuleCatalog;
import org.twitchadvisor.internal.engine.KnowledgeBase;
import org.twitchadvisor.internal.engine.ReferenceData;
import org.twitchadvisor.internal.engine.RuleInfo;
import org.twitchadvisor.internal.authoring.lint.FactModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the public {@link RuleCatalog} of a knowledge base. */
public final class Catalogs {
    /** The subject type of layer-1 conclusions, which have no table of their own. */
    public static final String RISK_FACTOR = "risk_factor";

    private Catalogs() {
    }

    /**
     * @param kb the knowledge base
     * @return its rules, sources, subjects and warnings
     */
    public static RuleCatalog of(KnowledgeBase kb) {
        ReferenceData data = kb.data();
        List<RuleCatalog.Rule> rules = new ArrayList<>();
        for (RuleInfo r : kb.rules().values()) {
            rules.add(new RuleCatalog.Rule(r.name(), r.file(), r.line(), r.layer(), r.claim(), r.sources(), r.weight(),
                    r.concludes(), r.conclusion(), r.subject(), subjectType(r, data)));
        }
        List<RuleCatalog.Source> sources = data.sources().values().stream()
                .map(s -> new RuleCatalog.Source(s.id(), s.title(), s.kind(), s.location())).toList();
        List<RuleCatalog.Subject> subjects = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> type : data.subjects().entrySet()) {
            type.getValue().forEach((id, label) -> subjects.add(new RuleCatalog.Subject(type.getKey(), id,
                    data.label(type.getKey(), id))));
        }
        return new RuleCatalog(rules, sources, subjects, kb.warnings());
    }

    private static String subjectType(RuleInfo r, ReferenceData data) {
        FactModel.FactType type = FactModel.type(r.concludes());
        if (r.subject().isEmpty() || type == null) {
            return "";
        }
        if (!type.subjectType().isEmpty()) {
            return type.subjectType();
        }
        if (type.layer() == 1) {
            return RISK_FACTOR;
        }
        // Advice names the finding it belongs to; the first type that has that subject is its type.
        for (Map.Entry<String, Map<String, String>> t : data.subjects().entrySet()) {
            if (t.getValue().containsKey(r.subject())) {
                return t.getKey();
            }
        }
        return "";
    }
}
