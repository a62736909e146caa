package org.twitchadvisor.internal.authoring.lint;

import org.twitchadvisor.facts.Advice;
import org.twitchadvisor.facts.Answer;
import org.twitchadvisor.facts.DeficiencyEvidence;
import org.twitchadvisor.facts.DifferentialEvidence;
import org.twitchadvisor.facts.LabResult;
import org.twitchadvisor.facts.LifestyleFactor;
import org.twitchadvisor.facts.Limit;
import org.twitchadvisor.facts.Nutrient;
import org.twitchadvisor.facts.Measurement;
import org.twitchadvisor.facts.RedFlag;
import org.twitchadvisor.facts.ReferenceRange;
import org.twitchadvisor.facts.RiskFactor;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fact types a rule may use, read from the records of {@code org.twitchadvisor.facts}, so the checks,
 * the messages and the documentation name exactly the fields the engine has.
 */
public final class FactModel {
    /** The package every rule file may import from, and nothing else. */
    public static final String PACKAGE = "org.twitchadvisor.facts";

    /** What a fact type is for; only conclusions may be inserted by a rule. */
    public enum Kind {
        /** From the questionnaire; never changed. */
        INPUT,
        /** From the tables in {@code rules/data}; never changed. */
        REFERENCE,
        /** Inserted by rules with {@code insertLogical}. */
        CONCLUSION
    }

    /**
     * One fact type.
     *
     * @param name the simple name rules use, e.g. {@code DeficiencyEvidence}
     * @param kind input, reference data or conclusion
     * @param layer the layer whose rules conclude it (1-4), or 0 for inputs and reference data
     * @param fields the field names in constructor order
     * @param textFields which fields hold text (the others are numbers)
     * @param subjectType for a conclusion whose first field names a finding subject, the subject's type in
     *        {@code data/subjects.csv} ({@code deficiency}, {@code lifestyle}, {@code differential},
     *        {@code red_flag}); "" otherwise
     */
    public record FactType(String name, Kind kind, int layer, List<String> fields, List<Boolean> textFields,
                           String subjectType) {
        /** Unmodifiable copies. */
        public FactType {
            fields = List.copyOf(fields);
            textFields = List.copyOf(textFields);
        }

        /** @return the fields as written in a message, e.g. {@code nutrient, basis} */
        public String fieldList() {
            return String.join(", ", fields);
        }
    }

    private static final Map<String, FactType> TYPES = new LinkedHashMap<>();

    static {
        add(Answer.class, Kind.INPUT, 0, "");
        add(Measurement.class, Kind.INPUT, 0, "");
        add(ReferenceRange.class, Kind.REFERENCE, 0, "");
        add(Limit.class, Kind.REFERENCE, 0, "");
        add(Nutrient.class, Kind.REFERENCE, 0, "");
        add(RiskFactor.class, Kind.CONCLUSION, 1, "");
        add(DeficiencyEvidence.class, Kind.CONCLUSION, 2, "deficiency");
        add(LifestyleFactor.class, Kind.CONCLUSION, 2, "lifestyle");
        add(DifferentialEvidence.class, Kind.CONCLUSION, 2, "differential");
        add(LabResult.class, Kind.CONCLUSION, 2, "deficiency");
        add(RedFlag.class, Kind.CONCLUSION, 3, "red_flag");
        // Advice belongs to a finding of any type: its subject is checked against every subject.
        add(Advice.class, Kind.CONCLUSION, 4, "");
    }

    private FactModel() {
    }

    private static void add(Class<? extends Record> type, Kind kind, int layer, String subjectType) {
        RecordComponent[] components = type.getRecordComponents();
        TYPES.put(type.getSimpleName(), new FactType(type.getSimpleName(), kind, layer,
                Arrays.stream(components).map(RecordComponent::getName).toList(),
                Arrays.stream(components).map(c -> c.getType() == String.class).toList(), subjectType));
    }

    /**
     * The fact type a rule names, by simple name or fully qualified in the fact package.
     *
     * @param name as written in the rule
     * @return the type, or {@code null} when the rule may not use it
     */
    public static FactType type(String name) {
        String simple = name.startsWith(PACKAGE + ".") ? name.substring(PACKAGE.length() + 1) : name;
        return TYPES.get(simple);
    }

    /** @return every fact type, inputs first, then reference data, then conclusions by layer */
    public static List<FactType> all() {
        return List.copyOf(TYPES.values());
    }

    /** @return the simple names of every fact type, for messages */
    public static List<String> names() {
        return List.copyOf(TYPES.keySet());
    }

    /** @return the simple names of the types a rule may conclude */
    public static List<String> conclusionNames() {
        return TYPES.values().stream().filter(t -> t.kind() == Kind.CONCLUSION).map(FactType::name).toList();
    }

    /**
     * @param field a name after a dot, as in {@code $range.deficientBelow}
     * @return whether it is a field of some fact type
     */
    public static boolean isAnyField(String field) {
        return TYPES.values().stream().anyMatch(t -> t.fields().contains(field));
    }

    /**
     * @param target what an {@code import} names
     * @return whether a rule file may import it: the whole fact package, or one fact type of it
     */
    static boolean importable(String target) {
        return target.equals(PACKAGE + ".*") || target.startsWith(PACKAGE + ".") && type(target) != null;
    }
}
